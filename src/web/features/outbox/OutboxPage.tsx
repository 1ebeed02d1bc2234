import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ChoiceFilter } from '../../components/ChoiceFilter.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { useUrlChoice } from '../../components/useUrlChoice.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { MailStatusBadge, RetryButton } from '../intros/IntroStatus.tsx';
import { introKeys, introsApi, needsRetry, OUTBOX_FILTERS, outboxFilterQuery, type OutboxMessage } from '../intros/intros.api.ts';
import { addressList } from './address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const PAGE = 50;

/**
 * Every email Rete sent or will send for me. Without an SMTP server this is where they end up, so
 * a newcomer reads exactly what would go out, and can follow its links.
 */
export default function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useUrlChoice('status', OUTBOX_FILTERS);
  const filter = outboxFilterQuery(status);
  const list = useInfiniteQuery({
    queryKey: introKeys.outboxList(filter),
    queryFn: ({ pageParam }) => introsApi.outbox({ ...filter, cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
    // The worker sends queued messages within seconds: show them leave (or fail).
    refetchInterval: (q) => {
      const queued = q.state.data?.pages.flatMap((p) => p.items).filter((m) => m.status === 'queued') ?? [];
      if (queued.length === 0) return false;
      return queued.some((m) => !m.errorReason) ? 2_000 : 10_000;
    },
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const onlyOutbox = items.some((m) => m.delivery === 'outbox');

  return (
    <Stack gap="md" maw={960} mx="auto">
      <PageHeader title={t('outbox.title')} subtitle={t('outbox.subtitle')} />
      {onlyOutbox && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('outbox.noSmtp')}
        </Alert>
      )}
      <ChoiceFilter
        label={t('outbox.filter')}
        allLabel={t('outbox.allStatuses')}
        choices={OUTBOX_FILTERS}
        labelOf={(s) => t(`outbox.standing.${s}`)}
        value={status}
        onChange={setStatus}
      />
      <PagedList
        query={list}
        items={items}
        label={t('outbox.title')}
        gap="xs"
        skeletonHeight={70}
        empty={{
          icon: <IconMail size={28} />,
          title: status ? t('outbox.emptyFiltered') : t('outbox.emptyTitle'),
          text: t('outbox.emptyText'),
          action: (
            <Button component={Link} to="/intros" variant="default">
              {t('intros.title')}
            </Button>
          ),
        }}
        renderItem={(m) => <MessageRow key={m.id} message={m} />}
        loadMore={t('outbox.loadMore')}
      />
    </Stack>
  );
}

function MessageRow({ message: m }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  return (
    <li data-testid="outbox-row">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Anchor component={Link} to={`/outbox/${m.id}`} fw={600} className="rete-break">
              {m.subject}
            </Anchor>
            <MailStatusBadge mail={m} />
          </Group>
          <Text size="sm" className="rete-break">
            <Text span size="sm" c="dimmed">
              {t('outbox.to')}:{' '}
            </Text>
            {addressList(m.to)}
            {m.cc.length > 0 && (
              <>
                {' · '}
                <Text span size="sm" c="dimmed">
                  {t('outbox.cc')}:{' '}
                </Text>
                {addressList(m.cc)}
              </>
            )}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {t(`outbox.kinds.${m.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.sentAt ?? m.createdAt)}
            </Text>
          </Group>
          {needsRetry(m) && (
            <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start" data-testid="mail-problem">
              <Text size="sm" c={m.status === 'failed' ? 'red' : 'orange'} className="rete-break">
                {t(`outbox.reasons.${m.errorReason ?? 'other'}`)}
                {m.status === 'queued' &&
                  m.nextAttemptAt &&
                  ` ${t('outbox.nextAttempt', { when: relativeTime(m.nextAttemptAt) })}`}
              </Text>
              <RetryButton messageId={m.id} />
            </Group>
          )}
        </Stack>
      </Paper>
    </li>
  );
}
