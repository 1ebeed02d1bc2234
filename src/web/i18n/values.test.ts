/**
 * The web app words every value of the contract it shows, in both languages. The values come from
 * `#shared/api/values.ts`, the one list the server's contract is built from: a value added there
 * and not worded here fails this test (colours and icons keyed by these values are `Record`s, so
 * the type checker catches those). The import problem codes have their own test beside their
 * English texts (`parse/problems.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import {
  ASK_STATUSES,
  CHANNEL_KINDS,
  CSV_FIELDS,
  DUPLICATE_REASONS,
  EXPORT_FORMATS,
  FEEDBACK_ITEM_KINDS,
  GIVE_KINDS,
  IMPORT_ACTIONS,
  IMPORT_FORMATS,
  IMPORT_PHASES,
  IMPORT_PROBLEM_SEVERITIES,
  INTERACTION_KINDS,
  INTRO_DELIVERIES,
  INTRO_EVENT_TYPES,
  INTRO_STATUSES,
  ITEM_STATUSES,
  LEGAL_BASES,
  LOCALES,
  MAIL_DELIVERIES,
  MAIL_ERROR_REASONS,
  MAIL_KINDS,
  MAIL_STATUSES,
  OUTCOME_KINDS,
  RECEIVED_KINDS,
  SEARCH_MATCH_FIELDS,
  SIDE_STATUSES,
  STRENGTHS,
  SUPPRESSION_KINDS,
  TODAY_STATES,
  WEEKDAYS,
} from '#shared/api/values.ts';
import en from './en.json' with { type: 'json' };
import it_ from './it.json' with { type: 'json' };

type Values = readonly (string | number)[];

/**
 * Each list with the keys that word its values: `exact` when the object under that key holds
 * these values and nothing else (so a value dropped from the contract leaves no stale wording).
 */
const WORDED: Array<{ name: string; values: Values; key: (v: string) => string; exact?: boolean }> = [
  { name: 'LOCALES', values: LOCALES, key: (v) => `language.${v}` },
  { name: 'INTRO_STATUSES', values: INTRO_STATUSES, key: (v) => `intros.status.${v}`, exact: true },
  { name: 'SIDE_STATUSES', values: SIDE_STATUSES, key: (v) => `intros.sideStatus.${v}`, exact: true },
  { name: 'INTRO_EVENT_TYPES', values: INTRO_EVENT_TYPES, key: (v) => `intros.events.${v}`, exact: true },
  { name: 'INTRO_DELIVERIES', values: INTRO_DELIVERIES, key: (v) => `intros.delivery.${v}`, exact: true },
  { name: 'ASK_STATUSES', values: ASK_STATUSES, key: (v) => `asks.status.${v}`, exact: true },
  { name: 'MAIL_STATUSES', values: MAIL_STATUSES, key: (v) => `outbox.status.${v}`, exact: true },
  // Where an email stands (introsApi.ts `mailStanding`): a status, or retrying, or kept in the outbox.
  { name: 'mail standings', values: [...MAIL_STATUSES, 'retrying', 'outbox'], key: (v) => `outbox.standing.${v}`, exact: true },
  { name: 'MAIL_KINDS', values: MAIL_KINDS, key: (v) => `outbox.kinds.${v}`, exact: true },
  { name: 'MAIL_DELIVERIES', values: MAIL_DELIVERIES, key: (v) => `outbox.delivery.${v}`, exact: true },
  { name: 'MAIL_ERROR_REASONS', values: MAIL_ERROR_REASONS, key: (v) => `outbox.reasons.${v}`, exact: true },
  { name: 'GIVE_KINDS', values: GIVE_KINDS, key: (v) => `ledger.kinds.${v}`, exact: true },
  { name: 'GIVE_KINDS (placeholders)', values: GIVE_KINDS, key: (v) => `ledger.give.placeholders.${v}`, exact: true },
  { name: 'OUTCOME_KINDS', values: OUTCOME_KINDS, key: (v) => `ledger.outcomeKinds.${v}`, exact: true },
  { name: 'RECEIVED_KINDS', values: RECEIVED_KINDS, key: (v) => `ledger.received.kinds.${v}`, exact: true },
  { name: 'ITEM_STATUSES', values: ITEM_STATUSES, key: (v) => `ledger.needStatus.${v}`, exact: true },
  { name: 'ITEM_STATUSES (needs)', values: ITEM_STATUSES, key: (v) => `items.needs.${v}` },
  { name: 'ITEM_STATUSES (offers)', values: ITEM_STATUSES, key: (v) => `items.offers.${v}` },
  { name: 'INTERACTION_KINDS', values: INTERACTION_KINDS, key: (v) => `timeline.kinds.${v}`, exact: true },
  { name: 'STRENGTHS', values: STRENGTHS, key: (v) => `relationships.strengths.${v}`, exact: true },
  { name: 'STRENGTHS (paths)', values: STRENGTHS, key: (v) => `match.path.strength.${v}`, exact: true },
  { name: 'CHANNEL_KINDS', values: CHANNEL_KINDS, key: (v) => `person.placeholder.${v}s`, exact: true },
  { name: 'CHANNEL_KINDS (add)', values: CHANNEL_KINDS, key: (v) => `person.add.${v}s`, exact: true },
  { name: 'SEARCH_MATCH_FIELDS', values: SEARCH_MATCH_FIELDS, key: (v) => `people.match.${v}`, exact: true },
  { name: 'LEGAL_BASES', values: LEGAL_BASES, key: (v) => `privacy.bases.${v}`, exact: true },
  { name: 'SUPPRESSION_KINDS', values: SUPPRESSION_KINDS, key: (v) => `privacy.kinds.${v}`, exact: true },
  { name: 'DUPLICATE_REASONS', values: DUPLICATE_REASONS, key: (v) => `duplicates.reasons.${v}`, exact: true },
  { name: 'IMPORT_FORMATS', values: IMPORT_FORMATS, key: (v) => `import.formatNames.${v}`, exact: true },
  { name: 'CSV_FIELDS', values: CSV_FIELDS, key: (v) => `import.fields.${v}`, exact: true },
  {
    name: 'IMPORT_PROBLEM_SEVERITIES',
    values: IMPORT_PROBLEM_SEVERITIES,
    key: (v) => `import.problems.severity.${v}`,
    exact: true,
  },
  { name: 'IMPORT_ACTIONS', values: IMPORT_ACTIONS, key: (v) => `import.sample.actions.${v}`, exact: true },
  { name: 'IMPORT_PHASES', values: IMPORT_PHASES, key: (v) => `import.progress.${v}` },
  { name: 'EXPORT_FORMATS', values: EXPORT_FORMATS, key: (v) => `export.formats.${v}.label` },
  { name: 'EXPORT_FORMATS (help)', values: EXPORT_FORMATS, key: (v) => `export.formats.${v}.help` },
  { name: 'TODAY_STATES', values: TODAY_STATES, key: (v) => `today.marked.${v}`, exact: true },
  { name: 'WEEKDAYS', values: WEEKDAYS, key: (v) => `routine.weekdays.${v}`, exact: true },
  { name: 'FEEDBACK_ITEM_KINDS', values: FEEDBACK_ITEM_KINDS, key: (v) => `learning.for.${v}`, exact: true },
];

const LANGUAGES: Array<[string, unknown]> = [
  ['en', en],
  ['it', it_],
];

function at(messages: unknown, key: string): unknown {
  let o = messages;
  for (const part of key.split('.')) {
    if (typeof o !== 'object' || o === null) return undefined;
    o = (o as Record<string, unknown>)[part];
  }
  return o;
}

describe('every value of the contract the web app shows is worded', () => {
  for (const [lang, messages] of LANGUAGES) {
    describe(lang, () => {
      it.each(WORDED)('$name', ({ values, key }) => {
        const missing = values.map(String).filter((v) => {
          const text = at(messages, key(v));
          return typeof text !== 'string' || text.trim() === '';
        });
        expect(missing).toEqual([]);
      });

      it.each(WORDED.filter((w) => w.exact))('$name: no wording of a value the contract does not have', ({ values, key }) => {
        const paths = values.map((v) => key(String(v)).split('.'));
        const parent = (paths[0] ?? []).slice(0, -1).join('.');
        const worded = Object.keys(at(messages, parent) as Record<string, unknown>);
        expect(worded.sort()).toEqual(paths.map((p) => p.at(-1)).sort());
      });
    });
  }
});
