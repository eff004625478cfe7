import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { useDraftError } from '../hooks/use-draft-error';
import {
  SCHEMA_FIELD_TYPES,
  parseRawSchema,
  rowsToSchema,
  schemaToRows,
  type SchemaFieldRow,
  type SchemaFieldType,
} from '../schema-form/field-list-schema';
import type { FormField } from '../schema-form/schema-fields';

type Props = { nodeId: string; field: FormField; value: unknown; onChange: (v: unknown) => void; issue?: string };

const TYPE_LABELS = {
  string: 'editor:fields.schema.types.string',
  number: 'editor:fields.schema.types.number',
  integer: 'editor:fields.schema.types.integer',
  boolean: 'editor:fields.schema.types.boolean',
  stringArray: 'editor:fields.schema.types.stringArray',
  object: 'editor:fields.schema.types.object',
} as const satisfies Record<SchemaFieldType, string>;

/** Inputs in a row share its width (a long type name must not squeeze the field name). */
const GROW = { flex: '1 1 0', minWidth: 0 };

/** JSON Schema itself, not words: the same in every language. */
const RAW_PLACEHOLDER = '{ "type": "object", "properties": { … } }';

const emptyRow = (): SchemaFieldRow => ({ name: '', type: 'string', description: '', required: true });
const pretty = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/**
 * The `jsonSchema` widget: an answer schema edited as a list of fields or as raw JSON Schema. The
 * param is always the JSON Schema; the list is offered only when it can show the schema exactly.
 */
export function JsonSchemaEditor({ nodeId, field, value, onChange, issue }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'fields' | 'raw'>(() => (schemaToRows(value) ? 'fields' : 'raw'));
  const [rows, setRows] = useState<SchemaFieldRow[]>(() => schemaToRows(value) ?? []);
  const [text, setText] = useState(() => pretty(value));
  const [rawError, setRawError] = useState<string | null>(null);
  useDraftError(nodeId, field, mode === 'raw' ? rawError : null);
  const id = `param-${nodeId}-${field.key}`;
  const representable = schemaToRows(value) !== undefined;

  const commitRows = (next: SchemaFieldRow[]) => {
    setRows(next);
    const schema = rowsToSchema(next);
    setText(pretty(schema));
    onChange(schema);
  };
  const setRow = (i: number, patch: Partial<SchemaFieldRow>) => commitRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const updateText = (next: string) => {
    setText(next);
    const parsed = parseRawSchema(next);
    if (!parsed.ok) {
      setRawError(
        parsed.error === 'invalidJson'
          ? t('editor:runDialog.invalidJson', { reason: parsed.detail ?? '' })
          : t('editor:fields.schema.notObjectSchema'),
      );
      return;
    }
    setRawError(null);
    setRows(schemaToRows(parsed.value) ?? []);
    onChange(parsed.value);
  };
  const switchTo = (next: 'fields' | 'raw') => {
    if (next === 'fields') {
      setRows(schemaToRows(value) ?? []);
      setRawError(null);
    } else setText(pretty(value));
    setMode(next);
  };

  const shown = (mode === 'raw' ? rawError : null) ?? issue;
  const toggle = (
    <span className="row" role="group" aria-label={t('editor:fields.schema.modeLabel')} style={{ gap: 4 }}>
      <Button
        size="sm"
        variant={mode === 'fields' ? 'primary' : 'ghost'}
        aria-pressed={mode === 'fields'}
        disabled={!representable && mode === 'raw'}
        title={!representable ? t('editor:fields.schema.notRepresentable') : undefined}
        onClick={() => switchTo('fields')}
      >
        {t('editor:fields.schema.fieldsMode')}
      </Button>
      <Button size="sm" variant={mode === 'raw' ? 'primary' : 'ghost'} aria-pressed={mode === 'raw'} onClick={() => switchTo('raw')}>
        {t('editor:fields.schema.rawMode')}
      </Button>
    </span>
  );

  return (
    <Field label={field.label} htmlFor={id} required={field.required} hint={field.description} error={shown} aside={toggle}>
      {mode === 'raw' ? (
        <textarea
          id={id}
          className={`textarea code${shown ? ' invalid' : ''}`}
          spellCheck={false}
          value={text}
          aria-invalid={shown ? true : undefined}
          placeholder={RAW_PLACEHOLDER}
          onChange={(e) => updateText(e.target.value)}
        />
      ) : (
        <div className="stack" style={{ gap: 6 }} id={id}>
          {rows.map((r, i) => (
            <div className="stack" style={{ gap: 4 }} key={i}>
              <div className="row">
                <input
                  className="input"
                  style={GROW}
                  placeholder={t('editor:fields.schema.name')}
                  aria-label={t('editor:fields.schema.nameLabel', { n: i + 1 })}
                  value={r.name}
                  onChange={(e) => setRow(i, { name: e.target.value })}
                />
                <select
                  className="select"
                  style={GROW}
                  aria-label={t('editor:fields.schema.typeLabel', { n: i + 1 })}
                  value={r.type}
                  onChange={(e) => setRow(i, { type: e.target.value as SchemaFieldRow['type'] })}
                >
                  {SCHEMA_FIELD_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(TYPE_LABELS[type])}
                    </option>
                  ))}
                </select>
                <Button
                  size="sm"
                  variant="ghost"
                  icon="x"
                  aria-label={t('editor:fields.schema.removeLabel', { n: i + 1 })}
                  onClick={() => commitRows(rows.filter((_, n) => n !== i))}
                />
              </div>
              <div className="row">
                <input
                  className="input"
                  style={GROW}
                  placeholder={t('editor:fields.schema.description')}
                  aria-label={t('editor:fields.schema.descriptionLabel', { n: i + 1 })}
                  value={r.description}
                  onChange={(e) => setRow(i, { description: e.target.value })}
                />
                <label className="checkbox" style={{ whiteSpace: 'nowrap' }}>
                  <input type="checkbox" checked={r.required} onChange={(e) => setRow(i, { required: e.target.checked })} />
                  {t('editor:fields.schema.required')}
                </label>
              </div>
            </div>
          ))}
          <div>
            <Button size="sm" icon="plus" onClick={() => setRows([...rows, emptyRow()])}>
              {t('editor:fields.schema.addField')}
            </Button>
          </div>
        </div>
      )}
    </Field>
  );
}
