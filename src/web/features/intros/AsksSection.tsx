import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { IconArrowRight, IconRoute } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { notifySuccess } from '../../components/errors.ts';
import { relativeTime } from '../../components/format.ts';
import { ledgerKeys } from '../ledger/ledger.api.ts';
import { askKeys, asksApi, type AskStatus, type IntroAsk } from './asks.api.ts';
import { MailProblem, MailStatusBadge } from './IntroStatus.tsx';
import { introKeys } from './intros.api.ts';

const COLOR: Record<AskStatus, MantineColor> = {
  asked: 'blue',
  yes: 'teal',
  no: 'gray',
  lost_touch: 'orange',
  objected: 'red',
  expired: 'orange',
  cancelled: 'dark',
};

/**
 * On the introductions page: the introductions I asked a contact to make, where each one stands
 * (the email to them, their answer), the introduction a "yes" drafted, and "cancel" while waiting.
 */
export function AsksSection() {
  const { t } = useTranslation();
  const titleId = useId();
  const asks = useQuery({
    queryKey: askKeys.recent,
    queryFn: () => asksApi.list(),
    staleTime: 0,
    // Answers arrive by email: while one is awaited, look again now and then.
    refetchInterval: (q) => (q.state.data?.items.some((a) => a.status === 'asked') ? 10_000 : false),
  });
  const items = asks.data?.items ?? [];
  // Links to `/intros#asks` (from the Value Finder and the outbox) land here once the list is in.
  const { hash } = useLocation();
  const ref = useRef<HTMLElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    if (hash === '#asks' && shown) ref.current?.scrollIntoView({ block: 'start' });
  }, [hash, shown]);
  if (!shown) return null;
  return (
    <Box component="section" id="asks" ref={ref} aria-labelledby={titleId} data-testid="asks">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={titleId}>
            <Group gap={6} component="span">
              <IconRoute size={18} aria-hidden="true" />
              {t('asks.section.title')}
            </Group>
          </Title>
          <Text size="sm" c="dimmed">
            {t('asks.section.help')}
          </Text>
        </div>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={titleId}>
          {items.map((a) => (
            <AskCard key={a.id} ask={a} />
          ))}
        </Stack>
      </Stack>
    </Box>
  );
}

function AskCard({ ask: a }: { ask: IntroAsk }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => asksApi.cancel(a.id),
    onSuccess: async () => {
      notifySuccess(t('asks.cancelled'));
      await Promise.all([
        qc.invalidateQueries({ queryKey: askKeys.all }),
        qc.invalidateQueries({ queryKey: introKeys.outbox }),
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
      ]);
    },
  });
  const what = a.seeker.isSelf
    ? t('asks.card.me', { helper: a.helper.name })
    : t('asks.card.other', { seeker: a.seeker.name, helper: a.helper.name });
  const when = a.answeredAt ?? a.askedAt ?? a.createdAt;
  return (
    <li data-testid="ask-card" data-status={a.status}>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Text fw={600} className="rete-break">
              <Anchor component={Link} to={`/people/${a.via.id}`} inherit>
                {a.via.name}
              </Anchor>
              {': '}
              {what}
            </Text>
            <Badge color={COLOR[a.status]} variant="light" data-testid="ask-status" style={{ flexShrink: 0 }}>
              {t(`asks.status.${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2} className="rete-break">
            {a.seeker.isSelf ? t('asks.yourNeed') : t('asks.needOf', { seeker: a.seeker.name })} {a.need.text}
          </Text>
          {a.status === 'asked' && a.request && <MailProblem mail={a.request} />}
          <Group gap="sm" wrap="wrap" align="center">
            {a.status === 'asked' && a.request && <MailStatusBadge mail={a.request} />}
            {a.status === 'asked' && a.remindedAt && (
              <Text size="xs" c="dimmed">
                {t('asks.reminded', { when: relativeTime(a.remindedAt) })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {a.answeredAt
                ? t('asks.answeredWhen', { when: relativeTime(when) })
                : t('asks.askedWhen', { when: relativeTime(when) })}
            </Text>
            <Group gap="xs" ml="auto">
              {a.introId && (
                <Button
                  component={Link}
                  to={`/intros/${a.introId}`}
                  size="compact-sm"
                  variant="light"
                  color="teal"
                  rightSection={<IconArrowRight size={14} />}
                  data-testid="ask-intro"
                >
                  {t('asks.openIntro')}
                </Button>
              )}
              {a.status === 'asked' && (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                  {t('asks.cancel')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </Paper>
    </li>
  );
}
