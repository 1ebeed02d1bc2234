/** Small pieces the introduction and outbox pages share: status badges, "try again", side names, error sentences. */
import { Alert, Badge, Button, Group, Stack, Text, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { relativeTime } from '../../components/format.ts';
import i18n from '../../i18n/index.ts';
import { ledgerKeys } from '../ledger/ledger.api.ts';
import {
  introKeys,
  introsApi,
  mailStanding,
  type IntroDelivery,
  type IntroSide,
  type IntroStatus,
  type IntroSummary,
  type MailStanding,
  type MailState,
  type SideStatus,
} from './intros.api.ts';

const STATUS_COLOR: Record<IntroStatus, MantineColor> = {
  draft: 'gray',
  asked: 'blue',
  accepted_one: 'cyan',
  connected: 'teal',
  declined: 'red',
  expired: 'orange',
  cancelled: 'dark',
};

const SIDE_COLOR: Record<SideStatus, MantineColor> = {
  me: 'gray',
  waiting: 'gray',
  asked: 'blue',
  accepted: 'teal',
  declined: 'red',
  objected: 'red',
  expired: 'orange',
};

const MAIL_COLOR: Record<MailStanding, MantineColor> = {
  queued: 'blue',
  retrying: 'orange',
  sent: 'teal',
  outbox: 'indigo',
  failed: 'red',
  cancelled: 'gray',
};

const DELIVERY_COLOR: Record<IntroDelivery, MantineColor> = {
  sending: 'blue',
  retrying: 'red',
  failed: 'red',
  outbox: 'indigo',
  sent: 'blue',
};

const DELIVERY_PROBLEM: readonly IntroDelivery[] = ['retrying', 'failed'];

/**
 * The status of an introduction as it really is: while its requests are on their way, kept in
 * the outbox or not delivered, "asked" says so instead of "request sent". A problem with an email
 * it waits on (the introduction email, once connected) shows as a second badge.
 */
export function IntroStatusBadge({
  intro,
  size = 'md',
}: {
  intro: Pick<IntroSummary, 'status' | 'delivery'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const { status, delivery } = intro;
  const problem = delivery !== null && DELIVERY_PROBLEM.includes(delivery);
  const asked = status === 'asked' && delivery !== null && delivery !== 'sent';
  const main = (
    <Badge
      color={asked ? (problem ? 'red' : DELIVERY_COLOR[delivery]) : STATUS_COLOR[status]}
      variant="light"
      size={size}
      data-testid="intro-status"
      style={{ flexShrink: 0 }}
      data-status={status}
      data-delivery={delivery ?? ''}
    >
      {asked ? t(`intros.delivery.${delivery}`) : t(`intros.status.${status}`)}
    </Badge>
  );
  if (asked || !problem) return main;
  return (
    <Group gap={6} wrap="wrap" justify="flex-end" style={{ flexShrink: 0 }}>
      {main}
      <Badge color="red" variant="light" size={size} data-testid="intro-delivery-problem">
        {t(status === 'connected' ? 'intros.connectNotDelivered' : `intros.delivery.${delivery}`)}
      </Badge>
    </Group>
  );
}

/** A side's status; while asked, what became of the request to them. */
export function SideStatusBadge({ side }: { side: Pick<IntroSide, 'status' | 'request'> }) {
  const { t } = useTranslation();
  const standing = side.status === 'asked' && side.request ? mailStanding(side.request) : null;
  const request = standing && standing !== 'sent' && standing !== 'cancelled' ? standing : null;
  return (
    <Badge
      color={request ? MAIL_COLOR[request] : SIDE_COLOR[side.status]}
      variant="light"
      size="sm"
      data-testid="side-status"
      style={{ flexShrink: 0 }}
      data-status={side.status}
      data-request={standing ?? ''}
    >
      {request ? t(`intros.requestStanding.${request}`) : t(`intros.sideStatus.${side.status}`)}
    </Badge>
  );
}

/** Where an email stands; kept only in the outbox, it is never called sent. */
export function MailStatusBadge({ mail }: { mail: Pick<MailState, 'status' | 'delivery' | 'errorReason'> }) {
  const { t } = useTranslation();
  const standing = mailStanding(mail);
  return (
    <Badge
      color={MAIL_COLOR[standing]}
      variant="light"
      size="sm"
      data-testid="mail-status"
      style={{ flexShrink: 0 }}
      data-status={standing}
    >
      {t(`outbox.standing.${standing}`)}
    </Badge>
  );
}

/** "Try again" for an email that was not delivered (yet). */
export function RetryButton({ messageId, size = 'xs' }: { messageId: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: () => introsApi.retry(messageId),
    onSuccess: async (m) => {
      qc.setQueryData(introKeys.message(messageId), m);
      notifySuccess(t('outbox.retryStarted'));
      await Promise.all([
        qc.invalidateQueries({ queryKey: introKeys.all }),
        qc.invalidateQueries({ queryKey: introKeys.outbox }),
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
      ]);
    },
  });
  return (
    <Button
      size={size}
      variant="light"
      color="red"
      leftSection={<IconRefresh size={14} />}
      onClick={() => retry.mutate()}
      loading={retry.isPending}
      style={{ flexShrink: 0 }}
    >
      {t('outbox.retry')}
    </Button>
  );
}

/**
 * Why an email was not delivered, in the user's language, with when it tries again (if it
 * will), the technical text for whoever runs Rete, and "try again".
 */
export function MailProblem({ mail, retry = true }: { mail: MailState & { id: string }; retry?: boolean }) {
  const { t } = useTranslation();
  const standing = mailStanding(mail);
  if (standing !== 'retrying' && standing !== 'failed') return null;
  return (
    <Alert
      color={standing === 'failed' ? 'red' : 'orange'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t(standing === 'failed' ? 'outbox.notDelivered' : 'outbox.notDeliveredYet')}
      data-testid="mail-problem"
      data-reason={mail.errorReason ?? ''}
    >
      <Stack gap={6}>
        <Text size="sm">{t(`outbox.reasons.${mail.errorReason ?? 'other'}`)}</Text>
        {standing === 'retrying' && mail.nextAttemptAt && (
          <Text size="sm" c="dimmed">
            {t('outbox.nextAttempt', { when: relativeTime(mail.nextAttemptAt) })}
          </Text>
        )}
        {mail.lastError && (
          <Text size="xs" c="dimmed" ff="monospace" className="rete-break">
            {t('outbox.technical')}: {mail.lastError}
          </Text>
        )}
        {retry && (
          <Group>
            <RetryButton messageId={mail.id} />
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The name of a side as the user reads it: "you" for their own side, a placeholder once erased. */
export function sideName(s: IntroSide): string {
  if (!s.person) return i18n.t('intros.erased');
  return s.person.isSelf ? i18n.t('intros.you') : s.person.name;
}

export function pairTitle(intro: Pick<IntroSummary, 'a' | 'b'>): string {
  return `${sideName(intro.a)} ↔ ${sideName(intro.b)}`;
}

/**
 * A sentence for what went wrong with an introduction. The server's messages are English and
 * name fields; here they become the user's language, naming the person concerned.
 */
export function introErrorText(err: unknown, names: { a: string; b: string }): string {
  const t = i18n.t.bind(i18n);
  if (!(err instanceof ApiError)) return errorMessage(err);
  if (err.status === 429) return t('intros.errors.rateLimited');
  const nameOf = (path: string) => (path === 'a' || path === 'personAId' ? names.a : names.b);
  if (err.status === 400) {
    for (const d of err.details) {
      const msg = d.message.toLowerCase();
      if (msg.includes('no email')) return t('intros.errors.noEmail', { name: nameOf(d.path) });
      if (msg.includes('plain address')) return t('intros.errors.badEmail', { name: nameOf(d.path) });
      if (msg.includes('empty message')) return t('intros.errors.emptyMessage', { name: nameOf(d.path) });
      if (msg.includes('same address')) return t('intros.errors.sameEmail');
      if (msg.includes('same as a')) return t('intros.errors.samePerson');
    }
    return errorMessage(err);
  }
  if (err.status === 409) {
    // "<name> asked not to be contacted again: …" is the one conflict that names someone.
    const objected = /^(.+?) asked not to be contacted/.exec(err.message)?.[1];
    if (objected) return t('intros.errors.objected', { name: objected });
    return t('intros.errors.notDraft');
  }
  return errorMessage(err);
}
