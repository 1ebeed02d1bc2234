/**
 * The import endpoints take the file itself as the body and their options in the query string.
 * The commit asks for NDJSON: progress lines while the server works, then the result (or an
 * error), so the bar moves with the real work instead of guessing.
 */
import {
  ApiError,
  qs,
  sendFile,
  type CsvField,
  type ImportEvent,
  type ImportFormat,
  type ImportPreview,
  type ImportResult,
} from '../../api/client.ts';

export type Mapping = Record<string, CsvField>;
export type ImportPhase = Extract<ImportEvent, { type: 'progress' }>['phase'];

export interface ImportRequest {
  format?: ImportFormat | undefined;
  mapping?: Mapping | null | undefined;
  filename?: string | undefined;
}

function queryOf(req: ImportRequest, people: boolean): string {
  return qs({
    format: req.format,
    filename: req.filename?.slice(0, 255),
    mapping: req.mapping ? JSON.stringify(req.mapping) : undefined,
    people: people ? 'true' : undefined,
  });
}

/** What an import would do; writes nothing. `people` asks for every parsed person too. */
export async function previewImport(
  file: Blob,
  req: ImportRequest,
  opts: { people: boolean; signal?: AbortSignal },
): Promise<ImportPreview> {
  const res = await sendFile(
    `/api/v1/imports/preview${queryOf(req, opts.people)}`,
    file,
    opts.signal ? { signal: opts.signal } : {},
  );
  return (await res.json()) as ImportPreview;
}

function streamError(e: Extract<ImportEvent, { type: 'error' }>['error']): ApiError {
  const status = e.code === 'internal' ? 500 : e.code === 'payload_too_large' ? 413 : 400;
  return new ApiError(status, e.code, e.message, e.details ?? []);
}

/**
 * Commits an import, calling `onProgress` for each progress line of the stream. A server that
 * answers plain JSON instead (no streaming) is understood too: the result then comes at once.
 */
export async function runImport(
  file: Blob,
  req: ImportRequest,
  onProgress: (phase: ImportPhase, done: number, total: number) => void,
): Promise<ImportResult> {
  const res = await sendFile(`/api/v1/imports${queryOf(req, false)}`, file, { accept: 'application/x-ndjson' });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('ndjson') || !res.body) return (await res.json()) as ImportResult;

  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result: ImportResult | null = null;
  const handle = (line: string) => {
    if (!line.trim()) return;
    let ev: ImportEvent;
    try {
      ev = JSON.parse(line) as ImportEvent;
    } catch {
      throw new ApiError(500, 'internal', 'The server sent an unreadable progress line');
    }
    switch (ev.type) {
      case 'progress':
        onProgress(ev.phase, ev.done, ev.total);
        break;
      case 'result':
        result = ev.result;
        break;
      case 'error':
        throw streamError(ev.error);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        handle(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
      }
      if (done) break;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    // The connection broke mid-stream: whether the server finished is unknown here (re-importing
    // the same file is harmless: it creates nobody twice).
    throw new ApiError(0, 'import_interrupted', 'The connection was lost during the import');
  }
  handle(buffer);
  if (result === null) throw new ApiError(0, 'import_interrupted', 'The import ended without a result');
  return result;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
