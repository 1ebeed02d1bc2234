/**
 * The giving routine: Today, what the user says of its items, the routine's settings, keep-in-touch
 * cadences, follow-ups, logging an interaction and the one-to-one conversation. Typed by the shared
 * contract (`#shared/api/routine.ts`), with their query keys.
 */
import type { z } from 'zod';
import type * as Routine from '#shared/api/routine.ts';
import { qs, request } from '../../api/client.ts';

export type Today = Routine.Today;
export type TodayItem = Routine.TodayItem;
export type TodayItemKind = Routine.TodayItemKind;
export type TodayHelper = TodayItem['helpers'][number];
export type SetTodayStateInput = z.input<typeof Routine.SetTodayStateBody>;
export type RoutineSettings = Routine.RoutineSettings;
export type UpdateRoutineSettingsInput = z.input<typeof Routine.UpdateRoutineSettingsBody>;
export type Cadence = Routine.Cadence;
export type SetCadenceInput = z.input<typeof Routine.SetCadenceBody>;
export type FollowUp = Routine.FollowUp;
export type CreateFollowUpInput = z.input<typeof Routine.CreateFollowUpBody>;
export type UpdateFollowUpInput = z.input<typeof Routine.UpdateFollowUpBody>;
export type FollowUpStatus = z.input<typeof Routine.FollowUpsQuery>['status'];
export type LogInteractionInput = z.input<typeof Routine.LogInteractionBody>;
export type LoggedInteraction = z.infer<typeof Routine.LoggedInteraction>;
export type NextStepInput = z.input<typeof Routine.NextStep>;
export type OneToOneQuestion = Routine.OneToOneQuestion;
export type OneToOneAnswers = Routine.OneToOneAnswers;
export type OneToOneProposal = Routine.OneToOneProposal;
export type CreateOneToOneInput = z.input<typeof Routine.CreateOneToOneBody>;
export type OneToOneResult = z.infer<typeof Routine.OneToOneResult>;

/**
 * The questions of the one-to-one in the order asked (the contract's `ONE_TO_ONE_QUESTIONS`,
 * repeated here so that the web bundle does not carry zod; `satisfies` keeps the two alike).
 */
export const ONE_TO_ONE_QUESTIONS = [
  'goals',
  'achievements',
  'interests',
  'networks',
  'skills',
  'goodIntroduction',
  'lookingFor',
] as const satisfies readonly OneToOneQuestion[];

const enc = encodeURIComponent;

export const routineApi = {
  today: (limit?: number) => request<Today>('GET', `/api/v1/today${qs({ limit })}`),
  /** Done, not relevant, snoozed until a day, or `open` to take any of these back. */
  setState: (body: SetTodayStateInput) => request<{ ok: true }>('POST', '/api/v1/today/states', body),

  settings: () => request<RoutineSettings>('GET', '/api/v1/settings/routine'),
  updateSettings: (body: UpdateRoutineSettingsInput) => request<RoutineSettings>('PATCH', '/api/v1/settings/routine', body),

  cadences: () => request<{ items: Cadence[] }>('GET', '/api/v1/cadences'),
  /** Sets the cadence of a person or a tag (one each: setting it again replaces it). */
  setCadence: (body: SetCadenceInput) => request<Cadence>('PUT', '/api/v1/cadences', body),
  deleteCadence: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/cadences/${enc(id)}`),

  followUps: (f: { status?: FollowUpStatus; personId?: string }) =>
    request<{ items: FollowUp[] }>('GET', `/api/v1/follow-ups${qs({ status: f.status, personId: f.personId })}`),
  createFollowUp: (body: CreateFollowUpInput) => request<FollowUp>('POST', '/api/v1/follow-ups', body),
  updateFollowUp: (id: string, body: UpdateFollowUpInput) => request<FollowUp>('PATCH', `/api/v1/follow-ups/${enc(id)}`, body),
  deleteFollowUp: (id: string) => request<{ ok: true }>('DELETE', `/api/v1/follow-ups/${enc(id)}`),

  /** A call, a coffee, a message or a meeting (now unless dated), with a next step if given. */
  log: (personId: string, body: LogInteractionInput) =>
    request<LoggedInteraction>('POST', `/api/v1/people/${enc(personId)}/log`, body),

  /** What the answers of a one-to-one say the person needs and offers, and a next step: nothing is saved. */
  proposeOneToOne: (answers: OneToOneAnswers) => request<OneToOneProposal>('POST', '/api/v1/one-to-ones/proposal', { answers }),
  saveOneToOne: (personId: string, body: CreateOneToOneInput) =>
    request<OneToOneResult>('POST', `/api/v1/people/${enc(personId)}/one-to-ones`, body),
};

/** Everything of the routine lives under one key: any change refreshes Today and the lists. */
export const routineKeys = {
  all: ['routine'] as const,
  today: ['routine', 'today'] as const,
  settings: ['routine', 'settings'] as const,
  cadences: ['routine', 'cadences'] as const,
  followUps: ['routine', 'follow-ups'] as const,
  followUpsOf: (personId: string, status: FollowUpStatus = 'open') => ['routine', 'follow-ups', personId, status] as const,
};
