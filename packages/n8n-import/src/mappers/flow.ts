import { obj, unsupported, type Mapper, type OutputMap } from '../plan';
import { filterConditions, ifV1Conditions, toCondition } from './conditions';

/** IF, Switch, Wait pass their input on unchanged: a reference to their items reads it on them. */
export const passOn: OutputMap = (path, self) => ({ kind: 'node', nodeId: self, path });

/** IF v1 (typed lists of comparisons) and v2+ (the filter parameter) → flow.if; outputs 0 / 1 → true / false. */
export const ifNode: Mapper = (node) => {
  const ignoreCase = obj(node.parameters.options).ignoreCase === true;
  const set = node.typeVersion >= 2 ? filterConditions(node.parameters.conditions, ignoreCase) : ifV1Conditions(node);
  return {
    kind: 'node',
    type: 'flow.if',
    version: 1,
    output: passOn,
    passesInput: true,
    port: (i) => (i === 0 ? 'true' : i === 1 ? 'false' : null),
    build: (b) => toCondition(b, set, 'conditions'),
  };
};

export const filterNode: Mapper = () =>
  unsupported('Filter: n8n filters items one by one; it was left out (a transform.filter node over a list can do the same by hand).', true);

export const noOp: Mapper = () => unsupported('No Operation: does nothing, left out.', true);

/** A sticky note is no node: the converter makes it a note on the canvas (mappers/note.ts). */
export const stickyNote: Mapper = () => ({ ...unsupported('Sticky note'), note: true });
