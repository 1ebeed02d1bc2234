import { describe, expect, it } from 'vitest';
import { birthdayProblem } from '#shared/text/birthday.ts';
import { daysBetween, nextAnniversary } from '../../lib/time.ts';
import { buildDemoNetwork, daysAgoToIso, type DemoNetwork } from './demo-network.ts';

const NOW = new Date('2025-06-15T10:00:00.000Z');
const EXAMPLE_DOMAINS = new Set(['example.com', 'example.it', 'example.org', 'example.net']);

function pair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

describe('buildDemoNetwork', () => {
  const net: DemoNetwork = buildDemoNetwork(NOW);
  const keys = new Set(net.people.map((p) => p.key));

  it('has a realistic size', () => {
    expect(net.people.length).toBeGreaterThanOrEqual(60);
    expect(net.relationships.length).toBeGreaterThanOrEqual(100);
    expect(net.relationships.length).toBeLessThanOrEqual(200);
  });

  it('is mostly Italian-speaking', () => {
    const it = net.people.filter((p) => p.language === 'it').length;
    const share = it / net.people.length;
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.75);
  });

  it('has unique keys', () => {
    expect(keys.size).toBe(net.people.length);
  });

  it('only references existing people in relationships, without self-links or duplicates', () => {
    const seen = new Set<string>();
    for (const r of net.relationships) {
      expect(keys.has(r.a), r.a).toBe(true);
      expect(keys.has(r.b), r.b).toBe(true);
      expect(r.a).not.toBe(r.b);
      const k = pair(r.a, r.b);
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
      expect([1, 2, 3]).toContain(r.strength);
    }
  });

  it('only references existing people in introducedByKey', () => {
    for (const p of net.people) {
      if (p.introducedByKey !== null) {
        expect(keys.has(p.introducedByKey), `${p.key} <- ${p.introducedByKey}`).toBe(true);
        expect(p.introducedByKey).not.toBe(p.key);
      }
    }
  });

  it('gives every person 1-3 offers, 0-3 needs and at most 6 timeline entries', () => {
    for (const p of net.people) {
      expect(p.offers.length, p.key).toBeGreaterThanOrEqual(1);
      expect(p.offers.length, p.key).toBeLessThanOrEqual(3);
      expect(p.needs.length, p.key).toBeLessThanOrEqual(3);
      expect(p.timeline.length, p.key).toBeLessThanOrEqual(6);
      for (const e of p.timeline) {
        expect(e.daysAgo).toBeGreaterThanOrEqual(0);
        expect(e.daysAgo).toBeLessThanOrEqual(730);
      }
    }
  });

  it('has a few people met only through someone: no timeline, known by people with one', () => {
    const met = new Set(net.people.filter((p) => p.timeline.length > 0).map((p) => p.key));
    const unmet = net.people.filter((p) => p.timeline.length === 0);
    expect(unmet.length).toBeGreaterThanOrEqual(3);
    for (const p of unmet) {
      const through = net.relationships.filter((r) => r.a === p.key || r.b === p.key).map((r) => (r.a === p.key ? r.b : r.a));
      expect(through.filter((k) => met.has(k)).length, p.key).toBeGreaterThanOrEqual(1);
      expect(p.introducedByKey, p.key).toBeNull();
    }
    expect(net.people.length - unmet.length).toBeGreaterThanOrEqual(60);
  });

  it('gives a handful of people birthdays, some in the next days from whenever it is loaded, some without the year', () => {
    for (const now of [NOW, new Date('2027-12-30T23:30:00Z'), new Date('2028-02-27T08:00:00Z')]) {
      const today = now.toISOString().slice(0, 10);
      const born = buildDemoNetwork(now).people.filter((p) => p.birthday !== null);
      expect(born.length).toBeGreaterThanOrEqual(5);
      expect(born.length).toBeLessThanOrEqual(10);
      for (const p of born) expect(birthdayProblem(p.birthday as string), p.key).toBeNull();
      const inDays = born.map((p) => daysBetween(today, nextAnniversary(p.birthday as string, today)));
      // Some within the coming week (and none today: a user's zone may already be tomorrow or still yesterday).
      expect(inDays.filter((d) => d >= 1 && d <= 5).length, today).toBeGreaterThanOrEqual(3);
      expect(inDays.filter((d) => d === 0 || d === 6).length).toBe(0);
      expect(born.some((p) => p.birthday?.startsWith('--'))).toBe(true);
    }
    // From 15 June 2025: Giulia turns 44 tomorrow. Loaded on 28 February 2028, she was born on 29 February 1984.
    expect(net.people.find((p) => p.key === 'giulia-ferri')?.birthday).toBe('1981-06-16');
    const leap = buildDemoNetwork(new Date('2028-02-27T08:00:00Z'));
    expect(leap.people.find((p) => p.key === 'marco-bellini')?.birthday).toBe('--03-01');
    expect(leap.people.find((p) => p.key === 'giulia-ferri')?.birthday).toBe('1984-02-28');
    expect(buildDemoNetwork(new Date('2028-02-28T08:00:00Z')).people.find((p) => p.key === 'giulia-ferri')?.birthday).toBe(
      '1984-02-29',
    );
  });

  it('has a ledger of gives with outcomes and business received, all about demo people, in Italian and English', () => {
    expect(net.gives.length).toBeGreaterThanOrEqual(4);
    expect(net.gives.filter((g) => g.outcomes.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(net.gives.some((g) => g.outcomes.some((o) => o.kind === 'business' && (o.valueCents ?? 0) > 0))).toBe(true);
    expect(net.received.length).toBeGreaterThanOrEqual(2);
    const byKey = new Map(net.people.map((p) => [p.key, p]));
    for (const g of net.gives) {
      for (const k of g.recipients) expect(byKey.has(k), k).toBe(true);
      if (g.need) {
        expect(g.recipients).toContain(g.need.person);
        const person = byKey.get(g.need.person);
        expect(person?.needs.filter((n) => n.text.startsWith(g.need?.startsWith ?? '')).length, g.need.startsWith).toBe(1);
      }
      for (const o of g.outcomes) expect(o.daysAgo).toBeLessThan(g.daysAgo);
      expect(g.description.it).not.toBe(g.description.en);
    }
    for (const r of net.received) expect(byKey.has(r.referredBy), r.referredBy).toBe(true);
  });

  it('has no placeholder text and no repeated need/offer texts', () => {
    const texts = net.people.flatMap((p) => [...p.needs.map((n) => n.text), ...p.offers.map((o) => o.text)]);
    const all = JSON.stringify(net).toLowerCase();
    expect(all).not.toContain('lorem');
    expect(all).not.toContain('ipsum');
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses only example domains for e-mails', () => {
    for (const p of net.people) {
      for (const email of p.emails) {
        expect(email).toMatch(/^[^@\s]+@[^@\s]+$/);
        const domain = email.split('@')[1] ?? '';
        expect(EXAMPLE_DOMAINS.has(domain), email).toBe(true);
      }
    }
  });

  it('uses ISO country codes and lowercase tags', () => {
    for (const p of net.people) {
      if (p.country !== null) expect(p.country).toMatch(/^[A-Z]{2}$/);
      for (const t of p.tags) expect(t).toBe(t.toLowerCase());
    }
  });

  it('never describes the user', () => {
    expect(Object.keys(net).sort()).toEqual(['gives', 'people', 'received', 'relationships']);
  });

  it('is deterministic', () => {
    expect(buildDemoNetwork(new Date(NOW.getTime()))).toEqual(buildDemoNetwork(new Date(NOW.getTime())));
  });
});

describe('daysAgoToIso', () => {
  it('subtracts whole days from now', () => {
    expect(daysAgoToIso(NOW, 0)).toBe('2025-06-15T10:00:00.000Z');
    expect(daysAgoToIso(NOW, 10)).toBe('2025-06-05T10:00:00.000Z');
  });
});
