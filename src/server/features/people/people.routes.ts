import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, OkBody } from '#shared/api/common.ts';
import {
  CreateInteractionBody,
  CreateItemBody,
  CreatePersonBody,
  CreateRelationshipBody,
  Facets,
  Interaction,
  Item,
  ListPeopleQuery,
  PeoplePage,
  PersonDetail,
  Relationship,
  UpdateInteractionBody,
  UpdateItemBody,
  UpdatePersonBody,
  UpdateRelationshipBody,
} from '#shared/api/people.ts';
import { ErasePersonQuery, EraseResult } from '#shared/api/privacy.ts';
import type { AppDeps } from '../../deps.ts';
import { erasePerson } from '../privacy/privacy.service.ts';
import { requireUserId } from '../../http/auth.ts';
import { changeErrors, listErrors, readErrors, routeDefaults } from '../../http/routes.ts';
import type { PersonDetail as PersonDetailBody } from '#shared/api/people.ts';
import { PersonCache } from './person-cache.ts';
import * as svc from './people.service.ts';
import { okAfter } from '../../http/ok.ts';

export function peopleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['People'], access: 'user', errors: changeErrors });
  const cache = new PersonCache(deps.db);

  r.get('/api/v1/people', {
    ...route({
      summary: 'List or search my contacts, by name, with filters and a cursor',
      description:
        'Without `q`, contacts come by name. With `q`, by how well the name answers the words: names that start with them ' +
        'first (complete words before words still being typed), then other names holding them, then contacts found by ' +
        'another field (each with `match`: the field and the words around the match); within each group, by name.',
      querystring: ListPeopleQuery,
      response: { 200: PeoplePage },
      errors: listErrors,
    }),
    handler: (req) => svc.listPeople(deps, requireUserId(req), req.query),
  });

  r.get('/api/v1/people/facets', {
    ...route({
      summary: 'Tags and cities of my contacts, with counts, for filters',
      response: { 200: Facets },
      errors: { 401: ErrorBody },
    }),
    handler: (req) => svc.facets(deps, requireUserId(req)),
  });

  r.post('/api/v1/people', {
    ...route({ summary: 'Add a contact', body: CreatePersonBody, response: { 201: PersonDetail } }),
    handler: async (req, reply) => {
      const owner = requireUserId(req);
      const id = await svc.createPerson(deps, owner, req.body);
      return reply.code(201).send(await svc.getPerson(deps, owner, id));
    },
  });

  r.get('/api/v1/people/:id', {
    ...route({
      summary: 'A contact with details, tags, needs, offers, timeline and relationships',
      params: IdParams,
      response: { 200: PersonDetail },
      errors: readErrors,
    }),
    handler: async (req, reply) => {
      const json = await cache.json(deps, requireUserId(req), req.params.id, req.auth?.networkVersion);
      // A Buffer body is sent as it is: the cached JSON of a PersonDetail, serialised once.
      return reply.type('application/json; charset=utf-8').send(json as unknown as PersonDetailBody);
    },
  });

  r.patch('/api/v1/people/:id', {
    ...route({
      summary: 'Change a contact; lists (emails, phones, links, tags) given are replaced whole',
      params: IdParams,
      body: UpdatePersonBody,
      response: { 200: PersonDetail },
    }),
    handler: async (req) => {
      const owner = requireUserId(req);
      await svc.updatePerson(deps, owner, req.params.id, req.body);
      return svc.getPerson(deps, owner, req.params.id);
    },
  });

  r.delete('/api/v1/people/:id', {
    ...route({
      summary: 'Erase a contact everywhere; with suppress=true, later imports skip them',
      description:
        'Removes the person, their emails, phones, links, tags, needs, offers, timeline, relationships on both sides and their change-log entries; ' +
        '"introduced by" references to them become empty. With `suppress=true` a suppression entry keeps only keyed hashes of their ' +
        'emails, phone numbers and LinkedIn URL (or of name + company when they had none), so that imports skip them. ' +
        'Adding the person again by hand still works: only imports are stopped.',
      params: IdParams,
      querystring: ErasePersonQuery,
      response: { 200: EraseResult },
    }),
    handler: async (req) => {
      const r = await erasePerson(deps, requireUserId(req), req.params.id, {
        suppress: req.query.suppress === 'true',
        reason: req.query.reason,
      });
      return { ok: true as const, suppressionId: r.suppressionId };
    },
  });

  for (const table of ['needs', 'offers'] as const) {
    const what = table === 'needs' ? 'need' : 'offer';
    const item = routeDefaults({ tags: [table === 'needs' ? 'Needs' : 'Offers'], access: 'user', errors: changeErrors });
    r.post(`/api/v1/people/:id/${table}`, {
      ...item({
        summary: `Add a ${what} to a person (or to me)`,
        params: IdParams,
        body: CreateItemBody,
        response: { 201: Item },
      }),
      handler: async (req, reply) =>
        reply.code(201).send(await svc.addItem(deps, table, requireUserId(req), req.params.id, req.body)),
    });
    r.get(`/api/v1/${table}/:id`, {
      ...item({ summary: `One ${what}`, params: IdParams, response: { 200: Item }, errors: readErrors }),
      handler: (req) => svc.getItem(deps, table, requireUserId(req), req.params.id),
    });
    r.patch(`/api/v1/${table}/:id`, {
      ...item({
        summary: `Change a ${what}'s text, language or status`,
        params: IdParams,
        body: UpdateItemBody,
        response: { 200: Item },
      }),
      handler: (req) => svc.updateItem(deps, table, requireUserId(req), req.params.id, req.body),
    });
    r.delete(`/api/v1/${table}/:id`, {
      ...item({ summary: `Delete a ${what}`, params: IdParams, response: { 200: OkBody } }),
      handler: (req) => okAfter(svc.deleteItem(deps, table, requireUserId(req), req.params.id)),
    });
  }

  const timeline = routeDefaults({ tags: ['Timeline'], access: 'user', errors: changeErrors });
  r.post('/api/v1/people/:id/interactions', {
    ...timeline({
      summary: 'Add a meeting, call, message or note to a timeline',
      params: IdParams,
      body: CreateInteractionBody,
      response: { 201: Interaction },
    }),
    handler: async (req, reply) =>
      reply.code(201).send(await svc.addInteraction(deps, requireUserId(req), req.params.id, req.body)),
  });
  r.patch('/api/v1/interactions/:id', {
    ...timeline({
      summary: 'Change a timeline entry',
      params: IdParams,
      body: UpdateInteractionBody,
      response: { 200: Interaction },
    }),
    handler: (req) => svc.updateInteraction(deps, requireUserId(req), req.params.id, req.body),
  });
  r.delete('/api/v1/interactions/:id', {
    ...timeline({ summary: 'Delete a timeline entry', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteInteraction(deps, requireUserId(req), req.params.id)),
  });

  const relationship = routeDefaults({ tags: ['Relationships'], access: 'user', errors: changeErrors });
  r.post('/api/v1/people/:id/relationships', {
    ...relationship({
      summary: 'Record that this person knows another contact',
      params: IdParams,
      body: CreateRelationshipBody,
      response: { 201: Relationship },
    }),
    handler: async (req, reply) =>
      reply.code(201).send(await svc.addRelationship(deps, requireUserId(req), req.params.id, req.body)),
  });
  r.patch('/api/v1/relationships/:id', {
    ...relationship({
      summary: 'Change strength or note of a relationship',
      params: IdParams,
      body: UpdateRelationshipBody,
      response: { 200: Relationship },
    }),
    handler: (req) => svc.updateRelationship(deps, requireUserId(req), req.params.id, req.body),
  });
  r.delete('/api/v1/relationships/:id', {
    ...relationship({ summary: 'Remove a relationship', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteRelationship(deps, requireUserId(req), req.params.id)),
  });
}
