import { describe, expect, it } from 'vitest';
import { newId, newRowId } from './ids.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('makes random UUIDv4 ids for what the API shows', () => {
    const ids = Array.from({ length: 1000 }, newId);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes UUIDv7 row ids that sort in the order they were made, with the time first', () => {
    const before = Date.now();
    // More than one millisecond can hold (4,096 per millisecond at most), to cross the counter's end.
    const ids = Array.from({ length: 50_000 }, newRowId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(V7);
    expect(ids.every((id) => V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const ms = Number.parseInt((ids[0] as string).replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThan(before + 60_000);
  });

  it('keeps 62 random bits in every row id', () => {
    const tails = new Set(Array.from({ length: 2000 }, () => newRowId().slice(19)));
    expect(tails.size).toBe(2000);
  });
});
