import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '#shared/api/common.ts';
import { ExportQuery } from '#shared/api/export.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { exportAccount } from './export.service.ts';

export function exportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/export', {
    config: { access: 'user', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['Import and export'],
      summary: 'Download all my data: vCard 4.0 or 3.0, CSV, or the complete JSON of the account',
      description:
        'Answers with the file itself (`Content-Disposition: attachment`): `text/vcard`, `text/csv` or `application/json`.',
      querystring: ExportQuery,
      response: { 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (req, reply) => {
      const file = await exportAccount(deps, requireUserId(req), req.query.format, req.query.lang);
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          // The file itself, not JSON of it: sent as it is (the error shapes above are for errors only).
          .send(file.body as never)
      );
    },
  });
}
