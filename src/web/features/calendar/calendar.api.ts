/**
 * The private calendar feed: an iCalendar URL any calendar app subscribes to. Typed by the shared
 * contract (`#shared/api/routine.ts`).
 */
import type { z } from 'zod';
import type * as Routine from '#shared/api/routine.ts';
import { request } from '../../api/client.ts';

export type CalendarFeedState = z.infer<typeof Routine.CalendarFeedState>;
export type CalendarFeedCreated = z.infer<typeof Routine.CalendarFeedCreated>;

export const calendarApi = {
  feed: () => request<CalendarFeedState>('GET', '/api/v1/calendar/feed'),
  /** A new feed address, shown once; one made before stops working. */
  createFeed: () => request<CalendarFeedCreated>('POST', '/api/v1/calendar/feed'),
  revokeFeed: () => request<{ ok: true }>('DELETE', '/api/v1/calendar/feed'),
};

export const calendarKeys = {
  feed: ['calendar', 'feed'] as const,
};
