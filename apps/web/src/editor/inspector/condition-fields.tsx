import { useMemo } from 'react';
import type { JsonSchema } from '../schema-form/json-schema';
import { schemaToFields } from '../schema-form/schema-fields';
import { FieldInput } from './field-input';

type Props = {
  nodeId: string;
  /** The object schema of one condition (mode, field, operator, value, caseSensitive, expression). */
  schema: JsonSchema;
  /** Keys prefixed with this (`cases.0.`), so ids, draft errors and server issues stay per case. */
  keyPrefix: string;
  value: Record<string, unknown>;
  onChange: (patch: Record<string, unknown>) => void;
  issueFor?: (key: string) => string | undefined;
  /** Fields shown elsewhere (a case's name heads its card). */
  omit?: readonly string[];
};

/**
 * A condition's fields, generated from its schema with the same FieldInput controls as a node's own
 * params: transform.filter and flow.if get theirs from the params form, a switch case from here.
 */
export function ConditionFields({ nodeId, schema, keyPrefix, value, onChange, issueFor, omit = [] }: Props) {
  const fields = useMemo(() => schemaToFields(schema).filter((f) => !omit.includes(f.key)), [schema, omit]);
  return (
    <>
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          nodeId={nodeId}
          field={{ ...field, key: `${keyPrefix}${field.key}` }}
          value={value[field.key]}
          issue={issueFor?.(`${keyPrefix}${field.key}`)}
          onChange={(v) => onChange({ [field.key]: v })}
        />
      ))}
    </>
  );
}
