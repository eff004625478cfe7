import { ExpressionError, getAtPath, parsePath } from '@bm/graph';
import type { NodeInputs } from '../types';
import { nodeError } from '../messages';

/** The output of the first connected node (edge order), or undefined. */
export function primaryInput(inputs: NodeInputs): unknown {
  return inputs.all[0];
}

/** Parses a relative path such as `body.items` or `author["full name"]`. */
export function pathOf(path: string, param: string) {
  try {
    return parsePath(path);
  } catch (err) {
    if (err instanceof ExpressionError) {
      throw nodeError('INVALID_PARAMS', 'node.INVALID_PARAMS.path', { param, detail: err.message });
    }
    throw err;
  }
}

/** `[…]` itself, or the `items` array of an object; undefined otherwise. */
export function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    const items = (value as { items?: unknown }).items;
    if (Array.isArray(items)) return items;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `an object with ${keys.slice(0, 8).join(', ')}` : 'an empty object';
  }
  return `a ${typeof value}`;
}

/**
 * The list a node works on: `spec` rendered to a list (an expression such as
 * `{{ nodes.fetch.output.body.results }}`), or a path (`body.results`) into the first upstream
 * output; by default the upstream output itself if it is a list, or its `items`.
 */
export function resolveList(spec: unknown, inputs: NodeInputs, param = 'items'): unknown[] {
  const upstream = primaryInput(inputs);
  if (spec === undefined || spec === null || spec === '') {
    const list = asList(upstream);
    if (list) return list;
    throw nodeError('INVALID_INPUT', 'node.INVALID_INPUT.notList', { got: describe(upstream), param });
  }
  if (typeof spec === 'string') {
    const value = getAtPath(upstream, pathOf(spec, param));
    const list = asList(value);
    if (list) return list;
    throw nodeError('INVALID_INPUT', 'node.INVALID_INPUT.notListAt', { path: spec, got: describe(value) });
  }
  const list = asList(spec);
  if (list) return list;
  throw nodeError('INVALID_INPUT', 'node.INVALID_INPUT.paramNotList', { param, got: describe(spec) });
}
