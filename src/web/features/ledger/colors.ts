import type { MantineColor } from '@mantine/core';
import type { GiveKind, OutcomeKind } from './ledgerApi.ts';

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
