/**
 * The one way the web app talks to the server. Types come from the shared zod contract, so a
 * change there shows up here as a type error. Cookie-authenticated changes carry the session's
 * CSRF token; any 401 tells the app to go back to the log-in page.
 */
import type { z } from 'zod';
import type * as Auth from '#shared/api/auth.ts';
import type { DemoLoaded, DemoRemoved, DemoStatus } from '#shared/api/demo.ts';
import type * as Duplicates from '#shared/api/duplicates.ts';
import type * as Export from '#shared/api/export.ts';
import type * as Import from '#shared/api/import.ts';
import type * as Learning from '#shared/api/learning.ts';
import type * as Matching from '#shared/api/matching.ts';
import type * as People from '#shared/api/people.ts';
import type * as Privacy from '#shared/api/privacy.ts';
import type * as Tokens from '#shared/api/tokens.ts';
import type { Locale } from '#shared/api/values.ts';

export type CurrentUser = z.infer<typeof Auth.CurrentUser>;
export type Session = z.infer<typeof Auth.SessionBody>;
export type AuthState = z.infer<typeof Auth.AuthState>;
export type SignupInput = z.input<typeof Auth.SignupBody>;
export type LoginInput = z.input<typeof Auth.LoginBody>;
export type UpdateAccountInput = z.input<typeof Auth.UpdateAccountBody>;
export type ChangePasswordInput = z.input<typeof Auth.ChangePasswordBody>;
export type ApiToken = z.infer<typeof Tokens.TokenBody>;
export type CreatedToken = z.infer<typeof Tokens.CreatedTokenBody>;

export type PersonSummary = z.infer<typeof People.PersonSummary>;
export type PersonDetail = z.infer<typeof People.PersonDetail>;
export type PeoplePage = z.infer<typeof People.PeoplePage>;
export type Facets = z.infer<typeof People.Facets>;
export type Item = z.infer<typeof People.Item>;
export type ItemStatus = z.infer<typeof People.ItemStatus>;
export type Interaction = z.infer<typeof People.Interaction>;
export type InteractionKind = z.infer<typeof People.InteractionKind>;
export type Relationship = z.infer<typeof People.Relationship>;
export type Channel = z.infer<typeof People.Channel>;
export type CreatePersonInput = z.input<typeof People.CreatePersonBody>;
export type UpdatePersonInput = z.input<typeof People.UpdatePersonBody>;
export type CreateItemInput = z.input<typeof People.CreateItemBody>;
export type UpdateItemInput = z.input<typeof People.UpdateItemBody>;
export type CreateInteractionInput = z.input<typeof People.CreateInteractionBody>;
export type UpdateInteractionInput = z.input<typeof People.UpdateInteractionBody>;
export type CreateRelationshipInput = z.input<typeof People.CreateRelationshipBody>;
export type UpdateRelationshipInput = z.input<typeof People.UpdateRelationshipBody>;

export type ValueFinder = Matching.ValueFinder;
export type Helper = Matching.Helper;
export type Seeker = Matching.Seeker;
export type MatchReason = Matching.MatchReason;
export type MatchPath = Matching.MatchPath;
export type MatchPerson = Helper['person'];

export type ItemKind = 'needs' | 'offers';

export type Feedback = Learning.Feedback;
export type FeedbackInput = z.input<typeof Learning.FeedbackBody>;
export type FeedbackVerdict = Learning.FeedbackVerdict;
export type ConceptRef = Learning.ConceptRef;
export type TaughtWord = Learning.TaughtWord;
export type TaughtWordInput = z.input<typeof Learning.TaughtWordBody>;
export type UpdateTaughtWordInput = z.input<typeof Learning.UpdateTaughtWordBody>;

export type ImportFormat = z.infer<typeof Import.ImportFormat>;
export type CsvField = z.infer<typeof Import.CsvFieldName>;
export type ImportPreview = Import.ImportPreview;
export type ImportResult = Import.ImportResult;
export type ImportPerson = Import.ImportPerson;
export type ExportFormat = Export.ExportFormat;

export type ImportEvent = Import.ImportEvent;

export type DuplicateReason = Duplicates.DuplicateReason;
export type DuplicatePair = Duplicates.DuplicatePair;
export type DuplicatePerson = DuplicatePair['a'];
export type DuplicatesResponse = Duplicates.DuplicatesResponse;
export type MergePairsResult = Duplicates.MergePairsResult;

export type LegalBasis = Privacy.LegalBasis;
export type PersonPrivacy = Privacy.PersonPrivacy;
export type Suppression = Privacy.Suppression;
export type SuppressionKind = z.infer<typeof Privacy.SuppressionKind>;
export type EraseResult = z.infer<typeof Privacy.EraseResult>;

export interface PeopleFilter {
  q?: string;
  tag?: string;
  city?: string;
  hasOpenNeeds?: boolean;
  cursor?: string;
  limit?: number;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(v: unknown): v is { error: { code: string; message: string; details?: ErrorDetail[] } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = v.error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

function apiErrorOf(res: Response, data: unknown): ApiError {
  return isErrorBody(data)
    ? new ApiError(res.status, data.error.code, data.error.message, data.error.details ?? [])
    : new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', res.statusText || 'Request failed');
}

/**
 * Sends a file as the raw request body (the import endpoints take `application/octet-stream`
 * with options in the query string). Answers the response itself, so that a stream can be read;
 * an error status becomes an ApiError as in `request`.
 */
export async function sendFile(
  path: string,
  file: Blob,
  opts: { accept?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: opts.accept ?? 'application/json',
    'Content-Type': 'application/octet-stream',
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin', signal: opts.signal ?? null });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (res.status === 401) onUnauthorized?.();
    throw apiErrorOf(res, data);
  }
  return res;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(data)
      ? new ApiError(res.status, data.error.code, data.error.message, data.error.details ?? [])
      : new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', res.statusText || 'Request failed');
    // A wrong password at log-in is a 401 too, but it is an answer, not a lost session.
    if (res.status === 401 && path !== '/api/v1/auth/login') onUnauthorized?.();
    throw err;
  }
  return data as T;
}

/** A query string of the parameters that have a value (`?a=1&b=x`), or nothing. */
export function qs(params: Record<string, string | number | boolean | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const api = {
  // account
  authState: () => request<AuthState>('GET', '/api/v1/auth/state'),
  session: () => request<Session>('GET', '/api/v1/auth/me'),
  signup: (body: SignupInput) => request<{ ok: true; message: string }>('POST', '/api/v1/auth/signup', body),
  login: (body: LoginInput) => request<Session>('POST', '/api/v1/auth/login', body),
  logout: () => request<{ ok: true }>('POST', '/api/v1/auth/logout'),
  updateAccount: (body: UpdateAccountInput) => request<CurrentUser>('PATCH', '/api/v1/auth/me', body),
  changePassword: (body: ChangePasswordInput) =>
    request<{ ok: true; revokedTokens: number }>('POST', '/api/v1/auth/password', body),

  // tokens
  tokens: () => request<{ items: ApiToken[] }>('GET', '/api/v1/tokens'),
  createToken: (name: string) => request<CreatedToken>('POST', '/api/v1/tokens', { name }),
  revokeToken: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/tokens/${enc(id)}`),

  // people
  people: (f: PeopleFilter) =>
    request<PeoplePage>(
      'GET',
      `/api/v1/people${qs({ q: f.q?.trim(), tag: f.tag, city: f.city, hasOpenNeeds: f.hasOpenNeeds, cursor: f.cursor, limit: f.limit })}`,
    ),
  facets: () => request<Facets>('GET', '/api/v1/people/facets'),
  person: (id: string) => request<PersonDetail>('GET', `/api/v1/people/${enc(id)}`),
  createPerson: (body: CreatePersonInput) => request<PersonDetail>('POST', '/api/v1/people', body),
  updatePerson: (id: string, body: UpdatePersonInput) => request<PersonDetail>('PATCH', `/api/v1/people/${enc(id)}`, body),
  deletePerson: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/people/${enc(id)}`),
  me: () => request<PersonDetail>('GET', '/api/v1/me'),

  // needs and offers
  addItem: (kind: ItemKind, personId: string, body: CreateItemInput) =>
    request<Item>('POST', `/api/v1/people/${enc(personId)}/${kind}`, body),
  updateItem: (kind: ItemKind, id: string, body: UpdateItemInput) => request<Item>('PATCH', `/api/v1/${kind}/${enc(id)}`, body),
  deleteItem: (kind: ItemKind, id: string) => request<{ ok: true }>('DELETE', `/api/v1/${kind}/${enc(id)}`),

  // timeline
  addInteraction: (personId: string, body: CreateInteractionInput) =>
    request<Interaction>('POST', `/api/v1/people/${enc(personId)}/interactions`, body),
  updateInteraction: (id: string, body: UpdateInteractionInput) =>
    request<Interaction>('PATCH', `/api/v1/interactions/${enc(id)}`, body),
  deleteInteraction: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/interactions/${enc(id)}`),

  // relationships
  addRelationship: (personId: string, body: CreateRelationshipInput) =>
    request<Relationship>('POST', `/api/v1/people/${enc(personId)}/relationships`, body),
  updateRelationship: (id: string, body: UpdateRelationshipInput) =>
    request<Relationship>('PATCH', `/api/v1/relationships/${enc(id)}`, body),
  deleteRelationship: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/relationships/${enc(id)}`),

  // value finder
  valueFinder: (personId: string) => request<ValueFinder>('GET', `/api/v1/people/${enc(personId)}/value-finder`),
  match: (q: string, limit = 20) =>
    request<{ items: Helper[]; shown: number }>('GET', `/api/v1/match${qs({ q: q.trim(), limit })}`),

  // what the value finder learns from me
  feedback: () => request<{ items: Feedback[] }>('GET', '/api/v1/feedback'),
  /** "Good match" or "not relevant" on a suggestion; marking a pair again replaces its verdict. */
  setFeedback: (body: FeedbackInput) => request<Feedback>('POST', '/api/v1/feedback', body),
  deleteFeedback: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/feedback/${enc(id)}`),
  concepts: () => request<{ items: ConceptRef[] }>('GET', '/api/v1/concepts'),
  taughtWords: () => request<{ items: TaughtWord[] }>('GET', '/api/v1/taught-words'),
  teach: (body: TaughtWordInput) => request<TaughtWord>('POST', '/api/v1/taught-words', body),
  updateTaughtWord: (id: string, body: UpdateTaughtWordInput) =>
    request<TaughtWord>('PATCH', `/api/v1/taught-words/${enc(id)}`, body),
  forgetTaughtWord: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/taught-words/${enc(id)}`),

  // demo
  loadDemo: () => request<DemoLoaded>('POST', '/api/v1/demo'),
  demoStatus: () => request<DemoStatus>('GET', '/api/v1/demo'),
  /** Removes the demo people and everything that refers to them; Me and my own contacts stay. */
  removeDemo: () => request<DemoRemoved>('DELETE', '/api/v1/demo'),

  // export (a plain link: the session cookie authenticates a GET); imports send files, see sendFile
  /** `lang`: the CSV's header in that language, with the separator Excel expects there. */
  exportUrl: (format: ExportFormat, lang?: Locale) =>
    `/api/v1/export${qs(format === 'csv' && lang ? { format, lang } : { format })}`,

  // duplicates
  duplicates: () => request<DuplicatesResponse>('GET', '/api/v1/duplicates'),
  /**
   * Merges the pairs (all or nothing), each group of pairs sharing a person into one; every pair
   * must share an email, a phone number or a LinkedIn profile. `dryRun`: only the groups.
   */
  mergePairs: (pairs: Array<{ a: string; b: string }>, dryRun = false) =>
    request<MergePairsResult>('POST', `/api/v1/duplicates/merge${qs({ dryRun: dryRun ? 'true' : undefined })}`, { pairs }),
  /** `keepId` survives and receives everything of `otherId`. */
  mergePeople: (keepId: string, otherId: string) =>
    request<PersonDetail>('POST', `/api/v1/people/${enc(keepId)}/merge`, { otherId }),

  // privacy
  /** Erases the person everywhere; with `suppress`, later imports skip them (`reason` is the user's own note). */
  erasePerson: (id: string, opts: { suppress: boolean; reason?: string | undefined }) =>
    request<EraseResult>(
      'DELETE',
      `/api/v1/people/${enc(id)}${qs(opts.suppress ? { suppress: true, reason: opts.reason?.trim() } : {})}`,
    ),
  suppressions: () => request<{ items: Suppression[] }>('GET', '/api/v1/suppressions'),
  liftSuppression: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/suppressions/${enc(id)}`),
  deleteAccount: (password: string) => request<{ ok: true }>('DELETE', '/api/v1/me', { password }),
};

/** Query keys, in one place so that invalidation cannot drift from the queries. */
export const keys = {
  session: ['session'] as const,
  authState: ['auth-state'] as const,
  people: ['people'] as const,
  peopleList: (f: PeopleFilter) => ['people', 'list', f] as const,
  peopleSearch: (q: string) => ['people', 'search', q] as const,
  facets: ['facets'] as const,
  demo: ['demo'] as const,
  person: (id: string) => ['person', id] as const,
  /** Under the person's key, so whatever refreshes or forgets a person does the same to their panel. */
  valueFinder: (id: string) => ['person', id, 'value-finder'] as const,
  matches: ['match'] as const,
  match: (q: string) => ['match', q] as const,
  feedback: ['feedback'] as const,
  concepts: ['concepts'] as const,
  taughtWords: ['taught-words'] as const,
  persons: ['person'] as const,
  me: ['me'] as const,
  tokens: ['tokens'] as const,
  duplicates: ['duplicates'] as const,
  suppressions: ['suppressions'] as const,
};
