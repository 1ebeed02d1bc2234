import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ChartSeries } from './StackedBarChart.tsx';

export interface BarRow {
  key: string;
  /** The name of the row; may be a link. */
  label: ReactNode;
  /** One value per series. */
  values: number[];
}

interface Props {
  /** Names the list for assistive technology. */
  label: string;
  series: ChartSeries[];
  rows: BarRow[];
  /** How a value reads (a count, an amount of money). */
  format?: (value: number, seriesIndex: number, row: BarRow) => string;
  /** The value of a full bar; by default the largest value. Rows with different units pass their own. */
  max?: number | ((row: BarRow) => number);
  /** The legend is shown when there is more than one series. */
  showLegend?: boolean;
  testId?: string;
}

/**
 * Horizontal bars, one row per item and one bar per series: the label and the value are text (read
 * by everyone, links included), the bar is a small SVG drawing of the same number.
 */
export function BarList({ label, series, rows, format = (v) => String(v), max, showLegend, testId }: Props) {
  const overall = Math.max(0, ...rows.flatMap((r) => r.values));
  const maxOf = (r: BarRow) => (typeof max === 'function' ? max(r) : (max ?? overall)) || 1;
  const legend = showLegend ?? series.length > 1;
  return (
    <Box>
      {legend && (
        <Group gap="sm" mb="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-hidden="true">
          {series.map((s) => (
            <Group key={s.key} gap={6} component="li" wrap="nowrap">
              <span style={{ width: 12, height: 12, borderRadius: 3, background: s.color, display: 'inline-block' }} />
              <Text size="xs">{s.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      <Box component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
        {rows.map((r) => (
          <Box component="li" key={r.key} mb={8} data-testid="bar-row">
            <Text size="sm" fw={500} className="rete-break" mb={2}>
              {r.label}
            </Text>
            {series.map((s, si) => {
              const v = r.values[si] ?? 0;
              const pct = Math.max(0, Math.min(100, (v / maxOf(r)) * 100));
              return (
                <Group key={s.key} gap={8} wrap="nowrap" align="center">
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 100 10"
                    preserveAspectRatio="none"
                    width="100%"
                    height={10}
                    style={{ flex: 1, minWidth: 40, display: 'block' }}
                  >
                    <rect x={0} y={0} width={100} height={10} rx={2} fill="var(--mantine-color-gray-1)" />
                    {v > 0 && <rect x={0} y={0} width={Math.max(pct, 0.8)} height={10} rx={2} fill={s.color} />}
                  </svg>
                  <Text size="sm" ta="right" style={{ flexShrink: 0, minWidth: 44 }} data-testid="bar-value">
                    {series.length > 1 ? `${s.label}: ` : ''}
                    {format(v, si, r)}
                  </Text>
                </Group>
              );
            })}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
