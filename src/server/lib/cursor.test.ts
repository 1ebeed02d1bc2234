import { describe, expect, it } from 'vitest';
import { fromCursor, toCursor } from './cursor.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('page cursors', () => {
  it('give back the values they were made of, in a URL-safe string', () => {
    const c = toCursor(['rossi mario|é', '6f1c…', 3]);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromCursor(c, ['string', 'string', 'int'])).toEqual(['rossi mario|é', '6f1c…', 3]);
    expect(fromCursor(toCursor(['2024-05-01', 'x']), ['string', 'string'])).toEqual(['2024-05-01', 'x']);
  });

  it('answer undefined for anything that is not a cursor of that shape', () => {
    const two = ['string', 'string'] as const;
    for (const bad of [
      '',
      'notacursor',
      'A'.repeat(10_000),
      b64('{"n":1}'),
      b64('"a"'),
      b64('["a"]'),
      b64('["a","b","c"]'),
      b64('["a",1]'),
      b64('[null,"b"]'),
    ]) {
      expect(fromCursor(bad, two), bad).toBeUndefined();
    }
    const withTier = ['string', 'string', 'int'] as const;
    for (const bad of [b64('["a","b","1"]'), b64('["a","b",1.5]'), b64('["a","b",1e300]'), toCursor(['a', 'b'])]) {
      expect(fromCursor(bad, withTier), bad).toBeUndefined();
    }
  });
});
