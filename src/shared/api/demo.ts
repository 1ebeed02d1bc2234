import { z } from 'zod';

const count = z.number().int().min(0);

export const DemoLoaded = z
  .object({
    people: count,
    relationships: count,
    gives: count.describe('Gives of the demo ledger, with their outcomes, and business received.'),
  })
  .meta({ id: 'DemoLoaded' });
export type DemoLoaded = z.infer<typeof DemoLoaded>;

export const DemoStatus = z
  .object({ people: count.describe('People of the demo network in my account; 0 when there is none.') })
  .meta({ id: 'DemoStatus' });
export type DemoStatus = z.infer<typeof DemoStatus>;

export const DemoRemoved = z
  .object({
    people: count,
    intros: count.describe('Introductions with a demo person on one side.'),
    messages: count.describe('Emails of the outbox to or about demo people.'),
    gives: count.describe('Gives that went only to demo people, or recorded for their introductions.'),
    received: count.describe('Business received that demo people referred.'),
  })
  .meta({ id: 'DemoRemoved' });
export type DemoRemoved = z.infer<typeof DemoRemoved>;
