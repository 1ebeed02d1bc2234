/**
 * Page cursors: the sort key of the last row of a page, which the next page starts after. Every
 * list writes it the same way, a JSON array of strings and integers in base64url; clients pass it
 * back as they got it (`nextCursor` → `cursor`) and never read it. Each list decodes it with the
 * shape it wrote and answers a malformed cursor as it chooses (a 400 naming `cursor`).
 */

/** The type of one part of a cursor. */
export type CursorPart = 'string' | 'int';

/** The values of a cursor of shape `S`: `['string', 'int']` gives `[string, number]`. */
export type CursorValues<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: S[K] extends 'string' ? string : number };

/** A cursor holding these values, in this order. */
export function toCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor made by `toCursor` with this shape; undefined for anything else: not
 * base64url JSON, not an array, another length, a part of another type (an integer part must be
 * a safe integer).
 */
export function fromCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorValues<S> | undefined {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || v.length !== shape.length) return undefined;
  const ok = shape.every((part, i) => {
    const x: unknown = v[i];
    return part === 'string' ? typeof x === 'string' : Number.isSafeInteger(x);
  });
  return ok ? (v as CursorValues<S>) : undefined;
}
