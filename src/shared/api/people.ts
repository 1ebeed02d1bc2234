import { z } from 'zod';
import { Id, Language, line, optionalLine, optionalText, PageQuery, Timestamp, page, text } from './common.ts';
import { LegalBasis, PersonPrivacy } from './privacy.ts';
import { INTERACTION_KINDS, ITEM_STATUSES, SEARCH_MATCH_FIELDS, STRENGTHS } from './values.ts';
import { MAX_LINK, withWebScheme } from '../text/link.ts';
import { BIRTHDAY_PATTERN, birthdayProblem } from '../text/birthday.ts';

export const MAX_CHANNELS = 20;
export const MAX_TAGS = 50;

const Label = line(50).nullable().optional();

export const EmailChannel = z.strictObject({
  value: z.email().max(254),
  label: Label,
});
export const PhoneChannel = z.strictObject({
  value: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[+()0-9 .\-/]+$/, 'digits, spaces and + ( ) . - / only'),
  label: Label,
});
/**
 * Only http(s) links are accepted, so a stored link can never run script when clicked. A bare
 * host name as people type it ("www.example.it") gets `https://` (shared/text/link.ts).
 */
export const LinkChannel = z.strictObject({
  value: line(MAX_LINK)
    .describe('An http(s) address; a bare host name such as `www.example.it` is stored as `https://www.example.it`.')
    .transform(withWebScheme)
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(MAX_LINK)),
  label: Label,
});

/**
 * A birthday: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (as vCard 4 writes it); a day of
 * the calendar (29 February with a leap year or no year). The rule is shared/text/birthday.ts.
 */
export const Birthday = z
  .string()
  .regex(BIRTHDAY_PATTERN, 'a birthday is YYYY-MM-DD, or --MM-DD when the year is unknown')
  // The shape is the pattern's to report; this names the day the calendar does not have.
  .refine((v) => !BIRTHDAY_PATTERN.test(v) || birthdayProblem(v) === null, {
    error: (issue) => birthdayProblem(String(issue.input)) ?? 'not a day of the calendar',
  })
  .describe('`YYYY-MM-DD`, or `--MM-DD` when the year is unknown (`--02-29` is valid; `2023-02-29` is not).');

const Tag = line(50, { min: 1 }).transform((t) => t.toLowerCase());

export const PersonFields = {
  name: line(200, { min: 1 }),
  company: optionalLine(200).optional(),
  role: optionalLine(200).optional(),
  city: optionalLine(100).optional(),
  country: optionalLine(100).optional(),
  language: Language.nullable().optional(),
  notes: optionalText(20_000).optional(),
  howMet: optionalText(1_000).optional().describe('How and where we met.'),
  birthday: Birthday.nullable().optional().describe('Their birthday; null clears it.'),
  introducedById: Id.nullable().optional().describe('The contact who introduced us.'),
  emails: z.array(EmailChannel).max(MAX_CHANNELS).optional(),
  phones: z.array(PhoneChannel).max(MAX_CHANNELS).optional(),
  links: z.array(LinkChannel).max(MAX_CHANNELS).optional().describe('LinkedIn profile, website, ...'),
  tags: z.array(Tag).max(MAX_TAGS).optional(),
  legalBasis: LegalBasis.nullable().optional(),
  legalBasisNote: optionalText(2_000).optional().describe('Why that legal basis applies; free text.'),
};

export const UpdatePersonBody = z
  .strictObject({ ...PersonFields, name: PersonFields.name.optional() })
  .meta({ id: 'UpdatePersonBody' });
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const Channel = z.object({ value: z.string(), label: z.string().nullable() });

export const ItemStatus = z.enum(ITEM_STATUSES);
export const Item = z
  .object({
    id: Id,
    personId: Id,
    text: z.string(),
    language: Language.nullable(),
    status: ItemStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: Timestamp.nullable(),
  })
  .meta({ id: 'NeedOrOffer' });
export type Item = z.infer<typeof Item>;

export const CreateItemBody = z
  .strictObject({
    text: text(2_000, { min: 2 }),
    language: Language.nullable().optional().describe('Detected from the text when omitted.'),
    status: ItemStatus.optional(),
  })
  .meta({ id: 'CreateNeedOrOfferBody' });
/** Needs or offers given with a new person, at most this many of each. */
export const MAX_NEW_ITEMS = 50;

export const CreatePersonBody = z
  .strictObject({
    ...PersonFields,
    needs: z.array(CreateItemBody).max(MAX_NEW_ITEMS).optional().describe('What they need, saved with them in one step.'),
    offers: z.array(CreateItemBody).max(MAX_NEW_ITEMS).optional().describe('What they offer, saved with them in one step.'),
  })
  .meta({ id: 'CreatePersonBody' });
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdateItemBody = z
  .strictObject({
    text: text(2_000, { min: 2 }).optional(),
    language: Language.nullable().optional(),
    status: ItemStatus.optional(),
  })
  .meta({ id: 'UpdateNeedOrOfferBody' });

export const InteractionKind = z.enum(INTERACTION_KINDS);
export const Interaction = z
  .object({
    id: Id,
    personId: Id,
    kind: InteractionKind,
    occurredAt: Timestamp,
    summary: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Interaction' });
const OccurredAt = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s).toISOString())
  .describe('When it happened: an ISO date or date-time.');
export const CreateInteractionBody = z
  .strictObject({
    kind: InteractionKind,
    occurredAt: OccurredAt,
    summary: text(5_000).default(''),
  })
  .meta({ id: 'CreateInteractionBody' });
export const UpdateInteractionBody = z
  .strictObject({
    kind: InteractionKind.optional(),
    occurredAt: OccurredAt.optional(),
    summary: text(5_000).optional(),
  })
  .meta({ id: 'UpdateInteractionBody' });

export const Strength = z
  .number()
  .int()
  .min(Math.min(...STRENGTHS))
  .max(Math.max(...STRENGTHS))
  .describe('1 = acquaintance, 2 = good, 3 = close.');
export const Relationship = z
  .object({
    id: Id,
    other: z.object({ id: Id, name: z.string() }),
    strength: Strength,
    note: z.string().nullable(),
    lapsedAt: Timestamp.nullable().describe(
      'When they were said to be no longer in touch (an intermediary answered so to an ask): the Value Finder does not ' +
        'propose this path; null while they are in touch.',
    ),
    createdAt: Timestamp,
  })
  .meta({ id: 'Relationship' });
export const CreateRelationshipBody = z
  .strictObject({
    otherPersonId: Id.describe('The contact this person knows.'),
    strength: Strength.default(2),
    note: optionalText(1_000).optional(),
  })
  .meta({ id: 'CreateRelationshipBody' });
export const UpdateRelationshipBody = z
  .strictObject({
    strength: Strength.optional(),
    note: optionalText(1_000).optional(),
    lapsed: z
      .boolean()
      .optional()
      .describe('`true`: they are no longer in touch (not a path any more); `false`: they are in touch again.'),
  })
  .meta({ id: 'UpdateRelationshipBody' });

export const SearchMatch = z
  .object({
    field: z
      .enum(SEARCH_MATCH_FIELDS)
      .describe(
        'The field holding the words; `concept`: the words mean what the person offers (found by the Value Finder, e.g. "tax advisor" for a Commercialista).',
      ),
    text: z
      .string()
      .describe(
        'The value; for a long text, the words around the first match; for `concept`, the offer (or the words of the role) that matched.',
      ),
    concept: z
      .object({ labelIt: z.string(), labelEn: z.string() })
      .optional()
      .describe('For `concept`: what the words were understood as, in Italian and English.'),
  })
  .meta({ id: 'SearchMatch' });
export type SearchMatch = z.infer<typeof SearchMatch>;

export const PersonSummary = z
  .object({
    id: Id,
    name: z.string(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    city: z.string().nullable(),
    language: Language.nullable(),
    tags: z.array(z.string()),
    openNeeds: z.number().int(),
    offers: z.number().int(),
    lastInteractionAt: Timestamp.nullable(),
    demo: z.boolean().describe('Part of the demo network, which can be removed in one action.'),
    match: SearchMatch.nullable().describe(
      'With `q`: where the words were found when they are not all in the name (names that start with them come first, people found only by what the words mean last).',
    ),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonDetail = z
  .object({
    id: Id,
    isSelf: z.boolean(),
    name: z.string(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    language: Language.nullable(),
    notes: z.string().nullable(),
    howMet: z.string().nullable(),
    birthday: z.string().nullable().describe('`YYYY-MM-DD`, or `--MM-DD` when the year is unknown.'),
    introducedBy: z.object({ id: Id, name: z.string() }).nullable(),
    emails: z.array(Channel),
    phones: z.array(Channel),
    links: z.array(Channel),
    tags: z.array(z.string()),
    needs: z.array(Item),
    offers: z.array(Item),
    timeline: z.array(Interaction).describe('Newest first.'),
    lastInteractionAt: Timestamp.nullable().describe('Derived from the timeline.'),
    relationships: z.array(Relationship),
    privacy: PersonPrivacy,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Person' });
export type PersonDetail = z.infer<typeof PersonDetail>;

export const ListPeopleQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe(
      'Words to find in name, company, role, city, tags, notes, needs and offers; after those, people whose role or offers mean what the words ask for (as the Value Finder understands them).',
    ),
  tag: z.string().trim().max(50).optional(),
  city: z.string().trim().max(100).optional(),
  hasOpenNeeds: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQuery,
});
export type ListPeopleQuery = z.infer<typeof ListPeopleQuery>;

export const PeoplePage = page(PersonSummary).meta({ id: 'PeoplePage' });

export const Facets = z
  .object({
    tags: z.array(z.object({ value: z.string(), count: z.number().int() })),
    cities: z.array(z.object({ value: z.string(), count: z.number().int() })),
    total: z.number().int(),
  })
  .meta({ id: 'Facets' });
