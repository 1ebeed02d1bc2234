import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, OkBody } from '#shared/api/common.ts';
import { CalendarFeedCreated, CalendarFeedState } from '#shared/api/routine.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { okAfter } from '../../http/ok.ts';
import { routeDefaults } from '../../http/routes.ts';
import * as svc from './calendar.service.ts';

export function calendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Today'], access: 'user', errors: { 401: ErrorBody } });

  r.get('/api/v1/calendar/feed', {
    ...route({
      summary: 'Whether my private calendar feed is on, and since when (its URL is shown only when made)',
      response: { 200: CalendarFeedState },
    }),
    handler: (req) => svc.feedState(deps, requireUserId(req)),
  });

  r.post('/api/v1/calendar/feed', {
    ...route({
      summary: 'Make my private calendar feed URL (follow-ups, keep-in-touch dates, birthdays, one-to-ones)',
      description:
        'Answers the URL once: only a hash of its secret is kept. Any previous URL stops working (this is also how to ' +
        'regenerate it). Subscribe to it from any calendar app (iCalendar, RFC 5545).',
      response: { 201: CalendarFeedCreated },
    }),
    handler: async (req, reply) => reply.code(201).send(await svc.createFeed(deps, requireUserId(req))),
  });

  r.delete('/api/v1/calendar/feed', {
    ...route({
      summary: 'Revoke my calendar feed: its URL answers 404 from now on',
      response: { 200: OkBody },
    }),
    handler: (req) => okAfter(svc.revokeFeed(deps, requireUserId(req))),
  });

  // The feed itself: public, authenticated by the secret in its path (`urlToken`: no session or API
  // token is read). A token that opens no feed (wrong, revoked, malformed) answers exactly as a path
  // no route serves. Rate-limited per address like the other links. Not part of the API document.
  r.get('/cal/:token.ics', {
    config: {
      access: 'public',
      urlToken: true,
      rateLimit: { max: deps.config.intros.linkRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: { hide: true, params: z.strictObject({ token: z.string() }) },
    handler: async (req, reply) => {
      const ics = await svc.feedFor(deps, req.params.token);
      if (ics === null) return reply.callNotFound();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex, nofollow')
        .send(ics);
    },
  });
}
