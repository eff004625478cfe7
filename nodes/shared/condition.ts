import { getAtPath } from '@bm/graph';
import { z } from 'zod';
import { compileJsonata, evaluateJsonata, jsonataSyntaxError } from '../transform/jsonata/evaluate';
import { compileRegex, matches, OPERATORS, UNARY } from './conditions';
import { pathOf } from './items';

/**
 * One condition as flow.if and each flow.switch case take it: the same fields, operators and
 * JSONata mode as transform.filter, tested against one value (the node's input) instead of each
 * item of a list.
 */
export const conditionFields = {
  mode: z.enum(['condition', 'jsonata']).default('condition').describe('Test a field with an operator, or write a JSONata expression.'),
  field: z
    .string()
    .default('')
    .describe('Condition: the field of the input to test (e.g. body.status or category); empty tests the input itself.'),
  operator: z.enum(OPERATORS).default('equals').describe('Condition: how to compare.'),
  value: z
    .string()
    .optional()
    .describe('Condition: the value to compare with (a number, text, an ISO date, or a regular expression for "regex").'),
  caseSensitive: z.boolean().default(false).describe('Condition: compare text with exact case.'),
  expression: z
    .string()
    .optional()
    .describe(
      'JSONata: true (exactly) takes this way. The input is `$`, the run input `$input`, e.g. score > 0.5 and $contains(title, "AI").',
    )
    .meta({ widget: 'code' }),
};

export type Condition = {
  mode: 'condition' | 'jsonata';
  field: string;
  operator: (typeof OPERATORS)[number];
  value?: string;
  caseSensitive: boolean;
  expression?: string;
};

/** The checks transform.filter makes too: JSONata that compiles, a value for a binary operator. */
export function refineCondition(c: Condition, ctx: z.RefinementCtx, path: (string | number)[] = []) {
  if (c.mode === 'jsonata') {
    if (!c.expression?.trim()) ctx.addIssue({ code: 'custom', path: [...path, 'expression'], message: 'is required in jsonata mode' });
    else {
      const error = jsonataSyntaxError(c.expression);
      if (error) ctx.addIssue({ code: 'custom', path: [...path, 'expression'], message: `invalid JSONata: ${error}` });
    }
  } else if (!UNARY.has(c.operator) && c.value === undefined) {
    ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `is required for the "${c.operator}" operator` });
  }
}

/** Does the subject satisfy the condition? JSONata must give exactly `true`. */
export async function testCondition(c: Condition, subject: unknown, runInput: unknown): Promise<boolean> {
  if (c.mode === 'jsonata') {
    const expr = compileJsonata(c.expression ?? 'false');
    return (await evaluateJsonata(expr, subject, { input: runInput })) === true;
  }
  const path = pathOf(c.field, 'field');
  const regex = c.operator === 'regex' ? compileRegex(String(c.value ?? ''), c.caseSensitive) : undefined;
  return matches(path.length ? getAtPath(subject, path) : subject, c.operator, c.value, { caseSensitive: c.caseSensitive, regex });
}
