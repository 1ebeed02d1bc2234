import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import {
  IconArrowsLeftRight,
  IconCake,
  IconChecklist,
  IconFileImport,
  IconFlask,
  IconHeartHandshake,
  IconPhoneCall,
  IconSunHigh,
  IconTarget,
  IconUserBolt,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';
import { useLoadDemo } from '../people/useLoadDemo.ts';
import { browserTimeZone, formatDay } from './days.ts';
import { useQuickCapture } from './QuickCapture.tsx';
import { routineApi, routineKeys, type Today, type TodayItem, type TodayItemKind } from './routine.api.ts';
import { TodayItemCard } from './TodayItemCard.tsx';

/** Today's sections, in the order of the item kinds. */
const SECTIONS: Array<{ id: string; kinds: readonly TodayItemKind[]; icon: ReactNode }> = [
  { id: 'give', kinds: ['give'], icon: <IconHeartHandshake size={20} color="var(--mantine-color-teal-6)" /> },
  {
    id: 'intros',
    kinds: ['intro_draft', 'intro_waiting', 'intro_outcome'],
    icon: <IconArrowsLeftRight size={20} color="var(--mantine-color-blue-6)" />,
  },
  { id: 'followUps', kinds: ['follow_up'], icon: <IconChecklist size={20} color="var(--mantine-color-violet-6)" /> },
  { id: 'keep', kinds: ['keep_in_touch', 'going_cold'], icon: <IconPhoneCall size={20} color="var(--mantine-color-orange-6)" /> },
  { id: 'birthdays', kinds: ['birthday'], icon: <IconCake size={20} color="var(--mantine-color-pink-6)" /> },
];

export function useToday() {
  return useQuery({ queryKey: routineKeys.today, queryFn: () => routineApi.today(), staleTime: 30_000 });
}

/**
 * Until the user (or a browser) chose a time zone, the server counts days in its own: the first
 * time Today opens, the browser's zone is saved, and Today is asked again in it.
 */
function useBrowserTimeZoneOnce() {
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: routineKeys.settings,
    queryFn: routineApi.settings,
    staleTime: 60_000,
    meta: { silent: true },
  });
  const sent = useRef(false);
  const save = useMutation({
    mutationFn: (timeZone: string) => routineApi.updateSettings({ timeZone }),
    meta: { silent: true },
    onSuccess: async (s) => {
      qc.setQueryData(routineKeys.settings, s);
      await qc.invalidateQueries({ queryKey: routineKeys.today });
    },
  });
  const { mutate } = save;
  useEffect(() => {
    if (sent.current || !settings.data || settings.data.timeZoneSet) return;
    const tz = browserTimeZone();
    if (!tz) return;
    sent.current = true;
    mutate(tz);
  }, [settings.data, mutate]);
}

export default function TodayPage() {
  const { t, i18n } = useTranslation();
  const today = useToday();
  useBrowserTimeZoneOnce();
  const d = today.data;
  return (
    <Stack gap="md" maw={760} mx="auto" data-testid="today-page">
      <PageHeader title={t('today.title')} subtitle={d ? formatDay(d.date, i18n.language, { long: true }) : ' '} />
      {today.isPending ? (
        <Stack gap="sm" aria-label={t('common.loading')}>
          <Skeleton height={64} />
          <Skeleton height={120} />
          <Skeleton height={120} />
        </Stack>
      ) : today.isError ? (
        <Alert color="red" variant="light" title={t('errors.title')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('today.loadError')}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void today.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : d && d.counts.people === 0 ? (
        <EmptyNetwork />
      ) : d ? (
        <TodayView today={d} />
      ) : null}
    </Stack>
  );
}

function TodayView({ today }: { today: Today }) {
  const { t } = useTranslation();
  const ctx = { today: today.date, weekStart: today.weekStart };
  const groups = SECTIONS.map((s) => ({ ...s, items: today.items.filter((i) => s.kinds.includes(i.kind)) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <>
      <GoalCard goal={today.goal} />
      {groups.length === 0 ? (
        <NothingDue today={today} />
      ) : (
        groups.map((g) => <Section key={g.id} id={g.id} icon={g.icon} items={g.items} ctx={ctx} />)
      )}
      {groups.length > 0 && today.counts.hidden > 0 && (
        <Text size="xs" c="dimmed" ta="center">
          {t('today.hidden', { count: today.counts.hidden })}
        </Text>
      )}
    </>
  );
}

function Section({
  id,
  icon,
  items,
  ctx,
}: {
  id: string;
  icon: ReactNode;
  items: TodayItem[];
  ctx: { today: string; weekStart: string };
}) {
  const { t } = useTranslation();
  const titleId = `today-${id}`;
  return (
    <Box component="section" aria-labelledby={titleId} data-testid={`today-section-${id}`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" id={titleId}>
            {icon}
            <SectionHeading title={t(`today.sections.${id}.title`)} size="h5" />
          </Group>
          <Badge variant="light" color="gray" size="sm">
            {items.length}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" mt={-6}>
          {t(`today.sections.${id}.help`)}
        </Text>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((i) => (
            <TodayItemCard key={i.key} item={i} ctx={ctx} />
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}

/** My weekly giving goal and where I stand; a way to set one when there is none. */
function GoalCard({ goal }: { goal: Today['goal'] }) {
  const { t } = useTranslation();
  if (goal.perWeek === null) {
    return (
      <Paper withBorder p="sm" radius="md" data-testid="today-goal">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="grape" radius="xl" size={32} style={{ flexShrink: 0 }}>
            <IconTarget size={18} />
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {t('today.goal.none')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('today.goal.noneHelp', { count: goal.givenThisWeek })}
            </Text>
            <Anchor component={Link} to="/settings#routine" size="sm" fw={500}>
              {t('today.goal.set')}
            </Anchor>
          </Stack>
        </Group>
      </Paper>
    );
  }
  const reached = goal.givenThisWeek >= goal.perWeek;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="today-goal">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconTarget size={18} color="var(--mantine-color-grape-6)" aria-hidden="true" />
            <Text size="sm" fw={600}>
              {t('today.goal.progress', { given: goal.givenThisWeek, goal: goal.perWeek })}
            </Text>
          </Group>
          {reached && (
            <Badge color="teal" variant="light" size="sm">
              {t('today.goal.reached')}
            </Badge>
          )}
        </Group>
        <Progress
          value={Math.min(100, (goal.givenThisWeek / goal.perWeek) * 100)}
          color={reached ? 'teal' : 'grape'}
          size="md"
          radius="xl"
          aria-label={t('today.goal.progress', { given: goal.givenThisWeek, goal: goal.perWeek })}
        />
        <Group gap="md">
          <Anchor component={Link} to="/ledger" size="xs">
            {t('today.goal.record')}
          </Anchor>
          <Anchor component={Link} to="/settings#routine" size="xs" c="dimmed">
            {t('today.goal.change')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Nothing to do now: say so, and what would make Today useful. */
function NothingDue({ today }: { today: Today }) {
  const { t } = useTranslation();
  const capture = useQuickCapture();
  const tips: Array<{ key: string; text: string; link: ReactNode }> = [];
  if (today.counts.openNeeds === 0) {
    tips.push({
      key: 'needs',
      text: t('today.empty.needs'),
      link: (
        <Anchor component={Link} to="/people" size="sm">
          {t('today.empty.needsLink')}
        </Anchor>
      ),
    });
  }
  if (today.counts.cadences === 0) {
    tips.push({
      key: 'cadences',
      text: t('today.empty.cadences'),
      link: (
        <Anchor component={Link} to="/settings#routine" size="sm">
          {t('today.empty.cadencesLink')}
        </Anchor>
      ),
    });
  }
  tips.push({
    key: 'oneToOne',
    text: t('today.empty.oneToOne'),
    link: (
      <Anchor component={Link} to="/people" size="sm">
        {t('today.empty.oneToOneLink')}
      </Anchor>
    ),
  });
  tips.push({
    key: 'capture',
    text: t('today.empty.capture'),
    link: (
      <Anchor component="button" type="button" size="sm" onClick={capture}>
        {t('capture.open')}
      </Anchor>
    ),
  });
  return (
    <Paper withBorder p="lg" radius="md" data-testid="today-empty">
      <Stack gap="md">
        <EmptyState
          icon={<IconSunHigh size={28} />}
          variant="light"
          color="teal"
          title={t('today.empty.title')}
          description={today.counts.hidden > 0 ? t('today.empty.handled', { count: today.counts.hidden }) : t('today.empty.text')}
        />
        <Text size="sm" fw={600}>
          {t('today.empty.next')}
        </Text>
        <List spacing="xs" size="sm">
          {tips.map((tip) => (
            <List.Item key={tip.key}>
              <Text size="sm" span>
                {tip.text}
              </Text>{' '}
              {tip.link}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

/** No people yet: the three ways to start, each one tap away. */
function EmptyNetwork() {
  const { t } = useTranslation();
  const capture = useQuickCapture();
  const demo = useLoadDemo();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" data-testid="today-no-people">
      <Stack gap="md">
        <EmptyState
          icon={<IconSunHigh size={28} />}
          variant="light"
          color="teal"
          title={t('today.start.title')}
          description={t('today.start.text')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <StartCard icon={<IconFileImport size={20} />} title={t('today.start.importTitle')} text={t('today.start.importText')}>
            <Button component={Link} to="/import" variant="light" size="xs">
              {t('today.start.import')}
            </Button>
          </StartCard>
          <StartCard icon={<IconFlask size={20} />} title={t('today.start.demoTitle')} text={t('today.start.demoText')}>
            <Button variant="light" size="xs" color="grape" onClick={() => demo.mutate()} loading={demo.isPending}>
              {t('today.start.demo')}
            </Button>
          </StartCard>
          <StartCard icon={<IconUserBolt size={20} />} title={t('today.start.captureTitle')} text={t('today.start.captureText')}>
            <Button variant="light" size="xs" onClick={capture}>
              {t('capture.open')}
            </Button>
          </StartCard>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function StartCard({ icon, title, text, children }: { icon: ReactNode; title: string; text: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" radius="md" bg="gray.0">
      <Stack gap={6} h="100%">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Text fw={600} size="sm">
            {title}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" style={{ flex: 1 }}>
          {text}
        </Text>
        <div>{children}</div>
      </Stack>
    </Card>
  );
}
