import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '#shared/api/common.ts';
import { DuplicatesResponse, MergeBody } from '#shared/api/duplicates.ts';
import { PersonDetail } from '#shared/api/people.ts';
import type { AppDeps } from '../../app.ts';
import { requireUserId } from '../../http/auth.ts';
import { findDuplicates } from './duplicates.service.ts';
import { mergePeople } from './merge.service.ts';

export function duplicatesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Duplicates'];

  r.get('/api/v1/duplicates', {
    config: { access: 'user', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Likely duplicates in my network, best first',
      description:
        'Pairs of people sharing an email, a phone number or a LinkedIn URL, or with alike names (accents, case, word order, initials, small typos) and companies.',
      response: { 200: DuplicatesResponse, 401: ErrorBody },
    },
    handler: async (req) => ({ pairs: await findDuplicates(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/people/:id/merge', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Merge another person into this one; the other is deleted',
      description:
        'One transaction. This person keeps its fields and receives every email, phone, link, tag, need, offer, timeline entry, relationship, ' +
        '"introduced by" and privacy note of the other; the other\'s notes are appended, and its differing company, role, city, ... are written into the notes. ' +
        'A relationship between the two disappears; two relationships with the same third person become one with the stronger tie. ' +
        'Both people must be mine (else 404); the same id twice is a 400; merging my own profile away is a 409.',
      params: IdParams,
      body: MergeBody,
      response: { 200: PersonDetail, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (req) => mergePeople(deps, requireUserId(req), req.params.id, req.body.otherId),
  });
}
