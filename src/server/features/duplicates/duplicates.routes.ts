import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '#shared/api/common.ts';
import { DuplicatesResponse, MergeBody, MergePairsBody, MergePairsQuery, MergePairsResult } from '#shared/api/duplicates.ts';
import { PersonDetail } from '#shared/api/people.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { findDuplicates, mergePairs } from './duplicates.service.ts';
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
        'Pairs of people sharing an email, a phone number or a LinkedIn URL, or with alike names (accents, case, word order, initials, small typos) and companies; ' +
        'with how many pairs there are in all and how many of them share an email, phone number or LinkedIn profile.',
      response: { 200: DuplicatesResponse, 401: ErrorBody },
    },
    handler: async (req) => findDuplicates(deps, requireUserId(req)),
  });

  r.post('/api/v1/duplicates/merge', {
    config: { access: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Merge many pairs at once, each sharing an email, a phone number or a LinkedIn profile',
      description:
        'One transaction. Every pair must share an email, a phone number (its last nine digits) or a LinkedIn profile: otherwise 400 and nothing is merged. ' +
        'Pairs that share a person are one group, and each group becomes one person: the one with the fuller name, else the one in the network first (my own profile always); ' +
        'everything of the others is kept on it, as `POST /api/v1/people/{id}/merge` does. With `dryRun=true` nothing is merged and the groups are answered, to be shown first. ' +
        'A person who is not mine (or unknown) is a 404.',
      querystring: MergePairsQuery,
      body: MergePairsBody,
      response: { 200: MergePairsResult, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
    },
    handler: async (req) => mergePairs(deps, requireUserId(req), req.body.pairs, req.query.dryRun === 'true'),
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
