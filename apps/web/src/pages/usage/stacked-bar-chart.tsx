import { useTranslation } from 'react-i18next';
import { niceMax, type Series, type StackedDay } from './bars';
import './usage.css';

/** Series colours: the app's own tokens, in an order that keeps neighbours apart. */
export const SERIES_COLOURS = [
  'var(--accent)',
  'var(--cat-source)',
  'var(--cat-transform)',
  'var(--cat-llm)',
  'var(--info)',
  'var(--success)',
  'var(--warning)',
  'var(--danger)',
  'var(--muted)',
];

const W = 760;
const H = 190;
const PAD = { left: 64, right: 8, top: 10, bottom: 24 };

type Props = {
  days: StackedDay[];
  series: Series[];
  format: (n: number) => string;
  label: string;
  testId?: string;
};

/**
 * A stacked bar per day in plain SVG (no chart library: a few rects and lines do it). The same
 * numbers are in the tables below for screen readers and keyboard users; each bar has a title.
 */
export function StackedBarChart({ days, series, format, label, testId }: Props) {
  const { t } = useTranslation();
  const max = niceMax(Math.max(0, ...days.map((d) => d.total)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.5, 1].map((f) => f * max);
  // Label about six days along the axis, whatever the range.
  const every = Math.max(1, Math.ceil(days.length / 6));
  return (
    <div className="stack" style={{ gap: 8 }}>
      <svg className="usage-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
        <g className="grid axis">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {format(v)}
              </text>
            </g>
          ))}
        </g>
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={d.day}>
              {series.map((s, si) => {
                const v = d.values[s.key] ?? 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return (
                  <rect
                    key={s.key}
                    className="bar"
                    x={x}
                    y={top}
                    width={barW}
                    height={Math.max(1, h)}
                    fill={SERIES_COLOURS[si % SERIES_COLOURS.length]}
                  >
                    <title>{t('usage:chart.barTitle', { day: d.day, value: `${s.label} ${format(v)}` })}</title>
                  </rect>
                );
              })}
              {i % every === 0 && (
                <text className="axis" x={x + barW / 2} y={H - 6} textAnchor="middle" fill="var(--muted)" fontSize={11}>
                  {d.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {series.some((s) => s.label) && (
        <div className="usage-legend">
          {series.map((s, si) => (
            <span key={s.key}>
              <span className="swatch" style={{ background: SERIES_COLOURS[si % SERIES_COLOURS.length] }} />
              {s.label}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
