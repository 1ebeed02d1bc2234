/**
 * Asks to a contact to make an introduction: the calls of this feature, typed by the shared
 * contract (`#shared/api/asks.ts`), with their query keys.
 */
import type { z } from 'zod';
import type * as Asks from '#shared/api/asks.ts';
import { qs, request } from '../../api/client.ts';

export type IntroAsk = Asks.IntroAsk;
export type AskStatus = Asks.AskStatus;
export type AskDraft = Asks.AskDraft;
export type DraftAskInput = z.input<typeof Asks.DraftAskBody>;
export type CreateAskInput = z.input<typeof Asks.CreateAskBody>;
export type AsksPage = z.infer<typeof Asks.AsksPage>;

export const asksApi = {
  list: (q: { status?: AskStatus; limit?: number } = {}) =>
    request<AsksPage>('GET', `/api/v1/intro-asks${qs({ status: q.status, limit: q.limit ?? 200 })}`),
  draft: (body: DraftAskInput) => request<AskDraft>('POST', '/api/v1/intro-asks/draft', body),
  create: (body: CreateAskInput) => request<IntroAsk>('POST', '/api/v1/intro-asks', body),
  cancel: (id: string) => request<IntroAsk>('POST', `/api/v1/intro-asks/${encodeURIComponent(id)}/cancel`),
};

export const askKeys = {
  all: ['intro-asks'] as const,
  /** The asks the Value Finder and the introductions page show: the newest 200. */
  recent: ['intro-asks', 'recent'] as const,
  draft: (body: DraftAskInput) => ['intro-asks', 'draft', body] as const,
};

/** The newest ask with these three people, if any: what the Value Finder shows instead of asking again. */
export function askFor(
  asks: readonly IntroAsk[],
  p: { viaId: string; helperId: string; seekerId: string },
): IntroAsk | undefined {
  return asks.find((a) => a.via.id === p.viaId && a.helper.id === p.helperId && a.seeker.id === p.seekerId);
}

export const OPEN_ASK: readonly AskStatus[] = ['asked'];
