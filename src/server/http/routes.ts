import type { FastifyContextConfig } from 'fastify';
import type { z } from 'zod';
import { ErrorBody } from '#shared/api/common.ts';
import type { Access } from './auth.ts';

/** Error answers of a route, by status: each is the one `ErrorBody`. */
export type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, typeof ErrorBody>>;

/** The error answers routes share: a list (a bad query), one object, a change to one. */
export const listErrors = { 400: ErrorBody, 401: ErrorBody };
export const readErrors = { 401: ErrorBody, 404: ErrorBody };
export const changeErrors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** What a route states of its own; the rest comes from its file's defaults. */
export interface RouteSpec {
  summary: string;
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** The answers that are not errors (200, 201…). */
  response: Record<number, z.ZodType>;
  /** The error answers, when not the file's. */
  errors?: ErrorResponses;
  rateLimit?: FastifyContextConfig['rateLimit'];
}

export interface RouteDefaults<D extends ErrorResponses> {
  tags: string[];
  access: Access;
  /** The error answers of most routes of the file. */
  errors: D;
}

/** The `config` and `schema` of Fastify's route options, with the exact types of the schemas. */
export interface RouteOptions<S extends RouteSpec, E extends ErrorResponses> {
  config: FastifyContextConfig & { access: Access };
  schema: Omit<S, 'errors' | 'rateLimit' | 'response'> & { tags: string[]; response: S['response'] & E };
}

export interface Route<D extends ErrorResponses> {
  <const S extends RouteSpec & { errors?: undefined }>(spec: S): RouteOptions<S, D>;
  <const S extends RouteSpec, const E extends ErrorResponses>(spec: S & { errors: E }): RouteOptions<S, E>;
}

/**
 * A route file's defaults (tags, access policy, common error answers), applied to each of its
 * routes so that a route states only what is its own (in the spirit of Outline's route pipes):
 *
 *   const route = routeDefaults({ tags: ['Give ledger'], access: 'user', errors: changeErrors });
 *   r.get('/api/v1/gives/:id', {
 *     ...route({ summary: 'One give', params: IdParams, response: { 200: Give }, errors: readErrors }),
 *     handler: (req) => svc.getGive(deps, requireUserId(req), req.params.id),
 *   });
 *
 * It gives the `config` and `schema` of Fastify's route options with the exact types of the
 * schemas, so the type provider still types `req.params`, `req.body`, `req.query` and the reply;
 * every route keeps its `config.access`. The error answers come after the route's own in the
 * response map (statuses are ordered by number in the API document anyway).
 */
export function routeDefaults<D extends ErrorResponses>(defaults: RouteDefaults<D>): Route<D> {
  function route<const S extends RouteSpec & { errors?: undefined }>(spec: S): RouteOptions<S, D>;
  function route<const S extends RouteSpec, const E extends ErrorResponses>(spec: S & { errors: E }): RouteOptions<S, E>;
  function route(spec: RouteSpec): {
    config: FastifyContextConfig & { access: Access };
    schema: { tags: string[]; summary: string; response: object };
  } {
    const { errors = defaults.errors, rateLimit, response, ...own } = spec;
    return {
      config: rateLimit === undefined ? { access: defaults.access } : { access: defaults.access, rateLimit },
      schema: { tags: defaults.tags, ...own, response: { ...response, ...errors } },
    };
  }
  return route;
}
