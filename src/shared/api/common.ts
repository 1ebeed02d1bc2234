import { z } from 'zod';

/** Every error the API returns has this shape; `details` lists the bad fields for 400s. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. `validation_failed`, `not_found`.'),
      message: z.string().describe('Human-readable explanation in English.'),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('For validation errors: the path of each bad field and what is wrong with it.'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid().describe('A random UUID.');
export const IdParams = z.strictObject({ id: Id });

export const Timestamp = z.string().describe('ISO-8601 timestamp (UTC).');
export const Language = z.enum(['it', 'en']).describe('Italian or English.');

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const PageQuery = {
  cursor: z.string().max(500).optional().describe("Opaque cursor from the previous page's `nextCursor`."),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size, 1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
  });
}

/** Optional free text: trimmed; an empty string clears the field. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .transform((s) => {
      const t = s.trim();
      return t === '' ? null : t;
    })
    .nullable();
}

export const OkBody = z.object({ ok: z.literal(true) });
