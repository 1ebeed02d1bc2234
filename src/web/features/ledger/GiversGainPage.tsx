import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconGift, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { GIVE_KINDS } from '#shared/api/values.ts';
import { BarList } from '../../components/charts/BarList.tsx';
import { StackedBarChart, type ChartCategory } from '../../components/charts/StackedBarChart.tsx';
import { toDateInput } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { cssColor, GIVE_COLOR, OUTCOME_COLOR } from './colors.ts';
import { ledgerApi, ledgerKeys, type LedgerStats, type Period } from './ledger.api.ts';
import { formatDay, formatMoney, formatSums, today } from './money.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const PERIODS = ['3', '6', '12', 'all', 'custom'] as const;
type PeriodKey = (typeof PERIODS)[number];
/** "All" starts here; the months before the first give are left out of the chart. */
const ALL_FROM = '2000-01-01';

function isPeriod(v: string | null): v is PeriodKey {
  return v !== null && (PERIODS as readonly string[]).includes(v);
}

/** The first day of the month `n - 1` months before this one: n calendar months up to today. */
function monthsBack(n: number): string {
  const d = new Date();
  return toDateInput(new Date(d.getFullYear(), d.getMonth() - (n - 1), 1));
}

function periodOf(key: PeriodKey, from: string | null, to: string | null): Period | null {
  switch (key) {
    case '3':
    case '6':
    case '12':
      return { from: monthsBack(Number(key)), to: today() };
    case 'all':
      return { from: ALL_FROM, to: today() };
    case 'custom':
      if (!from || !to || from > to) return null;
      return { from, to };
  }
}

function monthLabels(month: string, withYear: boolean): ChartCategory {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(y ?? 2000, (m ?? 1) - 1, 1);
  const lang = currentLanguage();
  const short = new Intl.DateTimeFormat(lang, { month: 'short' }).format(d);
  return {
    key: month,
    label: withYear ? `${short} ${String(y).slice(2)}` : short,
    longLabel: new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric' }).format(d),
  };
}

export default function GiversGainPage() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const key: PeriodKey = isPeriod(raw) ? raw : '12';
  const customFrom = params.get('from') ?? monthsBack(12);
  const customTo = params.get('to') ?? today();
  const period = periodOf(key, customFrom, customTo);

  const stats = useQuery({
    queryKey: ledgerKeys.stats(period ?? {}),
    queryFn: () => ledgerApi.stats(period ?? {}),
    enabled: period !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) n.delete(k);
          else n.set(k, v);
        }
        return n;
      },
      { replace: true },
    );

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <PageHeader
        title={t('giversGain.title')}
        subtitle={t('giversGain.subtitle')}
        actions={
          <Button component={Link} to="/ledger" variant="default" leftSection={<IconGift size={16} />}>
            {t('ledger.title')}
          </Button>
        }
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Text size="sm" fw={500} id="period-label">
            {t('giversGain.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="period-label"
            value={key}
            onChange={(v) =>
              set(
                v === 'custom'
                  ? { period: v, from: customFrom, to: customTo }
                  : { period: v === '12' ? null : v, from: null, to: null },
              )
            }
            data={PERIODS.map((p) => ({ value: p, label: t(`giversGain.periods.${p}`) }))}
            orientation={phone ? 'vertical' : 'horizontal'}
            fullWidth={phone}
            style={{ alignSelf: phone ? 'stretch' : 'flex-start' }}
          />
          {key === 'custom' && (
            <Group gap="sm" grow={phone} align="flex-start">
              <TextInput
                type="date"
                label={t('giversGain.from')}
                value={customFrom}
                max={customTo}
                onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('giversGain.to')}
                value={customTo}
                min={customFrom}
                onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
                error={customFrom > customTo ? t('giversGain.badRange') : null}
              />
            </Group>
          )}
          {stats.data && (
            <Text size="xs" c="dimmed" data-testid="period-range">
              {key === 'all'
                ? t('giversGain.rangeAll', { to: formatDay(stats.data.to) })
                : t('giversGain.range', { from: formatDay(stats.data.from), to: formatDay(stats.data.to) })}
            </Text>
          )}
        </Stack>
      </Paper>

      {!stats.data ? (
        <Stack gap="md" aria-hidden="true">
          <Skeleton height={90} />
          <Skeleton height={260} />
        </Stack>
      ) : (
        <StatsView stats={stats.data} all={key === 'all'} />
      )}
    </Stack>
  );
}

function StatCard({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string | undefined }) {
  return (
    <Paper withBorder p="sm" data-testid={`stat-${id}`}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text fw={700} size="xl" className="rete-break" data-testid="stat-value">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Section({ title, children, help }: { title: string; children: ReactNode; help?: string }) {
  const id = useId();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={help ? 2 : 'sm'}>
        {title}
      </Title>
      {help && (
        <Text size="xs" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function StatsView({ stats: s, all }: { stats: LedgerStats; all: boolean }) {
  const { t } = useTranslation();
  const none = t('giversGain.none');

  // With "all", the chart starts at the first month with a give.
  let months = s.givesByMonth;
  if (all) {
    const first = months.findIndex((m) => m.total > 0);
    months = first < 0 ? months.slice(-12) : months.slice(first);
  }
  const multiYear = new Set(months.map((m) => m.month.slice(0, 4))).size > 1;
  const categories = months.map((m, i) => monthLabels(m.month, multiYear && (i === 0 || m.month.endsWith('-01'))));
  const series = GIVE_KINDS.map((k) => ({ key: k, label: t(`ledger.kinds.${k}`), color: cssColor(GIVE_COLOR[k]) }));
  const values = months.map((m) => GIVE_KINDS.map((k) => m.byKind.find((b) => b.kind === k)?.count ?? 0));
  const totalGives = months.reduce((a, m) => a + m.total, 0);

  const currencies = [...new Set([...s.businessForOthers, ...s.businessReceived].map((x) => x.currency))];
  const amount = (list: LedgerStats['businessForOthers'], c: string) => list.find((x) => x.currency === c)?.amountCents ?? 0;
  const businessRows = currencies.map((c) => ({
    key: c,
    label: c,
    values: [amount(s.businessForOthers, c), amount(s.businessReceived, c)],
  }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <StatCard
          id="gives"
          label={t('giversGain.cards.gives')}
          value={String(s.totals.gives)}
          hint={t('giversGain.cards.people', { count: s.totals.peopleGivenTo })}
        />
        <StatCard
          id="intros"
          label={t('giversGain.cards.intros')}
          value={`${s.intros.connected} / ${s.intros.proposed}`}
          hint={t('giversGain.cards.introsHint')}
        />
        <StatCard id="outcomes" label={t('giversGain.cards.outcomes')} value={String(s.totals.outcomes)} />
        <StatCard
          id="for-others"
          label={t('giversGain.cards.forOthers')}
          value={s.businessForOthers.length ? formatSums(s.businessForOthers) : none}
        />
        <StatCard
          id="received"
          label={t('giversGain.cards.received')}
          value={s.businessReceived.length ? formatSums(s.businessReceived) : none}
        />
      </SimpleGrid>

      <Section title={t('giversGain.charts.byMonth')}>
        {totalGives === 0 ? (
          <EmptyLine text={t('giversGain.noGives')} />
        ) : (
          <StackedBarChart
            title={t('giversGain.charts.byMonth')}
            summary={t('giversGain.charts.byMonthSummary', { count: totalGives, months: months.length })}
            categories={categories}
            series={series}
            values={values}
            totalLabel={t('giversGain.total')}
          />
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('giversGain.charts.intros')} help={t('giversGain.charts.introsHelp')}>
          <BarList
            label={t('giversGain.charts.intros')}
            testId="chart-intros"
            series={[{ key: 'n', label: t('giversGain.charts.intros'), color: cssColor('teal') }]}
            rows={(['proposed', 'connected', 'pending', 'declined', 'expired', 'cancelled'] as const).map((k) => ({
              key: k,
              label: t(`giversGain.intros.${k}`),
              values: [s.intros[k]],
            }))}
          />
        </Section>
        <Section title={t('giversGain.charts.outcomes')}>
          <BarList
            label={t('giversGain.charts.outcomes')}
            testId="chart-outcomes"
            series={[{ key: 'n', label: t('giversGain.charts.outcomes'), color: cssColor(OUTCOME_COLOR.business) }]}
            rows={s.outcomesByKind.map((o) => ({
              key: o.kind,
              label: t(`ledger.outcomeKinds.${o.kind}`),
              values: [o.count],
            }))}
          />
        </Section>
      </SimpleGrid>

      <Section title={t('giversGain.charts.business')} help={t('giversGain.charts.businessHelp')}>
        {businessRows.length === 0 ? (
          <EmptyLine text={t('giversGain.noBusiness')} />
        ) : (
          <BarList
            label={t('giversGain.charts.business')}
            testId="chart-business"
            series={[
              { key: 'others', label: t('giversGain.forOthers'), color: cssColor('green') },
              { key: 'me', label: t('giversGain.forMe'), color: cssColor('blue') },
            ]}
            rows={businessRows}
            // Amounts in different currencies are not comparable: each currency is its own scale.
            max={(r) => Math.max(...r.values)}
            format={(v, _si, r) => formatMoney(v, r.key)}
          />
        )}
        {s.referrers.length > 0 && (
          <Stack gap={4} mt="md">
            <Text size="sm" fw={600}>
              {t('giversGain.referrers')}
            </Text>
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {s.referrers.map((r) => (
                <Text component="li" size="sm" key={r.person.id}>
                  <Anchor component={Link} to={`/people/${r.person.id}`} size="sm">
                    {r.person.name}
                  </Anchor>
                  {' · '}
                  {t('giversGain.referrals', { count: r.count })}
                  {r.sums.length > 0 && ` · ${formatSums(r.sums)}`}
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('giversGain.charts.top')}>
          {s.topRecipients.length === 0 ? (
            <EmptyLine text={t('giversGain.noGives')} />
          ) : (
            <BarList
              label={t('giversGain.charts.top')}
              testId="chart-top"
              series={[{ key: 'n', label: t('giversGain.charts.top'), color: cssColor('teal') }]}
              rows={s.topRecipients.map((r) => ({
                key: r.person.id,
                label: (
                  <Anchor component={Link} to={`/people/${r.person.id}`} size="sm" fw={500}>
                    {r.person.name}
                  </Anchor>
                ),
                values: [r.gives],
              }))}
            />
          )}
        </Section>
        <Section title={t('giversGain.charts.never')} help={t('giversGain.charts.neverHelp', { count: s.neverGivenTo.count })}>
          {s.neverGivenTo.sample.length === 0 ? (
            <EmptyLine text={t('giversGain.givenToAll')} />
          ) : (
            <Group
              gap={8}
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              aria-label={t('giversGain.charts.never')}
            >
              {s.neverGivenTo.sample.map((p) => (
                <li key={p.id}>
                  <Button component={Link} to={`/people/${p.id}`} variant="light" color="gray" size="compact-sm" tt="none">
                    {p.name}
                  </Button>
                </li>
              ))}
            </Group>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

function EmptyLine({ text }: { text: string }) {
  return (
    <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
      {text}
    </Alert>
  );
}
