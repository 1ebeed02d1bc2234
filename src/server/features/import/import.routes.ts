import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '#shared/api/common.ts';
import { CsvFieldName, ImportEvent, ImportPreview, ImportQuery, ImportResult } from '#shared/api/import.ts';
import type { AppDeps } from '../../app.ts';
import { errorResponse, problemOf } from '../../http/errors.ts';
import { badRequest, unsupportedMediaType } from '../../lib/errors.ts';
import { requireUserId } from '../../http/auth.ts';
import { commitImport, previewImport, type ImportOptions } from './import.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody };

const UPLOAD =
  'Send the file itself as the request body with `Content-Type: application/octet-stream` (at most 20 MB); ' +
  'options go in the query string.';

function fileOf(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) {
    throw unsupportedMediaType('Send the file as the body with Content-Type: application/octet-stream');
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

const NDJSON = 'application/x-ndjson';

/** The client asked for the progress stream (`Accept: application/x-ndjson`). */
const wantsStream = (req: FastifyRequest): boolean => (req.headers.accept ?? '').toLowerCase().includes(NDJSON);

/** The error line of the stream: the same body the error handler gives, without the status. */
function errorOf(err: unknown, req: FastifyRequest): ImportEvent & { type: 'error' } {
  return { type: 'error', error: errorResponse(problemOf(err, req).problem).body.error };
}

export function importRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Scoped: only these routes accept a raw body, and only up to the import limit.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: deps.config.importMaxBytes },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Import and export'];

    r.post('/api/v1/imports/preview', {
      config: { access: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: deps.config.importMaxBytes,
      schema: {
        tags,
        summary: 'Preview an import: who would be created, who merged, and every problem (writes nothing)',
        description: `${UPLOAD} A file no contact can be read from answers \`contacts: 0\` with the problems that say why (importing it is a 400).`,
        querystring: ImportQuery,
        response: { 200: ImportPreview, ...errors },
      },
      handler: async (req) =>
        previewImport(deps, requireUserId(req), fileOf(req), { ...optionsOf(req.query), people: req.query.people === 'true' }),
    });

    r.post('/api/v1/imports', {
      config: { access: 'user', rateLimit: { max: 30, timeWindow: '1 minute' } },
      bodyLimit: deps.config.importMaxBytes,
      schema: {
        tags,
        summary: 'Import a file: creates new people and merges the others, all or nothing',
        description:
          `${UPLOAD} Re-importing the same file creates nobody and changes nothing. ` +
          'With `Accept: application/x-ndjson` the answer is 200 and a stream of JSON lines (`ImportEvent`): ' +
          '`{"type":"progress","phase":"parse"|"match"|"write","done":n,"total":n}` at the start and end of each phase and every 500 people written, ' +
          'then exactly one `{"type":"result","result":<ImportResult>}` or `{"type":"error","error":{code,message,details}}`. ' +
          'An error line means nothing was written. Without that header: 201 and the ImportResult.',
        querystring: ImportQuery,
        response: {
          200: ImportEvent.describe('With `Accept: application/x-ndjson`: one of these per line.'),
          201: ImportResult,
          ...errors,
        },
      },
      handler: async (req, reply) => {
        const owner = requireUserId(req);
        const file = fileOf(req);
        const opts = optionsOf(req.query);
        if (!wantsStream(req)) {
          const result = await commitImport(deps, owner, file, opts);
          return reply.code(201).send(result);
        }
        const stream = new PassThrough();
        // A client that goes away closes the stream; the import still finishes (or rolls back) on its own.
        stream.on('error', () => undefined);
        const line = (e: ImportEvent) => {
          if (!stream.destroyed) stream.write(`${JSON.stringify(e)}\n`);
        };
        // The import runs on while the lines go out; it is atomic whatever happens to the connection.
        void (async () => {
          try {
            const result = await commitImport(deps, owner, file, {
              ...opts,
              chunkSize: 500,
              onEvent: async (e) => {
                line({ type: 'progress', ...e });
                // Let the line reach the socket now: SQLite's work never yields to the event loop by itself.
                await new Promise((resolve) => setImmediate(resolve));
              },
            });
            line({ type: 'result', result });
          } catch (err) {
            line(errorOf(err, req));
          } finally {
            stream.end();
          }
        })();
        return reply
          .code(200)
          .type(`${NDJSON}; charset=utf-8`)
          .send(stream as never);
      },
    });
  });
}
