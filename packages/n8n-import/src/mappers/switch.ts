import { asNumber, asString, list, obj, unsupported, type Mapper, type PlanContext } from '../plan';
import type { N8nNode } from '../workflow';
import { filterConditions, toCondition, v1Op, type ConditionSet } from './conditions';
import { passOn } from './flow';

/** One flow.switch case before its condition is built: its name and the n8n output it stands for. */
interface Rule {
  output: number;
  name: string;
  set: ConditionSet;
}

/** A case name our switch accepts (letters, digits, spaces, - and _; not default/error), unique. */
function caseName(wanted: string, fallback: string, taken: Set<string>): string {
  let base = wanted
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 36);
  if (!base || base === 'default' || base === 'error') base = fallback;
  let name = base;
  for (let i = 2; taken.has(name); i += 1) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

/**
 * Switch v3 (rules mode): each rule is a filter (like IF v2) and an output of its own, named by
 * `outputKey` when renamed; the fallback is "none", "extra" (one more output) or a rule's output.
 */
function rulesV3(node: N8nNode): { rules: Omit<Rule, 'name'>[]; names: string[]; fallback: number | 'none' | 'extra' } {
  const p = node.parameters;
  const options = obj(p.options);
  const values = list(obj(p.rules).values);
  const ignoreCase = options.ignoreCase === true;
  const fb = options.fallbackOutput;
  return {
    rules: values.map((v, output) => ({ output, set: filterConditions(v.conditions, ignoreCase) })),
    names: values.map((v) => (v.renameOutput === true ? (asString(v.outputKey) ?? '') : '')),
    fallback: fb === 'extra' ? 'extra' : typeof fb === 'number' ? fb : 'none',
  };
}

/**
 * Switch v1 / v2 (rules mode): one value (`value1`, of `dataType`) compared by each rule with its
 * `value2`; v1 rules name their output (0–3), v2 rules have one output each; the fallback is an
 * output index (-1: none) or, in v2, "none" / "extra".
 */
function rulesV1(node: N8nNode): { rules: Omit<Rule, 'name'>[]; names: string[]; fallback: number | 'none' | 'extra' } {
  const p = node.parameters;
  const type = asString(p.dataType) ?? 'number';
  const rules = list(obj(p.rules).rules);
  const fb = p.fallbackOutput ?? obj(p.options).fallbackOutput;
  return {
    rules: rules.map((r, i) => ({
      output: node.typeVersion < 2 ? (asNumber(r.output) ?? 0) : i,
      set: {
        comparisons: [{ left: p.value1, right: r.value2, type, op: v1Op(asString(r.operation), type === 'number' ? 'lt' : 'equals') }],
        combinator: 'and',
        caseSensitive: true,
      },
    })),
    names: rules.map((r) => asString(r.outputKey) ?? ''),
    fallback: fb === 'extra' || fb === 'last' ? 'extra' : typeof fb === 'number' && fb >= 0 ? fb : 'none',
  };
}

/**
 * Switch (rules mode) → flow.switch: one case per n8n output (rules that share an output, as v1
 * allows, become one case matching either), first match unless "send to all matching outputs".
 * n8n's output index i → the case's name as the edge's port; the fallback output → `default`.
 */
export const switchNode: Mapper = (node, ctx: PlanContext) => {
  const p = node.parameters;
  const mode = asString(p.mode) ?? 'rules';
  if (mode !== 'rules') {
    return unsupported(
      'Switch in expression mode (the output index comes from a JavaScript expression) has no counterpart; it was left out and the nodes of all its outputs now run each time (a flow.switch with one case per output can do it by hand).',
      true,
    );
  }
  const shape = node.typeVersion >= 3 ? rulesV3(node) : rulesV1(node);
  const taken = new Set<string>();
  const byOutput = new Map<number, Rule>();
  for (const [i, r] of shape.rules.entries()) {
    const known = byOutput.get(r.output);
    if (known) {
      // Each v1 rule is one comparison, so "either" is an or of them.
      known.set = { ...known.set, comparisons: [...known.set.comparisons, ...r.set.comparisons], combinator: 'or' };
      ctx.report(
        `Rule ${i + 1} sends to output ${r.output} like an earlier rule: they became one case "${known.name}" that matches either.`,
      );
    } else byOutput.set(r.output, { ...r, name: caseName(shape.names[i] ?? '', `output ${r.output}`, taken) });
  }
  const cases = [...byOutput.values()];
  if (cases.length === 0) return unsupported('Switch without rules: nothing to route; it was left out.', true);
  const fallback = shape.fallback === 'extra' ? shape.rules.length : shape.fallback;
  if (typeof fallback === 'number' && byOutput.has(fallback)) {
    ctx.report(
      `Items no rule matches went to output ${fallback} (the same as "${byOutput.get(fallback)!.name}"); here they go out of "default": connect default where that output leads.`,
      'options.fallbackOutput',
    );
  }
  const allMatching = obj(p.options).allMatchingOutputs === true;
  return {
    kind: 'node',
    type: 'flow.switch',
    version: 1,
    output: passOn,
    passesInput: true,
    port: (i) => byOutput.get(i)?.name ?? (i === fallback ? 'default' : null),
    build: (b) => ({
      cases: cases.map((c, i) => ({ name: c.name, ...toCondition(b, c.set, `rules[${i}]`) })),
      ...(allMatching ? { matchAll: true } : {}),
    }),
  };
};
