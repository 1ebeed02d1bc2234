import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { labelEvery, niceScale, ticksOf } from './scale.ts';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS color, e.g. `var(--mantine-color-teal-6)`. */
  color: string;
}

export interface ChartCategory {
  key: string;
  /** Short, under the bar ("gen", "Feb"). */
  label: string;
  /** Full, for tooltips and the table ("gennaio 2025"). */
  longLabel: string;
}

interface Props {
  title: string;
  /** One sentence with the gist, read before the table of numbers. */
  summary: string;
  categories: ChartCategory[];
  series: ChartSeries[];
  /** values[category][series] */
  values: number[][];
  height?: number;
  totalLabel: string;
  /** Hide series that are zero everywhere from the legend. */
  hideEmptySeries?: boolean;
}

const M = { top: 10, right: 8, bottom: 26, left: 34 };

/**
 * A vertical stacked bar chart in SVG, sized to its container (so text keeps its size on a phone),
 * with a title and summary for assistive technology and a visually hidden table of every number.
 */
export function StackedBarChart({
  title,
  summary,
  categories,
  series,
  values,
  height = 240,
  totalLabel,
  hideEmptySeries = true,
}: Props) {
  const { ref, width: measured } = useElementSize();
  const titleId = useId();
  const descId = useId();
  const width = Math.max(240, Math.round(measured) || 640);
  const totals = categories.map((_, i) => (values[i] ?? []).reduce((a, b) => a + b, 0));
  const scale = niceScale(Math.max(0, ...totals));
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const band = categories.length > 0 ? plotW / categories.length : plotW;
  const barW = Math.min(44, Math.max(4, band * 0.68));
  const every = labelEvery(categories.length, plotW, 40);
  const y = (v: number) => M.top + plotH - (v / scale.max) * plotH;
  const seriesTotals = series.map((_, s) => values.reduce((sum, row) => sum + (row[s] ?? 0), 0));
  const legend = series.filter((_, s) => !hideEmptySeries || (seriesTotals[s] ?? 0) > 0);

  return (
    <Box>
      <Box ref={ref} w="100%">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          height={height}
          style={{ display: 'block', overflow: 'visible' }}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{summary}</desc>
          {ticksOf(scale).map((tick) => (
            <g key={tick} aria-hidden="true">
              <line
                x1={M.left}
                x2={width - M.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke="var(--mantine-color-gray-3)"
                strokeDasharray={tick === 0 ? undefined : '3 3'}
              />
              <text x={M.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-7)">
                {tick}
              </text>
            </g>
          ))}
          {categories.map((c, i) => {
            const x = M.left + band * i + (band - barW) / 2;
            let acc = 0;
            return (
              <g key={c.key}>
                {series.map((s, si) => {
                  const v = values[i]?.[si] ?? 0;
                  if (v <= 0) return null;
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  return (
                    <rect key={s.key} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1)} fill={s.color} rx={1}>
                      <title>{`${c.longLabel} · ${s.label}: ${v}`}</title>
                    </rect>
                  );
                })}
                {i % every === 0 && (
                  <text
                    x={x + barW / 2}
                    y={height - M.bottom + 16}
                    textAnchor="middle"
                    fontSize={11}
                    fill="var(--mantine-color-gray-7)"
                    aria-hidden="true"
                  >
                    {c.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      {legend.length > 0 && (
        <Group gap="sm" mt="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-hidden="true">
          {legend.map((s) => (
            <Group key={s.key} gap={6} component="li" wrap="nowrap">
              <span style={{ width: 12, height: 12, borderRadius: 3, background: s.color, display: 'inline-block' }} />
              <Text size="xs">
                {s.label} ({seriesTotals[series.indexOf(s)]})
              </Text>
            </Group>
          ))}
        </Group>
      )}
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{''}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">{totalLabel}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c, i) => (
              <tr key={c.key}>
                <th scope="row">{c.longLabel}</th>
                {series.map((s, si) => (
                  <td key={s.key}>{values[i]?.[si] ?? 0}</td>
                ))}
                <td>{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}
