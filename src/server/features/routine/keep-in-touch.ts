/**
 * Keep-in-touch as Today, the calendar feed and the digest count it: the last contact with a
 * person is their latest timeline entry (the network graph, in memory) or introduction, give or
 * email through Rete (`lastActivity`), and a cadence falls due its number of days after the day of
 * that contact (or of the cadence's start) in the user's zone.
 */
import type { NetworkGraph } from '../matching/graph.ts';
import { addDays, localDate } from '../../lib/time.ts';

/** The instant of a timestamp, or noon UTC of a day (a give's day): its local day is that day in every zone but the farthest. */
export const instantOf = (at: string): Date => new Date(at.length === 10 ? `${at}T12:00:00Z` : at);

/** The instant (ms) of the last contact with a person, or null when there was none. */
export function lastContactMs(graph: NetworkGraph, activity: ReadonlyMap<string, string>, personId: string): number | null {
  const a = graph.lastInteractionMs(personId);
  const at = activity.get(personId);
  const b = at === undefined ? null : instantOf(at).getTime();
  return a === null ? b : b === null || a > b ? a : b;
}

/** The local day a cadence falls due: the day of the last contact (or of its start) plus the cadence. */
export const dueDay = (lastAt: string | null, since: string, everyDays: number, zone: string): string =>
  addDays(localDate(instantOf(lastAt ?? since), zone), everyDays);
