import { describe, expect, it } from 'vitest';
import { budgetBar, niceMax, percentOf, stackDays } from './bars';
import { toCsv } from './csv';
import { formatUsd } from './money';
import { daysOf, presetRange } from './range';

describe('money', () => {
  it('keeps small sums readable and big ones to cents', () => {
    expect(formatUsd(0.0012)).toBe('$0.0012');
    expect(formatUsd(0.000034)).toBe('$0.000034');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(null)).toBe('—');
  });
});

describe('csv', () => {
  it('quotes what must be quoted and neutralises formulas', () => {
    expect(
      toCsv(
        ['name', 'cost'],
        [
          ['a, "b"', 0.5],
          ['=HYPERLINK()', null],
          ['봇', 1],
        ],
      ),
    ).toBe('name,cost\r\n"a, ""b""",0.5\r\n\'=HYPERLINK(),\r\n봇,1\r\n');
  });
  it('keeps negative numbers as numbers', () => {
    expect(toCsv(['n'], [[-1]])).toBe('n\r\n-1\r\n');
  });
});

describe('bars', () => {
  it('clamps a share to the track', () => {
    expect(percentOf(5, 10)).toBe(50);
    expect(percentOf(20, 10)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(3, 0)).toBe(100);
  });
  it('puts in-flight spend after the settled spend and flags the limit', () => {
    expect(budgetBar(4, 2, 10)).toEqual({ spent: 40, held: 20, over: false });
    expect(budgetBar(9, 5, 10)).toEqual({ spent: 90, held: 10, over: true });
    expect(budgetBar(10, 0, 10).over).toBe(true);
  });
  it('stacks days and folds the smallest series into "other"', () => {
    const m = (o: Record<string, number>) => new Map(Object.entries(o));
    const { series, days } = stackDays(
      ['d1', 'd2'],
      [
        { key: 'a', label: 'A', byDay: m({ d1: 1 }) },
        { key: 'b', label: 'B', byDay: m({ d1: 5, d2: 5 }) },
        { key: 'c', label: 'C', byDay: m({ d2: 2 }) },
      ],
      2,
      'Other',
    );
    expect(series.map((s) => s.key)).toEqual(['b', 'c', '__other']);
    expect(days).toEqual([
      { day: 'd1', values: { b: 5, c: 0, __other: 1 }, total: 6 },
      { day: 'd2', values: { b: 5, c: 2, __other: 0 }, total: 7 },
    ]);
  });
  it('rounds the axis up', () => {
    expect(niceMax(0.0013)).toBeCloseTo(0.002);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(0)).toBe(1);
  });
});

describe('ranges', () => {
  const now = new Date('2026-12-15T10:00:00Z');
  it('this month is the UTC calendar month, end exclusive', () => {
    expect(presetRange('thisMonth', now)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });
  it('last 30 days includes today', () => {
    const r = presetRange('last30', now);
    expect(r).toEqual({ from: '2026-11-16', to: '2026-12-16' });
    expect(daysOf(r)).toHaveLength(30);
  });
});

describe('usage CSV export', async () => {
  const { usageCsv } = await import('./usage-table');
  it('has the table rows with full-precision cost and the id', () => {
    const row = {
      key: 'b1',
      label: 'Daily, "news"',
      runs: 2,
      calls: 3,
      inputTokens: 10,
      outputTokens: 20,
      cachedTokens: 0,
      costUsd: 0.000123,
      unpricedCalls: 1,
    };
    expect(usageCsv([row, { ...row, key: 'b2', label: null }], 'bot')).toBe(
      'bot,id,runs,calls,input_tokens,output_tokens,cached_tokens,cost_usd,unpriced_calls\r\n' +
        '"Daily, ""news""",b1,2,3,10,20,0,0.000123,1\r\n' +
        'b2,b2,2,3,10,20,0,0.000123,1\r\n',
    );
  });
});

describe('connection prices', async () => {
  const { priceRows, pricesOf } = await import('./prices-editor');
  it('round-trips rows and drops rows without a model', () => {
    const prices = { 'gpt-x': { inputPerMTok: 1, outputPerMTok: 2.5 } };
    expect(pricesOf(priceRows(prices))).toEqual({ prices, invalid: false });
    expect(pricesOf([{ model: ' ', input: '', output: '' }])).toEqual({ prices: null, invalid: false });
  });
  it('refuses a missing or negative number', () => {
    expect(pricesOf([{ model: 'm', input: '1', output: '' }]).invalid).toBe(true);
    expect(pricesOf([{ model: 'm', input: '-1', output: '1' }]).invalid).toBe(true);
    expect(pricesOf([{ model: 'm', input: '0', output: '0' }])).toEqual({
      prices: { m: { inputPerMTok: 0, outputPerMTok: 0 } },
      invalid: false,
    });
  });
});

describe('projected cost of schedules', async () => {
  const { projectSchedules } = await import('./projection');
  const estimate = () => ({ usd: 0.01, inputTokens: 100, outputTokens: 1024, unpriced: false, calls: 1 });
  it('multiplies the runs to come by the average run of the last 30 days', () => {
    const p = projectSchedules([{ runsPer30Days: 30 }, { runsPer30Days: 4 }], { runs: 10, costUsd: 0.5, unpricedCalls: 0 }, estimate);
    expect(p).toEqual({ usd: (0.5 / 10) * 34, runs: 34, basis: 'history', unpriced: false });
  });
  it('falls back to the estimate before the first run, and says nothing without active schedules', () => {
    expect(projectSchedules([{ runsPer30Days: 30 }], { runs: 0, costUsd: 0, unpricedCalls: 0 }, estimate)).toMatchObject({
      usd: 0.3,
      basis: 'estimate',
    });
    expect(projectSchedules([{ runsPer30Days: 0 }, { runsPer30Days: null }], undefined, estimate)).toBeNull();
  });
});
