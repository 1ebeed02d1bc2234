/**
 * Introductions and the outbox: the calls of this feature, typed by the shared contract
 * (`#shared/api/intros.ts`, `#shared/api/outbox.ts`), with their query keys.
 */
import type { z } from 'zod';
import type * as Intros from '#shared/api/intros.ts';
import type * as Outbox from '#shared/api/outbox.ts';
import { qs, request } from '../../api/client.ts';

export type Intro = Intros.Intro;
export type IntroSummary = Intros.IntroSummary;
export type IntroSide = Intros.IntroSide;
export type IntroStatus = Intros.IntroStatus;
export type IntroOrder = Intros.IntroOrder;
export type SideStatus = Intros.SideStatus;
export type SideKey = Intros.SideKey;
export type IntroEvent = Intros.IntroEvent;
export type IntroEventType = Intros.IntroEventType;
export type CreateIntroInput = z.input<typeof Intros.CreateIntroBody>;
export type UpdateIntroInput = z.input<typeof Intros.UpdateIntroBody>;
export type IntrosPage = z.infer<typeof Intros.IntrosPage>;
export type OutboxMessage = Outbox.OutboxMessage;
export type OutboxMessageDetail = Outbox.OutboxMessageDetail;
export type OutboxPage = z.infer<typeof Outbox.OutboxPage>;
export type MailStatus = Intros.MailStatus;
export type MailKind = Intros.MailKind;
export type MailState = Intros.MailState;
export type MailErrorReason = Intros.MailErrorReason;
export type MailDelivery = Intros.MailDelivery;
export type IntroDelivery = Intros.IntroDelivery;

/**
 * Where an email stands, as a person reads it: `retrying` is a queued email whose last attempt
 * failed; `outbox` is one kept in the outbox (no SMTP server): it reached nobody, so it is never
 * called sent.
 */
export type MailStanding = MailStatus | 'retrying' | 'outbox';

export function mailStanding(m: Pick<MailState, 'status' | 'delivery' | 'errorReason'>): MailStanding {
  if (m.status === 'queued') return m.errorReason ? 'retrying' : 'queued';
  if (m.status === 'sent') return m.delivery === 'outbox' ? 'outbox' : 'sent';
  return m.status;
}

/** Not delivered (yet): the person may try again. */
export const needsRetry = (m: Pick<MailState, 'status' | 'delivery' | 'errorReason'>): boolean =>
  ['retrying', 'failed'].includes(mailStanding(m));

/** The outbox's filter: by status, and "sent" split into sent and kept in the outbox. */
export const OUTBOX_FILTERS = ['queued', 'sent', 'outbox', 'failed', 'cancelled'] as const satisfies readonly MailStanding[];
export type OutboxFilterChoice = (typeof OUTBOX_FILTERS)[number];

export function outboxFilterQuery(c: OutboxFilterChoice | undefined): Pick<OutboxFilter, 'status' | 'delivery'> {
  if (c === 'sent') return { status: 'sent', delivery: 'smtp' };
  if (c === 'outbox') return { status: 'sent', delivery: 'outbox' };
  return { status: c };
}

/** Still moving: the page keeps asking the server, because answers arrive by email. */
export const OPEN_STATUSES: readonly IntroStatus[] = ['asked', 'accepted_one'];

const enc = encodeURIComponent;

export interface IntroFilter {
  status?: IntroStatus | undefined;
  personId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface OutboxFilter {
  status?: MailStatus | undefined;
  delivery?: MailDelivery | undefined;
  introId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export const introsApi = {
  list: (f: IntroFilter) => request<IntrosPage>('GET', `/api/v1/intros${qs({ ...f })}`),
  get: (id: string) => request<Intro>('GET', `/api/v1/intros/${enc(id)}`),
  create: (body: CreateIntroInput) => request<Intro>('POST', '/api/v1/intros', body),
  update: (id: string, body: UpdateIntroInput) => request<Intro>('PATCH', `/api/v1/intros/${enc(id)}`, body),
  remove: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/intros/${enc(id)}`),
  send: (id: string) => request<Intro>('POST', `/api/v1/intros/${enc(id)}/send`),
  cancel: (id: string) => request<Intro>('POST', `/api/v1/intros/${enc(id)}/cancel`),
  outbox: (f: OutboxFilter) => request<OutboxPage>('GET', `/api/v1/outbox${qs({ ...f })}`),
  message: (id: string) => request<OutboxMessageDetail>('GET', `/api/v1/outbox/${enc(id)}`),
  retry: (id: string) => request<OutboxMessageDetail>('POST', `/api/v1/outbox/${enc(id)}/retry`),
};

export const introKeys = {
  all: ['intros'] as const,
  list: (f: IntroFilter) => ['intros', 'list', f] as const,
  detail: (id: string) => ['intros', 'detail', id] as const,
  outbox: ['outbox'] as const,
  outboxList: (f: OutboxFilter) => ['outbox', 'list', f] as const,
  message: (id: string) => ['outbox', 'message', id] as const,
};
