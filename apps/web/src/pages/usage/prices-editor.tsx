import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import './usage.css';

/** One row of a connection's own prices; numbers stay text while typed so "0." can be entered. */
export type PriceRow = { model: string; input: string; output: string };
type Prices = Record<string, { inputPerMTok: number; outputPerMTok: number; cachedInputPerMTok?: number }>;

export const priceRows = (prices: Prices | null | undefined): PriceRow[] =>
  Object.entries(prices ?? {}).map(([model, p]) => ({ model, input: String(p.inputPerMTok), output: String(p.outputPerMTok) }));

/** Rows → the API's prices (null when none); rows without a model are dropped, a bad number is an error. */
export function pricesOf(rows: PriceRow[]): { prices: Prices | null; invalid: boolean } {
  const out: Prices = {};
  let invalid = false;
  for (const r of rows) {
    const model = r.model.trim();
    if (!model) continue;
    const input = Number(r.input);
    const output = Number(r.output);
    if (r.input.trim() === '' || r.output.trim() === '' || !(input >= 0) || !(output >= 0) || input > 10_000 || output > 10_000)
      invalid = true;
    else out[model] = { inputPerMTok: input, outputPerMTok: output };
  }
  return { prices: Object.keys(out).length ? out : null, invalid };
}

/** A connection's own prices per model (USD per million tokens): over the price data, and what prices local models. */
export function PricesEditor({ rows, onChange, error }: { rows: PriceRow[]; onChange: (rows: PriceRow[]) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (i: number, patch: Partial<PriceRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field prices-editor" data-testid="prices-editor">
      <legend className="field-label">{t('usage:prices.title')}</legend>
      {rows.length > 0 && (
        <div className="prices-grid small muted" aria-hidden="true">
          <span>{t('usage:prices.model')}</span>
          <span>{t('usage:prices.input')}</span>
          <span>{t('usage:prices.output')}</span>
          <span />
        </div>
      )}
      {rows.map((r, i) => (
        <div className="prices-grid" key={i}>
          <input
            className="input"
            aria-label={t('usage:prices.model')}
            placeholder={t('usage:prices.model')}
            value={r.model}
            onChange={(e) => set(i, { model: e.target.value })}
          />
          <input
            className="input"
            id={`${id}-in-${i}`}
            type="number"
            min="0"
            step="any"
            aria-label={t('usage:prices.input')}
            placeholder={t('usage:prices.input')}
            value={r.input}
            onChange={(e) => set(i, { input: e.target.value })}
          />
          <input
            className="input"
            type="number"
            min="0"
            step="any"
            aria-label={t('usage:prices.output')}
            placeholder={t('usage:prices.output')}
            value={r.output}
            onChange={(e) => set(i, { output: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            aria-label={t('usage:prices.remove')}
            title={t('usage:prices.remove')}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div>
        <Button size="sm" icon="plus" onClick={() => onChange([...rows, { model: '', input: '', output: '' }])}>
          {t('usage:prices.add')}
        </Button>
      </div>
      {error ? <div className="field-error">{error}</div> : <div className="field-hint">{t('usage:prices.hint')}</div>}
    </fieldset>
  );
}
