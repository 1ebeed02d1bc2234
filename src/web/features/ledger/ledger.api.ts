/**
 * The give ledger: gives and their outcomes, business received, and the "givers gain" statistics.
 * Typed by the shared contract (`#shared/api/ledger.ts`).
 */
import type { z } from 'zod';
import type * as Ledger from '#shared/api/ledger.ts';
import { GIVE_KINDS } from '#shared/api/values.ts';
import { qs, request } from '../../api/client.ts';

export type Give = Ledger.Give;
export type GiveKind = Ledger.GiveKind;
export type Outcome = Ledger.Outcome;
export type OutcomeKind = Ledger.OutcomeKind;
export type Money = Ledger.Money;
export type Received = Ledger.Received;
export type LedgerStats = Ledger.LedgerStats;
export type CreateGiveInput = z.input<typeof Ledger.CreateGiveBody>;
export type UpdateGiveInput = z.input<typeof Ledger.UpdateGiveBody>;
export type CreateOutcomeInput = z.input<typeof Ledger.CreateOutcomeBody>;
export type CreateReceivedInput = z.input<typeof Ledger.CreateReceivedBody>;
export type UpdateReceivedInput = z.input<typeof Ledger.UpdateReceivedBody>;
export type GivesPage = z.infer<typeof Ledger.GivesPage>;
export type ReceivedPage = z.infer<typeof Ledger.ReceivedPage>;

/** What a person records by hand: introductions are recorded by Rete when one is sent. */
export const MANUAL_GIVE_KINDS: readonly GiveKind[] = GIVE_KINDS.filter((k) => k !== 'introduction');

const enc = encodeURIComponent;

export interface GiveFilter {
  kind?: GiveKind | undefined;
  personId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

export const ledgerApi = {
  gives: (f: GiveFilter) => request<GivesPage>('GET', `/api/v1/gives${qs({ ...f })}`),
  give: (id: string) => request<Give>('GET', `/api/v1/gives/${enc(id)}`),
  createGive: (body: CreateGiveInput) => request<Give>('POST', '/api/v1/gives', body),
  updateGive: (id: string, body: UpdateGiveInput) => request<Give>('PATCH', `/api/v1/gives/${enc(id)}`, body),
  deleteGive: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/gives/${enc(id)}`),
  addOutcome: (giveId: string, body: CreateOutcomeInput) =>
    request<Outcome>('POST', `/api/v1/gives/${enc(giveId)}/outcomes`, body),
  deleteOutcome: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/outcomes/${enc(id)}`),
  received: (f: Period & { cursor?: string | undefined; limit?: number | undefined }) =>
    request<ReceivedPage>('GET', `/api/v1/received${qs({ ...f })}`),
  createReceived: (body: CreateReceivedInput) => request<Received>('POST', '/api/v1/received', body),
  updateReceived: (id: string, body: UpdateReceivedInput) => request<Received>('PATCH', `/api/v1/received/${enc(id)}`, body),
  deleteReceived: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/received/${enc(id)}`),
  stats: (p: Period) => request<LedgerStats>('GET', `/api/v1/ledger/stats${qs({ ...p })}`),
};

/** Everything of the ledger lives under one key: any change refreshes the lists and the statistics. */
export const ledgerKeys = {
  all: ['ledger'] as const,
  gives: (f: GiveFilter) => ['ledger', 'gives', f] as const,
  give: (id: string) => ['ledger', 'give', id] as const,
  received: (p: Period) => ['ledger', 'received', p] as const,
  stats: (p: Period) => ['ledger', 'stats', p] as const,
};
