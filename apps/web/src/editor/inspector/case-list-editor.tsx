import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_PORT } from '@bm/graph';
import { Button } from '../../ui/button';
import type { JsonSchema } from '../schema-form/json-schema';
import { defaultParams, type FormField } from '../schema-form/schema-fields';
import { ConditionFields } from './condition-fields';

type Case = Record<string, unknown> & { name?: string };

type Props = {
  nodeId: string;
  field: FormField;
  /** The schema of one case (from the param's `items`). */
  itemSchema: JsonSchema;
  /** Port names every such node has (flow.switch: `default`): no case may take them. */
  reserved: readonly string[];
  maxItems?: number;
  /** What a new case starts from (the param's default entry), over the schema's defaults. */
  template?: Record<string, unknown>;
  value: unknown;
  onChange: (cases: Case[]) => void;
  issueFor?: (key: string) => string | undefined;
};

const NAME = 'name';
const PROBLEM_TEXT = {
  empty: 'editor:cases.name.empty',
  taken: 'editor:cases.name.taken',
  reserved: 'editor:cases.name.reserved',
} as const;
const OMIT = [NAME] as const;

/** Why a case name cannot be used, or null. The rule of nodes/flow/switch: non-empty, unique, no reserved port. */
function nameProblem(name: string, others: readonly string[], reserved: readonly string[]): 'empty' | 'taken' | 'reserved' | null {
  const n = name.trim();
  if (!n) return 'empty';
  if (reserved.includes(n) || n === ERROR_PORT) return 'reserved';
  if (others.includes(n)) return 'taken';
  return null;
}

function CaseName({
  id,
  name,
  others,
  reserved,
  onCommit,
  issue,
}: {
  id: string;
  name: string;
  others: string[];
  reserved: readonly string[];
  onCommit: (name: string) => void;
  issue?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(name);
  const problem = nameProblem(draft, others, reserved);
  // The name is the case's output port: it changes (and its edges follow) once, when the edit is done.
  const commit = () => {
    if (problem) return;
    const next = draft.trim();
    if (next !== name) onCommit(next);
  };
  const error = problem ? t(PROBLEM_TEXT[problem], { name: draft.trim() }) : issue;
  return (
    <div className="case-name">
      <input
        id={id}
        className={error ? 'input invalid' : 'input'}
        aria-label={t('editor:cases.nameLabel')}
        aria-invalid={error ? true : undefined}
        translate="no"
        value={draft}
        maxLength={40}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => (problem ? setDraft(name) : commit())}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit();
          if (e.key === 'Escape') setDraft(name);
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

/** flow.switch's cases: each a name (its output) and a condition; add, remove, reorder, rename. */
export function CaseListEditor({ nodeId, field, itemSchema, reserved, maxItems = 20, template, value, onChange, issueFor }: Props) {
  const { t } = useTranslation();
  const cases: Case[] = Array.isArray(value) ? (value as Case[]) : [];
  const names = cases.map((c) => String(c.name ?? ''));
  const update = (i: number, patch: Record<string, unknown>) =>
    onChange(
      cases.map((c, j) => (j === i ? Object.fromEntries(Object.entries({ ...c, ...patch }).filter(([, v]) => v !== undefined)) : c)),
    );
  const move = (i: number, by: -1 | 1) => {
    const next = [...cases];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c!);
    onChange(next);
  };
  const add = () => {
    let n = cases.length + 1;
    while (names.includes(t('editor:cases.newName', { n }))) n++;
    onChange([...cases, { ...defaultParams(itemSchema), ...structuredClone(template ?? {}), name: t('editor:cases.newName', { n }) }]);
  };

  return (
    <div className="field case-list" data-testid="case-list">
      <div className="field-label">
        <span>{field.label}</span>
      </div>
      {field.description && <div className="field-hint">{field.description}</div>}
      <ol className="case-items">
        {cases.map((c, i) => {
          const name = names[i]!;
          const prefix = `${field.key}.${i}.`;
          return (
            <li key={`${i}:${name}`} className="case-item" data-case={name}>
              <div className="case-head">
                <span className="case-number" aria-hidden="true">
                  {i + 1}
                </span>
                <CaseName
                  id={`param-${nodeId}-${prefix}${NAME}`}
                  name={name}
                  others={names.filter((_, j) => j !== i)}
                  reserved={reserved}
                  issue={issueFor?.(`${prefix}${NAME}`)}
                  onCommit={(next) => update(i, { [NAME]: next })}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  icon="chevronUp"
                  aria-label={t('editor:cases.moveUp', { name })}
                  title={t('editor:cases.moveUp', { name })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  icon="chevronDown"
                  aria-label={t('editor:cases.moveDown', { name })}
                  title={t('editor:cases.moveDown', { name })}
                  disabled={i === cases.length - 1}
                  onClick={() => move(i, 1)}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  icon="trash"
                  aria-label={t('editor:cases.remove', { name })}
                  title={t('editor:cases.removeTitle')}
                  disabled={cases.length <= 1}
                  onClick={() => onChange(cases.filter((_, j) => j !== i))}
                />
              </div>
              <ConditionFields
                nodeId={nodeId}
                schema={itemSchema}
                keyPrefix={prefix}
                value={c}
                omit={OMIT}
                issueFor={issueFor}
                onChange={(patch) => update(i, patch)}
              />
            </li>
          );
        })}
      </ol>
      <Button size="sm" icon="plus" onClick={add} disabled={cases.length >= maxItems} data-testid="case-add">
        {t('editor:cases.add')}
      </Button>
    </div>
  );
}
