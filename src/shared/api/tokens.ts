import { z } from 'zod';
import { Id, line, Timestamp } from './common.ts';

/**
 * Personal API tokens: made in Settings or with `rete token create`, sent as
 * `Authorization: Bearer <secret>`, stored hashed and shown once.
 */

export const TokenBody = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it.'),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const CreateTokenBody = z.strictObject({ name: line(100, { min: 1 }) }).meta({ id: 'CreateTokenBody' });

export const CreatedTokenBody = z
  .object({
    token: TokenBody,
    secret: z.string().describe('The token itself, shown only once. Send it as `Authorization: Bearer <secret>`.'),
  })
  .meta({ id: 'CreatedToken' });
