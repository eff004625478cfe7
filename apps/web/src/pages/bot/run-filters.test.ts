import { describe, expect, it } from 'vitest';
import { filtersFrom, filtersToParams, filtersToQuery, hasFilters } from './run-filters';

describe('run history filters in the URL', () => {
  it('round-trips through the query string and drops what the API would refuse', () => {
    const f = filtersFrom(
      new URLSearchParams('status=failed,bogus,failed,cancelled&trigger=api&version=3&from=2026-11-01&to=nope&q=quota'),
    );
    expect(f).toEqual({ status: ['failed', 'cancelled'], trigger: ['api'], version: '3', from: '2026-11-01', to: '', q: 'quota' });
    expect(filtersToParams(f)).toEqual({ status: 'failed,cancelled', trigger: 'api', version: '3', from: '2026-11-01', q: 'quota' });
    expect(filtersFrom(new URLSearchParams(filtersToParams(f)))).toEqual(f);
    expect(hasFilters(filtersFrom(new URLSearchParams('version=0')))).toBe(false);
  });

  it('asks the API for whole local days, the end day included', () => {
    const q = filtersToQuery({ status: [], trigger: [], version: '', from: '2026-11-10', to: '2026-11-10', q: ' tea ' });
    expect(new Date(q.to as string).getTime() - new Date(q.from as string).getTime()).toBe(86_400_000);
    expect(new Date(q.from as string).getHours()).toBe(0);
    expect(q.q).toBe('tea');
  });
});
