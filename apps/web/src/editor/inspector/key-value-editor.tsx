import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import type { FormField } from '../schema-form/schema-fields';

type Row = { key: string; value: string };

const toRows = (value: unknown): Row[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v) }))
    : [];

/** Rows are edited locally (a half-typed key is fine); the param gets the rows with a key. */
export function KeyValueEditor({
  nodeId,
  field,
  value,
  onChange,
}: {
  nodeId: string;
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const { t } = useTranslation();
  const commit = (next: Row[]) => {
    setRows(next);
    const obj: Record<string, string> = {};
    for (const r of next) if (r.key.trim()) obj[r.key.trim()] = r.value;
    onChange(Object.keys(obj).length > 0 || field.defaultValue !== undefined ? obj : undefined);
  };
  const set = (i: number, patch: Partial<Row>) => commit(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const id = `param-${nodeId}-${field.key}`;
  return (
    <Field label={field.label} htmlFor={id} required={field.required} hint={field.description}>
      <div className="stack" style={{ gap: 6 }} id={id}>
        {rows.map((r, i) => (
          <div className="row" key={i}>
            <input
              className="input"
              placeholder={t('editor:fields.entryName')}
              aria-label={t('editor:fields.entryNameLabel', { field: field.label, n: i + 1 })}
              value={r.key}
              onChange={(e) => set(i, { key: e.target.value })}
            />
            <input
              className="input"
              placeholder={t('editor:fields.entryValue')}
              aria-label={t('editor:fields.entryValueLabel', { field: field.label, n: i + 1 })}
              value={r.value}
              onChange={(e) => set(i, { value: e.target.value })}
            />
            <Button
              size="sm"
              variant="ghost"
              icon="x"
              aria-label={t('common:actions.remove')}
              onClick={() => commit(rows.filter((_, n) => n !== i))}
            />
          </div>
        ))}
        <div>
          <Button size="sm" icon="plus" onClick={() => setRows([...rows, { key: '', value: '' }])}>
            {rows.length === 0 ? t('editor:fields.addEntry') : t('editor:fields.addAnother')}
          </Button>
        </div>
      </div>
    </Field>
  );
}
