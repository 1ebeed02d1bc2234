import { z } from 'zod';
import { Id, line, Timestamp } from './common.ts';
import { FEEDBACK_ITEM_KINDS, FEEDBACK_VERDICTS } from './values.ts';

/**
 * What the Value Finder learns from its user: verdicts on suggestions ("good match", "not
 * relevant") and the user's own words. Per account, exported with it, never shared.
 */

export const FeedbackVerdict = z
  .enum(FEEDBACK_VERDICTS)
  .describe(
    '`good`: a good match, ranked a little higher for this and similar asks; `not_relevant`: never suggested again for this ask, and a little lower for similar ones.',
  );
export type FeedbackVerdict = z.infer<typeof FeedbackVerdict>;

export const FeedbackItemKind = z
  .enum(FEEDBACK_ITEM_KINDS)
  .describe(
    'What the suggestion answered: `need` (a need of the network: the person suggested can help), `offer` (an offer of the network: the person suggested needs it), `ask` (a need typed in "I need…").',
  );
export type FeedbackItemKind = z.infer<typeof FeedbackItemKind>;

export const MAX_ASK_LENGTH = 1000;

export const FeedbackBody = z
  .strictObject({
    itemKind: FeedbackItemKind,
    itemId: Id.optional().describe('The need or offer (required for `need` and `offer`).'),
    ask: line(MAX_ASK_LENGTH, { min: 2 })
      .optional()
      .describe('The words typed in "I need…" (required for `ask`, and only then).'),
    personId: Id.describe('The person suggested.'),
    verdict: FeedbackVerdict,
  })
  .meta({ id: 'FeedbackBody' });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const Feedback = z
  .object({
    id: Id,
    itemKind: FeedbackItemKind,
    itemId: Id.nullable().describe('The need or offer; null for a typed ask.'),
    itemText: z.string().nullable().describe('The need, offer or typed ask; null when the need or offer was removed since.'),
    person: z.object({ id: Id, name: z.string() }).describe('The person suggested.'),
    verdict: FeedbackVerdict,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Feedback' });
export type Feedback = z.infer<typeof Feedback>;

export const FeedbackList = z.object({ items: z.array(Feedback).describe('Newest first.') }).meta({ id: 'FeedbackList' });
export type FeedbackList = z.infer<typeof FeedbackList>;

export const ConceptRef = z
  .object({
    id: z.string().describe('The concept of the catalogue, e.g. `tax.accountant`.'),
    labelIt: z.string(),
    labelEn: z.string(),
  })
  .meta({ id: 'ConceptRef' });
export type ConceptRef = z.infer<typeof ConceptRef>;

export const ConceptList = z
  .object({ items: z.array(ConceptRef).describe('Every concept of the catalogue (professions, services, problems, sectors).') })
  .meta({ id: 'ConceptList' });
export type ConceptList = z.infer<typeof ConceptList>;

export const MAX_PHRASE_LENGTH = 100;
export const MAX_MEANING_LENGTH = 300;
export const MAX_TAUGHT_CONCEPTS = 5;

const Phrase = line(MAX_PHRASE_LENGTH, { min: 2 })
  .refine((s) => /[\p{L}\p{N}]/u.test(s), 'a phrase needs letters or digits')
  .describe('Your words, e.g. "quelli del gestionale".');
const Words = line(MAX_MEANING_LENGTH).describe(
  'What they mean, in words Rete understands (e.g. "consulente software gestionale"); may be empty when concepts say it.',
);
const ConceptIds = z
  .array(line(100, { min: 1 }))
  .max(MAX_TAUGHT_CONCEPTS)
  .describe('What they mean, as concepts of the catalogue (GET /api/v1/concepts).');

export const TaughtWordBody = z
  .strictObject({ phrase: Phrase, words: Words.default(''), concepts: ConceptIds.default([]) })
  .describe('Words or concepts (at least one of the two) say what the phrase means.')
  .meta({ id: 'TaughtWordBody' });
export type TaughtWordBody = z.infer<typeof TaughtWordBody>;

export const UpdateTaughtWordBody = z
  .strictObject({ phrase: Phrase.optional(), words: Words.optional(), concepts: ConceptIds.optional() })
  .meta({ id: 'UpdateTaughtWordBody' });
export type UpdateTaughtWordBody = z.infer<typeof UpdateTaughtWordBody>;

export const TaughtWord = z
  .object({
    id: Id,
    phrase: z.string(),
    words: z.string(),
    concepts: z.array(ConceptRef),
    understood: z
      .array(ConceptRef)
      .describe('What Rete understands of the meaning: the concepts chosen and those it recognises in the words.'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'TaughtWord' });
export type TaughtWord = z.infer<typeof TaughtWord>;

export const TaughtWordList = z.object({ items: z.array(TaughtWord).describe('By phrase.') }).meta({ id: 'TaughtWordList' });
export type TaughtWordList = z.infer<typeof TaughtWordList>;
