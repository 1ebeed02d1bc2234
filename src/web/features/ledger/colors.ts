import type { MantineColor } from '@mantine/core';
import type { IntroStatus } from '#shared/api/values.ts';
import type { GiveKind, OutcomeKind } from './ledger.api.ts';

/** One color per kind, the same in badges and charts. */
export const GIVE_COLOR: Record<GiveKind, MantineColor> = {
  introduction: 'teal',
  referral: 'blue',
  advice: 'violet',
  resource: 'orange',
  recommendation: 'grape',
  time: 'cyan',
  other: 'gray',
};

export const OUTCOME_COLOR: Record<OutcomeKind, MantineColor> = {
  thanked: 'pink',
  meeting: 'blue',
  business: 'green',
  need_satisfied: 'teal',
  other: 'gray',
};

/** A Mantine color as a CSS value, for SVG fills. */
export const cssColor = (c: MantineColor, shade = 6): string => `var(--mantine-color-${c}-${shade})`;

/**
 * The status of the introduction a give records (as on the introduction pages; never a draft: the
 * give is recorded once a request went out). Looked up by the give's plain-text status.
 */
export const INTRO_COLOR: Partial<Record<string, MantineColor>> = {
  asked: 'blue',
  accepted_one: 'cyan',
  connected: 'teal',
  declined: 'red',
  expired: 'orange',
  cancelled: 'gray',
} satisfies Record<Exclude<IntroStatus, 'draft'>, MantineColor>;

/** Introductions that ended without the two meeting: no outcome to record on their give. */
export const ENDED_WITHOUT: readonly string[] = ['declined', 'expired', 'cancelled'] satisfies readonly IntroStatus[];
