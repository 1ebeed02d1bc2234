import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '#shared/api/common.ts';
import { CsvFieldName, ImportPreview, ImportQuery, ImportResult, MAX_IMPORT_BYTES } from '#shared/api/import.ts';
import type { AppDeps } from '../../app.ts';
import { AppError, badRequest } from '../../http/errors.ts';
import { requireUserId } from '../../http/auth.ts';
import { commitImport, previewImport, type ImportOptions } from './import.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody };

const UPLOAD =
  'Send the file itself as the request body with `Content-Type: application/octet-stream` (at most 20 MB); ' +
  'options go in the query string.';

function fileOf(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as the body with Content-Type: application/octet-stream');
  }
  return req.body;
}

function optionsOf(q: ImportQuery): ImportOptions {
  const opts: ImportOptions = {};
  if (q.format) opts.format = q.format;
  if (q.mapping !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(q.mapping);
    } catch {
      throw badRequest('The mapping is not valid JSON', [{ path: 'querystring.mapping', message: 'invalid JSON' }]);
    }
    const r = z.record(z.string(), CsvFieldName).safeParse(parsed);
    if (!r.success)
      throw badRequest('The mapping is not valid', [{ path: 'querystring.mapping', message: 'expected {"header": "field"}' }]);
    opts.mapping = r.data;
  }
  return opts;
}

export function importRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Scoped: only these routes accept a raw body, and only up to the import limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Import and export'];

    r.post('/api/v1/imports/preview', {
      config: { access: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Preview an import: who would be created, who merged, and every problem (writes nothing)',
        description: UPLOAD,
        querystring: ImportQuery,
        response: { 200: ImportPreview, ...errors },
      },
      handler: async (req) =>
        previewImport(deps, requireUserId(req), fileOf(req), { ...optionsOf(req.query), people: req.query.people === 'true' }),
    });

    r.post('/api/v1/imports', {
      config: { access: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Import a file: creates new people and merges the others, all or nothing',
        description: `${UPLOAD} Re-importing the same file creates nobody and changes nothing.`,
        querystring: ImportQuery,
        response: { 201: ImportResult, ...errors },
      },
      handler: async (req, reply) => {
        const { people: _people, ...result } = await commitImport(deps, requireUserId(req), fileOf(req), optionsOf(req.query));
        return reply.code(201).send(result);
      },
    });
  });
}
