import { BotSort, type BotSort as Sort } from '@bm/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDebounced } from '../../ui/use-debounced';
import '../bot/lists.css';

export interface BotListView {
  q: string;
  sort: Sort;
  order?: 'asc' | 'desc';
}

const SORTS: readonly string[] = BotSort.options;

/** The bots list's search and sort, kept in the URL (`?q=&sort=&order=`). */
export function useBotListView(): [BotListView, (next: BotListView) => void] {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort') ?? '';
  const order = params.get('order');
  const view: BotListView = {
    q: (params.get('q') ?? '').slice(0, 200),
    sort: SORTS.includes(sort) ? (sort as Sort) : 'updated',
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
  };
  const set = (next: BotListView) =>
    setParams(
      {
        ...(next.q.trim() ? { q: next.q } : {}),
        ...(next.sort !== 'updated' ? { sort: next.sort } : {}),
        ...(next.order ? { order: next.order } : {}),
      },
      { replace: true },
    );
  return [view, set];
}

/** The sort select's choices: each sort with the order people expect of it. */
const CHOICES = [
  { id: 'updated', sort: 'updated', order: 'desc' },
  { id: 'name', sort: 'name', order: 'asc' },
  { id: 'nameDesc', sort: 'name', order: 'desc' },
  { id: 'lastRun', sort: 'lastRun', order: 'desc' },
] as const;

export function BotListToolbar({ view, onChange }: { view: BotListView; onChange: (next: BotListView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(view.q);
  const typed = useDebounced(text, 300);
  useEffect(() => setText(view.q), [view.q]);
  useEffect(() => {
    if (typed !== view.q) onChange({ ...view, q: typed });
    // Only a settled search text changes the view.
  }, [typed]);
  const order = view.order ?? (view.sort === 'name' ? 'asc' : 'desc');
  const current = CHOICES.find((c) => c.sort === view.sort && c.order === order)?.id ?? 'updated';
  return (
    <div className="list-toolbar">
      <input
        className="input"
        type="search"
        aria-label={t('pages:bots.search')}
        placeholder={t('pages:bots.searchPlaceholder')}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        data-testid="bot-search"
      />
      <label className="row small muted" htmlFor="bot-sort" style={{ gap: 6 }}>
        {t('pages:bots.sort.label')}
        <select
          id="bot-sort"
          className="select"
          value={current}
          onChange={(e) => {
            const c = CHOICES.find((x) => x.id === e.target.value)!;
            onChange({ q: view.q, sort: c.sort, order: c.order });
          }}
        >
          <option value="updated">{t('pages:bots.sort.updated')}</option>
          <option value="name">{t('pages:bots.sort.name')}</option>
          <option value="nameDesc">{t('pages:bots.sort.nameDesc')}</option>
          <option value="lastRun">{t('pages:bots.sort.lastRun')}</option>
        </select>
      </label>
    </div>
  );
}
