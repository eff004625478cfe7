import { asString, list, obj, unsupported, type Mapper } from '../plan';
import type { N8nNode } from '../workflow';

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v.replace(/^=/, '') : JSON.stringify(v ?? '');
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

/** The IF node's conditions in one line, so the report says what the branches tested. */
export function describeConditions(node: N8nNode): string {
  const c = obj(node.parameters.conditions);
  if (node.typeVersion >= 2) {
    const joiner = asString(c.combinator) === 'or' ? ' or ' : ' and ';
    return list(c.conditions)
      .map((x) => `${short(x.leftValue)} ${asString(obj(x.operator).operation) ?? 'equals'} ${short(x.rightValue)}`)
      .join(joiner);
  }
  const joiner = asString(node.parameters.combineOperation) === 'any' ? ' or ' : ' and ';
  return ['string', 'number', 'boolean', 'dateTime']
    .flatMap((kind) => list(c[kind]).map((x) => `${short(x.value1)} ${asString(x.operation) ?? 'equal'} ${short(x.value2)}`))
    .join(joiner);
}

/** IF, Switch, Filter: control flow does not exist yet (flow.if comes with the control-flow issue). */
/** "true: A, B; false: C" from the node's outputs. */
function branches(outputs: string[][], names: string[]): string {
  return outputs
    .map((targets, i) => (targets.length ? `${names[i] ?? `output ${i}`}: ${targets.join(', ')}` : ''))
    .filter(Boolean)
    .join('; ');
}

export const ifNode: Mapper = (node, ctx) => {
  const cond = describeConditions(node);
  const paths = branches(ctx.outputs(), ['true', 'false']);
  return unsupported(
    `IF${cond ? ` (${cond})` : ''}: conditions do not exist yet in Bot Manager, so the IF was left out and the nodes of every branch${paths ? ` (${paths})` : ''} now run each time, after the IF's input.`,
    true,
  );
};

export const switchNode: Mapper = (_node, ctx) => {
  const paths = branches(ctx.outputs(), []);
  return unsupported(
    `Switch: routing does not exist yet in Bot Manager, so the Switch was left out and the nodes of all its outputs${paths ? ` (${paths})` : ''} now run each time.`,
    true,
  );
};

export const splitInBatches: Mapper = () =>
  unsupported(
    'Loop Over Items: loops do not exist yet in Bot Manager; left out, its items go straight on and the loop back is removed.',
    true,
  );

export const filterNode: Mapper = () =>
  unsupported('Filter: n8n filters items one by one; it was left out (a transform.filter node over a list can do the same by hand).', true);

export const noOp: Mapper = () => unsupported('No Operation: does nothing, left out.', true);

export const respondToWebhook: Mapper = () =>
  unsupported(
    'Respond to Webhook: a Bot Manager webhook answers with the run id; a custom response (output.respond) does not exist yet, so this node was left out.',
    true,
  );

export const wait: Mapper = () => unsupported('Wait: pausing a run does not exist yet in Bot Manager; left out.', true);

export const stickyNote: Mapper = (node) => {
  const text = asString(node.parameters.content)?.trim();
  return unsupported(`Sticky note (a comment on the canvas) is not imported${text ? `: "${short(text)}"` : ''}.`);
};
