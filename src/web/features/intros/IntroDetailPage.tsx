import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowsLeftRight,
  IconCheck,
  IconCircleDot,
  IconMail,
  IconMailCheck,
  IconPencil,
  IconPlus,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { notifySuccess } from '../../components/errors.ts';
import { formatDateTime, relativeTime } from '../../components/format.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { ledgerKeys } from '../ledger/ledger.api.ts';
import { OutcomeModal } from '../ledger/OutcomeModal.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import {
  introErrorText,
  IntroStatusBadge,
  MailProblem,
  MailStatusBadge,
  pairTitle,
  RetryButton,
  sideName,
  SideStatusBadge,
} from './IntroStatus.tsx';
import {
  introKeys,
  introsApi,
  mailStanding,
  needsRetry,
  OPEN_STATUSES,
  type Intro,
  type IntroEvent,
  type IntroSide,
  type MailDelivery,
} from './intros.api.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';

export default function IntroDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const intro = useQuery({
    queryKey: introKeys.detail(id),
    queryFn: () => introsApi.get(id),
    staleTime: 0,
    meta: { silent: true },
    // The sides answer by email, and emails leave in seconds: while either may happen, look again.
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return false;
      if (d.delivery === 'sending') return 2_000;
      return OPEN_STATUSES.includes(d.status) || d.delivery === 'retrying' ? 5_000 : false;
    },
  });

  if (intro.isPending) return <FullPageLoader />;
  if (intro.isError) {
    return (
      <LoadError
        error={intro.error}
        icon={<IconArrowsLeftRight size={28} />}
        notFound={{ title: t('intros.notFound'), text: t('intros.notFoundText') }}
        back={{ to: '/intros', label: t('intros.backToList') }}
      />
    );
  }
  return <IntroView intro={intro.data} />;
}

function IntroView({ intro }: { intro: Intro }) {
  const { t } = useTranslation();
  const [outcomeOpened, outcome] = useDisclosure(false);
  const draft = intro.status === 'draft';
  const cancellable = draft || OPEN_STATUSES.includes(intro.status);
  const history = historyOf(intro, t);

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Anchor component={Link} to="/intros" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('intros.backToList')}
        </Group>
      </Anchor>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Title order={1} size="h2" className="rete-break">
              {pairTitle(intro)}
            </Title>
            <IntroStatusBadge intro={intro} size="lg" />
          </Group>
          <Text size="sm" className="rete-pre">
            {intro.note}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t('intros.createdWhen', { when: formatDateTime(intro.createdAt) }),
              intro.sentAt && t('intros.sentWhen', { when: formatDateTime(intro.sentAt) }),
              intro.connectedAt && t('intros.connectedWhen', { when: formatDateTime(intro.connectedAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Group gap="sm" mt={4}>
            {intro.giveId && (
              <Button leftSection={<IconPlus size={16} />} onClick={outcome.open} variant="light">
                {t('ledger.outcome.add')}
              </Button>
            )}
            {intro.giveId && (
              <Button component={Link} to={`/ledger#give-${intro.giveId}`} variant="subtle">
                {t('intros.inLedger')}
              </Button>
            )}
            {cancellable && <CancelIntro intro={intro} />}
          </Group>
        </Stack>
      </Paper>

      {draft ? (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="draft-title">
          <Stack gap="sm">
            <Group gap="xs">
              <IconPencil size={18} aria-hidden="true" />
              <Title order={2} size="h4" id="draft-title">
                {t('intros.form.draftTitle')}
              </Title>
            </Group>
            <DraftEditor key={intro.updatedAt} intro={intro} onSent={() => notifySuccess(t('intros.sent'))} />
          </Stack>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SideCard side={intro.a} />
          <SideCard side={intro.b} />
        </SimpleGrid>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="intro-history">
          <Title order={2} size="h4" id="intro-history" mb="sm">
            {t('intros.history')}
          </Title>
          <Timeline bulletSize={24} lineWidth={2} active={history.length - 1}>
            {history.map((h, i) => (
              <Timeline.Item
                key={`${h.at}-${h.key}-${i}`}
                bullet={h.event ? <EventIcon type={h.event.type} /> : <IconMailCheck size={12} />}
                color={h.event ? eventColor(h.event.type) : h.delivery === 'outbox' ? 'indigo' : 'teal'}
                title={h.text}
                data-testid="history-item"
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(h.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="intro-emails">
          <Title order={2} size="h4" id="intro-emails" mb="sm">
            {t('intros.emails')}
          </Title>
          {intro.messages.length === 0 ? (
            <EmptyNote>{draft ? t('intros.noEmailsDraft') : t('intros.noEmails')}</EmptyNote>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {intro.messages.map((m) => (
                <li key={m.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                      <IconMail size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
                      <Anchor component={Link} to={`/outbox/${m.id}`} size="sm" className="rete-break">
                        {m.side ? t(`outbox.kinds.${m.kind}`) + ' · ' + sideName(intro[m.side]) : t(`outbox.kinds.${m.kind}`)}
                      </Anchor>
                    </Group>
                    <Group gap={6} wrap="nowrap">
                      {needsRetry(m) && <RetryButton messageId={m.id} />}
                      <MailStatusBadge mail={m} />
                    </Group>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>

      {outcomeOpened && intro.giveId && <OutcomeModal giveId={intro.giveId} opened onClose={outcome.close} />}
    </Stack>
  );
}

function SideCard({ side }: { side: IntroSide }) {
  const { t } = useTranslation();
  const name = sideName(side);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={name} data-testid={`side-${side.side}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          {side.person && !side.person.isSelf ? (
            <Anchor component={Link} to={`/people/${side.person.id}`} fw={600} className="rete-break">
              {name}
            </Anchor>
          ) : (
            <Text fw={600}>{name}</Text>
          )}
          <SideStatusBadge side={side} />
        </Group>
        {side.email && (
          <Text size="sm" c="dimmed" className="rete-break">
            {side.email}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('intros.draft.language')}: {t(`language.${side.language}`)}
        </Text>
        {side.askedAt && askedKey(side) && (
          <Text size="xs" c="dimmed">
            {t(askedKey(side) ?? '', { when: formatDateTime(side.askedAt) })}
          </Text>
        )}
        {side.remindedAt && (
          <Text size="xs" c="dimmed">
            {t('intros.remindedWhen', { when: formatDateTime(side.remindedAt) })}
          </Text>
        )}
        {side.answeredAt && (
          <Text size="xs" c="dimmed">
            {t('intros.answeredWhen', { when: formatDateTime(side.answeredAt) })}
          </Text>
        )}
        {side.status === 'asked' && side.expiresAt && (
          <Text size="xs" c="dimmed">
            {t('intros.expiresWhen', { when: relativeTime(side.expiresAt) })}
          </Text>
        )}
        {side.status === 'asked' && side.request && <MailProblem mail={side.request} />}
        {(side.status === 'declined' || side.status === 'objected') && (
          <Text size="xs" c="dimmed" fs="italic">
            {side.status === 'objected' ? t('intros.objectedNote', { name }) : t('intros.declinedNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function CancelIntro({ intro }: { intro: Intro }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const draft = intro.status === 'draft';
  const names = { a: sideName(intro.a), b: sideName(intro.b) };
  const cancel = useMutation({
    // A draft that never went out is simply deleted; a sent one is cancelled and keeps its history.
    mutationFn: async (): Promise<Intro | null> => {
      if (!draft) return introsApi.cancel(intro.id);
      await introsApi.remove(intro.id);
      return null;
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async (res) => {
      close();
      if (draft) {
        notifySuccess(t('intros.deleted'));
        qc.removeQueries({ queryKey: introKeys.detail(intro.id) });
        await navigate('/intros', { replace: true });
      } else if (res) {
        qc.setQueryData(introKeys.detail(intro.id), res);
        notifySuccess(t('intros.cancelled'));
      }
      await Promise.all([
        qc.invalidateQueries({ queryKey: introKeys.all }),
        qc.invalidateQueries({ queryKey: introKeys.outbox }),
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
      ]);
    },
    onError: (err) => setError(introErrorText(err, names)),
  });
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={open}>
        {draft ? t('intros.deleteDraft') : t('intros.cancel')}
      </Button>
      <Modal opened={opened} onClose={close} title={draft ? t('intros.deleteDraftTitle') : t('intros.cancelTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{draft ? t('intros.deleteDraftText') : t('intros.cancelText')}</Text>
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('intros.keep')}
            </Button>
            <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {draft ? t('intros.deleteDraftConfirm') : t('intros.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function EventIcon({ type }: { type: IntroEvent['type'] }) {
  switch (type) {
    case 'accepted':
    case 'connected':
      return <IconCheck size={14} />;
    case 'declined':
    case 'objected':
    case 'cancelled':
    case 'expired':
      return <IconX size={14} />;
    case 'sent':
    case 'asked':
    case 'reminded':
      return <IconSend size={12} />;
    case 'created':
    case 'edited':
      return <IconCircleDot size={12} />;
  }
}

function eventColor(type: IntroEvent['type']): string {
  switch (type) {
    case 'accepted':
    case 'connected':
      return 'teal';
    case 'declined':
    case 'objected':
      return 'red';
    case 'expired':
      return 'orange';
    case 'cancelled':
      return 'gray';
    case 'sent':
    case 'asked':
    case 'reminded':
      return 'blue';
    case 'created':
    case 'edited':
      return 'gray';
  }
}

type T = (k: string, v?: Record<string, string>) => string;

function eventText(e: IntroEvent, intro: Intro, t: T): string {
  const name = e.side ? sideName(intro[e.side]) : '';
  return t(`intros.events.${e.type}`, { name });
}

/**
 * When the request to a side left: over SMTP, it reached them; otherwise it waits, or sits in the
 * outbox. Nothing for one not delivered: its alert says what happened.
 */
function askedKey(side: IntroSide): string | null {
  const standing = side.request ? mailStanding(side.request) : 'sent';
  if (standing === 'outbox') return 'intros.inOutboxWhen';
  if (standing === 'queued' || standing === 'retrying') return 'intros.queuedWhen';
  if (standing === 'failed') return null;
  return 'intros.askedWhen';
}

interface HistoryItem {
  at: string;
  key: string;
  text: string;
  event: IntroEvent | null;
  delivery: MailDelivery | null;
}

/** The intro's events and, from its emails, when each one went out (delivered, or placed in the outbox), in order. */
function historyOf(intro: Intro, t: T): HistoryItem[] {
  const events: HistoryItem[] = intro.events.map((e) => ({
    at: e.at,
    key: e.type,
    text: eventText(e, intro, t),
    event: e,
    delivery: null,
  }));
  const deliveries: HistoryItem[] = intro.messages.flatMap((m) =>
    m.sentAt && m.delivery
      ? [
          {
            at: m.sentAt,
            key: `${m.kind}-${m.id}`,
            text: t(`intros.delivered.${m.delivery}.${m.kind}`, { name: m.side ? sideName(intro[m.side]) : '' }),
            event: null,
            delivery: m.delivery,
          },
        ]
      : [],
  );
  // Stable: an email that went out in the same instant as an event comes after it.
  return [...events, ...deliveries].sort((a, b) => a.at.localeCompare(b.at));
}
