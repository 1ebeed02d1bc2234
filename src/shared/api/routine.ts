import { z } from 'zod';
import { Id, Language, Timestamp, line, optionalText, text } from './common.ts';
import { Day, PersonRef } from './ledger.ts';
import { CreateItemBody, Interaction, Item } from './people.ts';
import { FOLLOW_UP_KINDS, INTERACTION_KINDS, TODAY_ITEM_KINDS, TODAY_STATES, WEEKDAYS } from './values.ts';

/**
 * The giving routine (issue 13): Today, keep-in-touch cadences, follow-ups, the one-to-one
 * conversation, the routine's settings, the calendar feed's token and the weekly digest.
 * Every item of Today is computed from the network when asked; only what the user says of an
 * item (done, not relevant, snoozed) is stored.
 */

/** A time of day, HH:MM (24 hours), in the user's time zone. */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM')
  .describe("A time of day, HH:MM, in the user's time zone.");

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone the server knows (`Europe/Rome`, `America/New_York`, `UTC`). */
export const TimeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, { message: 'an IANA time zone such as Europe/Rome', abort: true })
  .refine(isTimeZone, 'an IANA time zone such as Europe/Rome')
  .describe('An IANA time zone, e.g. `Europe/Rome`.');

export const Weekday = z
  .number()
  .int()
  .min(Math.min(...WEEKDAYS))
  .max(Math.max(...WEEKDAYS))
  .describe('ISO weekday: 1 = Monday … 7 = Sunday.');

// --- Settings ----------------------------------------------------------------------------

export const RoutineSettings = z
  .object({
    timeZone: TimeZone.describe('The zone Today, the digest and the calendar feed count days in.'),
    timeZoneSet: z.boolean().describe('False until the user (or the browser, on first use) set it: the server zone is used.'),
    weekStart: Weekday.describe('The first day of the week (for the giving goal and the digest week).'),
    digestEnabled: z.boolean().describe('The weekly digest email is sent (opt-in).'),
    digestWeekday: Weekday,
    digestHour: z.number().int().min(0).max(23).describe("The hour the digest leaves, in the user's zone."),
    givingGoal: z.number().int().min(1).max(100).nullable().describe('Gives a week the user aims at; null for none.'),
  })
  .meta({ id: 'RoutineSettings' });
export type RoutineSettings = z.infer<typeof RoutineSettings>;

export const UpdateRoutineSettingsBody = z
  .strictObject({
    timeZone: TimeZone.optional(),
    weekStart: z
      .union([z.literal(1), z.literal(6), z.literal(7)])
      .optional()
      .describe('Monday (1), Saturday (6) or Sunday (7).'),
    digestEnabled: z.boolean().optional(),
    digestWeekday: Weekday.optional(),
    digestHour: z.number().int().min(0).max(23).optional(),
    givingGoal: z.number().int().min(1).max(100).nullable().optional(),
  })
  .meta({ id: 'UpdateRoutineSettingsBody' });
export type UpdateRoutineSettingsBody = z.infer<typeof UpdateRoutineSettingsBody>;

// --- Cadences ----------------------------------------------------------------------------

export const EveryDays = z.number().int().min(1).max(3_650).describe('Keep in touch at least every this many days.');

export const Cadence = z
  .object({
    id: Id,
    person: PersonRef.nullable().describe('The person, for a cadence of one person.'),
    tag: z.string().nullable().describe('The tag, for a cadence of everyone with it.'),
    everyDays: EveryDays,
    createdAt: Timestamp,
  })
  .meta({ id: 'Cadence' });
export type Cadence = z.infer<typeof Cadence>;

export const SetCadenceBody = z
  .strictObject({
    personId: Id.optional().describe('A cadence for this person (give either this or `tag`).'),
    tag: line(50, { min: 1 })
      .transform((t) => t.toLowerCase())
      .optional()
      .describe('A cadence for everyone with this tag (tags are lower-case).'),
    everyDays: EveryDays,
  })
  .refine((b) => (b.personId === undefined) !== (b.tag === undefined), 'give either personId or tag')
  .meta({ id: 'SetCadenceBody' });
export type SetCadenceBody = z.infer<typeof SetCadenceBody>;

export const CadenceList = z.object({ items: z.array(Cadence) }).meta({ id: 'CadenceList' });

// --- Follow-ups --------------------------------------------------------------------------

export const FollowUpKind = z
  .enum(FOLLOW_UP_KINDS)
  .describe('`follow_up`: a next step. `one_to_one`: a one-to-one meeting scheduled for that day.');

export const FollowUp = z
  .object({
    id: Id,
    kind: FollowUpKind,
    text: z.string(),
    dueOn: Day,
    dueTime: ClockTime.nullable(),
    person: PersonRef.nullable(),
    interactionId: Id.nullable(),
    intro: z.object({ id: Id, status: z.string() }).nullable(),
    giveId: Id.nullable(),
    doneAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

/** A next step given with what it follows (a timeline entry, a one-to-one). */
export const NextStep = z
  .strictObject({
    text: text(1_000, { min: 1 }),
    dueOn: Day,
    dueTime: ClockTime.nullable().optional(),
  })
  .meta({ id: 'NextStep' });
export type NextStep = z.infer<typeof NextStep>;

export const CreateFollowUpBody = z
  .strictObject({
    text: text(1_000, { min: 1 }),
    dueOn: Day,
    dueTime: ClockTime.nullable().optional(),
    kind: FollowUpKind.default('follow_up'),
    personId: Id.optional(),
    interactionId: Id.optional(),
    introId: Id.optional(),
    giveId: Id.optional(),
  })
  .meta({ id: 'CreateFollowUpBody' });
export type CreateFollowUpBody = z.infer<typeof CreateFollowUpBody>;

export const UpdateFollowUpBody = z
  .strictObject({
    text: text(1_000, { min: 1 }).optional(),
    dueOn: Day.optional(),
    dueTime: ClockTime.nullable().optional(),
    done: z.boolean().optional().describe('`true` marks it done now; `false` opens it again.'),
  })
  .meta({ id: 'UpdateFollowUpBody' });
export type UpdateFollowUpBody = z.infer<typeof UpdateFollowUpBody>;

export const FollowUpsQuery = z.strictObject({
  status: z.enum(['open', 'done', 'all']).default('open'),
  personId: Id.optional(),
});

export const FollowUpList = z.object({ items: z.array(FollowUp) }).meta({ id: 'FollowUpList' });

// --- Logging an interaction --------------------------------------------------------------

export const LogInteractionBody = z
  .strictObject({
    kind: z.enum(INTERACTION_KINDS).default('call'),
    occurredAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('When it happened; now when omitted.'),
    summary: text(5_000).default(''),
    nextStep: NextStep.optional().describe('A follow-up to create with it.'),
  })
  .meta({ id: 'LogInteractionBody' });
export type LogInteractionBody = z.infer<typeof LogInteractionBody>;

export const LoggedInteraction = z
  .object({ interaction: Interaction, followUp: FollowUp.nullable() })
  .meta({ id: 'LoggedInteraction' });
export type LoggedInteraction = z.infer<typeof LoggedInteraction>;

// --- The one-to-one conversation ---------------------------------------------------------

/** The questions of the one-to-one (the GAINS structure and two more), in the order asked. */
export const ONE_TO_ONE_QUESTIONS = [
  'goals',
  'achievements',
  'interests',
  'networks',
  'skills',
  'goodIntroduction',
  'lookingFor',
] as const;
export type OneToOneQuestion = (typeof ONE_TO_ONE_QUESTIONS)[number];

export const OneToOneAnswers = z
  .strictObject({
    goals: optionalText(2_000).optional().describe('G: what they want to reach.'),
    achievements: optionalText(2_000).optional().describe('A: what they achieved recently.'),
    interests: optionalText(2_000).optional().describe('I: what they like, outside work too.'),
    networks: optionalText(2_000).optional().describe('N: the groups and circles they belong to.'),
    skills: optionalText(2_000).optional().describe('S: what they are good at.'),
    goodIntroduction: optionalText(2_000).optional().describe('What a good introduction is for them.'),
    lookingFor: optionalText(2_000).optional().describe('What they are looking for right now.'),
  })
  .meta({ id: 'OneToOneAnswers' });
export type OneToOneAnswers = Partial<Record<OneToOneQuestion, string | null>>;

export const OneToOneProposalBody = z.strictObject({ answers: OneToOneAnswers }).meta({ id: 'OneToOneProposalBody' });

export const ProposedItem = z.object({
  text: z.string(),
  language: Language.nullable(),
  from: z.enum(ONE_TO_ONE_QUESTIONS).describe('The answer it was taken from.'),
});

export const OneToOneProposal = z
  .object({
    needs: z.array(ProposedItem),
    offers: z.array(ProposedItem),
    nextStep: z.object({ text: z.string(), dueOn: Day }).describe('A follow-up proposed for a week later.'),
  })
  .meta({ id: 'OneToOneProposal' });
export type OneToOneProposal = z.infer<typeof OneToOneProposal>;

export const CreateOneToOneBody = z
  .strictObject({
    occurredAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('When it happened; now when omitted.'),
    answers: OneToOneAnswers,
    needs: z.array(CreateItemBody).max(20).default([]).describe('The needs to save (as proposed, edited).'),
    offers: z.array(CreateItemBody).max(20).default([]).describe('The offers to save (as proposed, edited).'),
    nextStep: NextStep.nullable().optional(),
  })
  .meta({ id: 'CreateOneToOneBody' });
export type CreateOneToOneBody = z.infer<typeof CreateOneToOneBody>;

export const OneToOneResult = z
  .object({
    interaction: Interaction,
    needs: z.array(Item),
    offers: z.array(Item),
    followUp: FollowUp.nullable(),
  })
  .meta({ id: 'OneToOneResult' });
export type OneToOneResult = z.infer<typeof OneToOneResult>;

// --- Today -------------------------------------------------------------------------------

export const TodayItemKind = z
  .enum(TODAY_ITEM_KINDS)
  .describe(
    '`give`: an open need of a contact the Value Finder can meet. `intro_draft`: an introduction not sent. `intro_waiting`: ' +
      'a request unanswered past its reminder. `intro_outcome`: connected two weeks ago, no outcome recorded. `follow_up`: ' +
      'a next step due. `keep_in_touch`: a cadence run out. `going_cold`: a strong tie with no interaction for long. ' +
      '`birthday`: a birthday in the coming week.',
  );
export type TodayItemKind = z.infer<typeof TodayItemKind>;

export const TodayHelper = z.object({
  id: Id,
  name: z.string(),
  via: PersonRef.nullable().describe('Whom to ask, when the helper is not a direct contact.'),
  isMe: z.boolean().describe('The user can meet the need themself.'),
});

export const TodayItem = z
  .object({
    key: z.string().describe('Stable key of the item and its occasion: what `POST /api/v1/today/states` takes.'),
    kind: TodayItemKind,
    person: PersonRef.nullable().describe('Whom it is about.'),
    date: Day.nullable().describe('The due day, the birthday, the day the cadence ran out.'),
    days: z.number().int().nullable().describe('Days overdue (positive) or until it (negative).'),
    isNew: z.boolean().describe('New or changed since Today was last opened.'),
    need: z.object({ id: Id, text: z.string() }).nullable(),
    helpers: z.array(TodayHelper).describe('For `give`: who can meet the need (best first).'),
    intro: z.object({ id: Id, status: z.string(), other: PersonRef.nullable() }).nullable(),
    followUp: FollowUp.nullable(),
    everyDays: z.number().int().nullable().describe('For `keep_in_touch`: the cadence.'),
    lastContactAt: Timestamp.nullable().describe('The last interaction of any kind with the person.'),
    age: z.number().int().nullable().describe('For `birthday`: the age they turn, when the year is known.'),
  })
  .meta({ id: 'TodayItem' });
export type TodayItem = z.infer<typeof TodayItem>;

export const Today = z
  .object({
    date: Day.describe("Today in the user's zone."),
    timeZone: TimeZone,
    weekStart: Day.describe('The first day of this week.'),
    items: z.array(TodayItem).describe('In the order of their kinds, then most urgent first.'),
    goal: z.object({
      perWeek: z.number().int().nullable(),
      givenThisWeek: z.number().int(),
    }),
    counts: z.object({
      people: z.number().int().describe('People in the network (not the user).'),
      openNeeds: z.number().int(),
      cadences: z.number().int().describe('People with a keep-in-touch cadence (their own or a tag’s).'),
      hidden: z.number().int().describe('Items done, dismissed or snoozed today and not shown.'),
    }),
  })
  .meta({ id: 'Today' });
export type Today = z.infer<typeof Today>;

export const TodayQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('At most this many items.'),
});

export const SetTodayStateBody = z
  .strictObject({
    key: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[a-z_]+:[A-Za-z0-9:_.-]+$/, 'an item key as given by GET /api/v1/today'),
    state: z.enum([...TODAY_STATES, 'open']).describe('`open` takes back a done, dismissed or snoozed mark.'),
    until: Day.optional().describe('For `snoozed`: the day it comes back (default: tomorrow).'),
  })
  .meta({ id: 'SetTodayStateBody' });
export type SetTodayStateBody = z.infer<typeof SetTodayStateBody>;

// --- Calendar feed and digest ------------------------------------------------------------

export const CalendarFeedState = z
  .object({ active: z.boolean(), createdAt: Timestamp.nullable() })
  .meta({ id: 'CalendarFeedState' });
export type CalendarFeedState = z.infer<typeof CalendarFeedState>;

export const CalendarFeedCreated = z
  .object({ url: z.string().describe('The private feed address: shown once, never again.'), createdAt: Timestamp })
  .meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

export const DigestPreview = z
  .object({ subject: z.string(), text: z.string(), html: z.string(), itemCount: z.number().int() })
  .meta({ id: 'DigestPreview' });
export type DigestPreview = z.infer<typeof DigestPreview>;
