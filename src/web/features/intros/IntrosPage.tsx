import { Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsLeftRight, IconMail } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { INTRO_STATUSES, SIDE_KEYS } from '#shared/api/values.ts';
import { ChoiceFilter } from '../../components/ChoiceFilter.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { useUrlChoice } from '../../components/useUrlChoice.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { relativeTime } from '../../components/format.ts';
import { AsksSection } from './AsksSection.tsx';
import { IntroduceButton } from './IntroduceButton.tsx';
import { IntroStatusBadge, pairTitle, sideName, SideStatusBadge } from './IntroStatus.tsx';
import { introKeys, introsApi, OPEN_STATUSES, type IntroSummary } from './intros.api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const PAGE = 30;

export default function IntrosPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useUrlChoice('status', INTRO_STATUSES);

  const list = useInfiniteQuery({
    queryKey: introKeys.list({ status }),
    queryFn: ({ pageParam }) => introsApi.list({ status, cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    // Answers arrive by email: while some introduction waits for them, look again now and then.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((i) => OPEN_STATUSES.includes(i.status))) ? 10_000 : false,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md" maw={960} mx="auto">
      <PageHeader
        title={t('intros.title')}
        subtitle={t('intros.subtitle')}
        actions={
          <Group gap="sm">
            <Button component={Link} to="/outbox" variant="default" leftSection={<IconMail size={16} />}>
              {t('outbox.title')}
            </Button>
            <IntroduceButton label={t('intros.new')} size="sm" variant="filled" />
          </Group>
        }
      />

      <AsksSection />

      <ChoiceFilter
        label={t('intros.filter')}
        allLabel={t('intros.allStatuses')}
        choices={INTRO_STATUSES}
        labelOf={(s) => t(`intros.status.${s}`)}
        value={status}
        onChange={setStatus}
      />

      <PagedList
        query={list}
        items={items}
        label={t('intros.title')}
        skeletonHeight={84}
        empty={{
          icon: <IconArrowsLeftRight size={28} />,
          title: status ? t('intros.emptyFiltered') : t('intros.emptyTitle'),
          text: t('intros.emptyText'),
          action: (
            <Button component={Link} to="/people" variant="default">
              {t('intros.goToPeople')}
            </Button>
          ),
        }}
        renderItem={(i) => <IntroCard key={i.id} intro={i} />}
        loadMore={t('intros.loadMore')}
      />
    </Stack>
  );
}

function IntroCard({ intro: i }: { intro: IntroSummary }) {
  const { t } = useTranslation();
  const when = i.sentAt ?? i.createdAt;
  return (
    <li data-testid="intro-card">
      <UnstyledButton component={Link} to={`/intros/${i.id}`} w="100%">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} className="rete-row">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text fw={600} className="rete-break">
                {pairTitle(i)}
              </Text>
              <IntroStatusBadge intro={i} />
            </Group>
            <Text size="sm" c="dimmed" lineClamp={2} className="rete-break">
              {i.note}
            </Text>
            <Group gap="md" wrap="wrap">
              {SIDE_KEYS.map((k) => (
                <Group gap={6} key={k} wrap="nowrap">
                  <Text size="xs" c="dimmed" maw={160} truncate>
                    {sideName(i[k])}
                  </Text>
                  <SideStatusBadge side={i[k]} />
                </Group>
              ))}
              <Text size="xs" c="dimmed" ml="auto">
                {i.sentAt
                  ? t('intros.sentWhen', { when: relativeTime(when) })
                  : t('intros.createdWhen', { when: relativeTime(when) })}
              </Text>
            </Group>
          </Stack>
        </Paper>
      </UnstyledButton>
    </li>
  );
}
