import { asString, obj, type Mapper, type OutputMap } from '../plan';
import { templatePath } from '../expression/translate';

/**
 * n8n runs the next node once per item; Bot Manager runs each node once, with the whole list. A
 * reference to "the current item" of a list has no counterpart until loops exist.
 */
export const perItem =
  (what: string): OutputMap =>
  () => ({
    reason: `reads one item of ${what}; n8n runs the next node once per item, Bot Manager once with the whole list (use {{ nodes.<id>.output.items }} or a list index)`,
  });

export const merge: Mapper = (node, ctx) => {
  const mode = asString(node.parameters.mode) ?? 'append';
  if (mode !== 'append') {
    const how = asString(node.parameters.combineBy) ?? asString(node.parameters.combinationMode) ?? '';
    ctx.report(`Merge mode "${mode}${how ? ` / ${how}` : ''}" is not available; the inputs are appended into one list.`, 'mode');
  }
  return {
    kind: 'node',
    type: 'transform.merge',
    version: 1,
    output: perItem(`the merged list "${node.name}"`),
    build: () => ({ mode: 'append' }),
  };
};

export const splitOut: Mapper = (node, ctx) => {
  const fields = (asString(node.parameters.fieldToSplitOut) ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length > 1)
    ctx.report(
      `Splitting out several fields (${fields.join(', ')}) is not available; only "${fields[0]}" is split out.`,
      'fieldToSplitOut',
    );
  const include = asString(node.parameters.include) ?? 'noOtherFields';
  if (include !== 'noOtherFields')
    ctx.report('The other fields of each item are not included; the items are the elements of the list.', 'include');
  if (asString(obj(node.parameters.options).destinationFieldName)) {
    ctx.report(
      'The destination field name is not used: the items are the elements of the list themselves.',
      'options.destinationFieldName',
    );
  }
  return {
    kind: 'node',
    type: 'transform.split',
    version: 2,
    output: perItem(`the list split out by "${node.name}"`),
    build(b) {
      const field = fields[0];
      if (!field) return {};
      const disableDots = obj(node.parameters.options).disableDotNotation === true;
      const r = b.current(disableDots ? [field] : field.split('.'));
      if ('reason' in r) {
        b.report(`The field to split out "${field}" ${r.reason}; the whole input is split instead.`, 'fieldToSplitOut');
        return {};
      }
      return { source: `{{ ${templatePath(r)} }}` };
    },
  };
};
