import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { coerceFieldValue, formatFieldValue, type FormField } from '../schema-form/schema-fields';
import { useDraftError } from '../hooks/use-draft-error';
import { ExpressionEditor } from '../expressions/expression-editor';
import { JsonSchemaEditor } from './json-schema-editor';
import { KeyValueEditor } from './key-value-editor';

type Props = {
  nodeId: string;
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  /** What the server said is wrong with this param on the last save. */
  issue?: string;
};

const inputId = (nodeId: string, key: string) => `param-${nodeId}-${key}`;

/** Text that the user edits freely and that reaches params only once it parses (numbers, JSON). */
function ParsedInput({ nodeId, field, value, onChange, issue }: Props) {
  const [text, setText] = useState(() => formatFieldValue(field, value));
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  useDraftError(nodeId, field, error);
  const update = (next: string) => {
    setText(next);
    const result = coerceFieldValue(field, next);
    if (result.ok) {
      setError(null);
      onChange(result.value);
    } else setError(result.error);
  };
  const shown = error ?? issue;
  const common = {
    id: inputId(nodeId, field.key),
    value: text,
    'aria-invalid': shown ? true : undefined,
    onChange: (e: { target: { value: string } }) => update(e.target.value),
  };
  return (
    <Field label={field.label} htmlFor={common.id} required={field.required} error={shown} hint={field.description}>
      {field.kind === 'json' ? (
        <textarea
          {...common}
          className={`textarea code${shown ? ' invalid' : ''}`}
          spellCheck={false}
          placeholder={field.jsonShape === 'array' ? '["…"]' : '{ "key": "value" }'}
        />
      ) : (
        <input
          {...common}
          className={`input${shown ? ' invalid' : ''}`}
          type="text"
          inputMode="decimal"
          placeholder={field.defaultValue !== undefined ? t('editor:fields.default', { value: String(field.defaultValue) }) : undefined}
        />
      )}
    </Field>
  );
}

function StringInput({ nodeId, field, value, onChange, issue }: Props) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const { t } = useTranslation();
  const text = formatFieldValue(field, value);
  const id = inputId(nodeId, field.key);
  const placeholder = field.placeholder ?? (field.defaultValue !== undefined ? String(field.defaultValue) : undefined);
  const update = (next: string) => {
    const r = coerceFieldValue(field, next);
    if (r.ok) onChange(r.value);
  };
  const tall = /prompt|template|content|body/i.test(field.key);
  const multiline = field.kind === 'textarea' || field.kind === 'code';
  const className = multiline
    ? (field.kind === 'code' ? 'textarea code' : tall ? 'textarea tall' : 'textarea') + (issue ? ' invalid' : '')
    : issue
      ? 'input invalid'
      : 'input';
  if (field.expressions) {
    const badge = (
      <span className="expr-badge" title={t('editor:fields.expressionsTitle')}>
        {'{{ }}'}
      </span>
    );
    return (
      <Field label={field.label} htmlFor={id} required={field.required} aside={badge}>
        <ExpressionEditor
          nodeId={nodeId}
          id={id}
          text={text}
          onChange={update}
          multiline={multiline}
          className={className}
          invalid={Boolean(issue)}
          placeholder={placeholder}
          spellCheck={field.kind !== 'code'}
        >
          {issue ? <div className="field-error">{issue}</div> : field.description && <div className="field-hint">{field.description}</div>}
        </ExpressionEditor>
      </Field>
    );
  }
  const common = {
    ref,
    id,
    value: text,
    className,
    placeholder,
    'aria-invalid': issue ? true : undefined,
    onChange: (e: { target: { value: string } }) => update(e.target.value),
  };
  return (
    <Field label={field.label} htmlFor={id} required={field.required} hint={field.description} error={issue}>
      {multiline ? <textarea {...common} spellCheck={field.kind !== 'code'} /> : <input {...common} />}
    </Field>
  );
}

/** One generated form control for one param. */
export function FieldInput(props: Props) {
  const { nodeId, field, value, onChange, issue } = props;
  const id = inputId(nodeId, field.key);
  const { t } = useTranslation();
  switch (field.kind) {
    case 'boolean':
      return (
        <div className="field">
          <label className="checkbox" htmlFor={id}>
            <input id={id} type="checkbox" checked={Boolean(value ?? field.defaultValue)} onChange={(e) => onChange(e.target.checked)} />
            {field.label}
          </label>
          {issue ? <div className="field-error">{issue}</div> : field.description && <div className="field-hint">{field.description}</div>}
        </div>
      );
    case 'enum':
      return (
        <Field label={field.label} htmlFor={id} required={field.required} hint={field.description} error={issue}>
          <select
            id={id}
            className={issue ? 'select invalid' : 'select'}
            value={value === undefined ? '' : String(value)}
            onChange={(e) => {
              const r = coerceFieldValue(field, e.target.value);
              if (r.ok) onChange(r.value);
            }}
          >
            {(!field.required || value === undefined) && (
              <option value="">
                {field.defaultValue !== undefined ? t('editor:fields.defaultOption', { value: String(field.defaultValue) }) : '—'}
              </option>
            )}
            {field.options?.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'number':
    case 'integer':
    case 'json':
      return <ParsedInput {...props} />;
    case 'keyValue':
      return <KeyValueEditor {...props} />;
    case 'jsonSchema':
      return <JsonSchemaEditor {...props} />;
    default:
      return <StringInput {...props} />;
  }
}
