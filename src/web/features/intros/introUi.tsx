/** Small pieces the introduction pages share: status badges, side names, error sentences. */
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';
import i18n from '../../i18n/index.ts';
import type { IntroSide, IntroStatus, IntroSummary, MailStatus, SideStatus } from './introsApi.ts';

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

const MAIL_COLOR: Record<MailStatus, MantineColor> = {
  queued: 'blue',
  sent: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export function IntroStatusBadge({ status, size = 'md' }: { status: IntroStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size={size}
      data-testid="intro-status"
      style={{ flexShrink: 0 }}
      data-status={status}
    >
      {t(`intros.status.${status}`)}
    </Badge>
  );
}

export function SideStatusBadge({ status }: { status: SideStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SIDE_COLOR[status]}
      variant="light"
      size="sm"
      data-testid="side-status"
      style={{ flexShrink: 0 }}
      data-status={status}
    >
      {t(`intros.sideStatus.${status}`)}
    </Badge>
  );
}

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={MAIL_COLOR[status]}
      variant="light"
      size="sm"
      data-testid="mail-status"
      style={{ flexShrink: 0 }}
      data-status={status}
    >
      {t(`outbox.status.${status}`)}
    </Badge>
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
