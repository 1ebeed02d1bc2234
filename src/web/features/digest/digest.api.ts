/** The weekly digest as it would leave now. Typed by the shared contract (`#shared/api/routine.ts`). */
import type { z } from 'zod';
import type * as Routine from '#shared/api/routine.ts';
import { request } from '../../api/client.ts';

export type DigestPreview = z.infer<typeof Routine.DigestPreview>;

export const digestApi = {
  preview: () => request<DigestPreview>('GET', '/api/v1/digest/preview'),
};

export const digestKeys = {
  preview: ['digest', 'preview'] as const,
};
