import { describe, expect, it } from 'vitest';
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
