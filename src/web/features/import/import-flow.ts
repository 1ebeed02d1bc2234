/**
 * The import flow's state, as one reducer: choose a file → preview (again after a change of
 * format or of the CSV columns' mapping) → import with progress → done, with an error possible at
 * each step. Side effects (the requests, aborting a superseded preview) stay in the component;
 * every answer carries the number of the preview it answers, and an answer to a superseded one
 * (another file chosen, the flow reset) changes nothing.
 */
import type { ImportFormat } from '#shared/api/values.ts';
import type { ImportPreview, ImportResult } from '../../api/client.ts';
import type { ImportPhase, Mapping } from './import.api.ts';

/** The formats one can force; a Rete JSON export is always recognised by its content. */
export const FORMATS = ['auto', 'vcard', 'linkedin', 'google', 'csv'] as const satisfies ReadonlyArray<'auto' | ImportFormat>;
export type FormatChoice = (typeof FORMATS)[number];

export interface Running {
  phase: ImportPhase | 'done';
  percent: number;
  done: number;
  total: number;
}

/** Share of the bar each phase fills: writing is the long part. */
const PHASE_SPAN: Record<ImportPhase, [number, number]> = { parse: [0, 10], match: [10, 20], write: [20, 100] };

export interface FlowState {
  file: File | null;
  /** The size of the file last chosen: a "too big" answer tells it along with the limit. */
  chosenSize: number;
  format: FormatChoice;
  mapping: Mapping | null;
  /** The mapping was changed since the preview shown was made. */
  mappingDirty: boolean;
  preview: ImportPreview | null;
  previewing: boolean;
  /** The number of the preview whose answer is awaited; older answers are ignored. */
  seq: number;
  error: unknown;
  running: Running | null;
  result: ImportResult | null;
}

export type FlowAction =
  | { type: 'reset'; seq: number }
  | { type: 'chosen'; file: File; seq: number }
  | { type: 'refused'; size: number; error: unknown; seq: number }
  | { type: 'format'; format: FormatChoice }
  /** `fresh`: a new file or format, so the mapping is suggested again; otherwise the mapping is being applied. */
  | { type: 'previewStarted'; seq: number; fresh: boolean }
  | { type: 'previewDone'; seq: number; fresh: boolean; preview: ImportPreview }
  | { type: 'previewFailed'; seq: number; fresh: boolean; error: unknown }
  | { type: 'mapping'; mapping: Mapping }
  | { type: 'importStarted' }
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'importDone'; result: ImportResult }
  | { type: 'importFailed'; error: unknown };

export const initialFlow: FlowState = {
  file: null,
  chosenSize: 0,
  format: 'auto',
  mapping: null,
  mappingDirty: false,
  preview: null,
  previewing: false,
  seq: 0,
  error: null,
  running: null,
  result: null,
};

/** The mapping a CSV preview suggests, every column not recognised ignored; null for other formats. */
export function mappingFrom(p: ImportPreview): Mapping | null {
  if (p.format !== 'csv' || !p.csvHeaders?.length) return null;
  const m: Mapping = {};
  for (const h of p.csvHeaders) m[h] = p.suggestedMapping?.[h] ?? 'ignore';
  return m;
}

/** Where the bar stands: each phase fills its span, and the bar never goes back. */
export function progressOf(prev: Running | null, phase: ImportPhase, done: number, total: number): Running {
  const [from, to] = PHASE_SPAN[phase];
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const percent = Math.floor(from + (to - from) * share);
  return { phase, done, total, percent: Math.max(prev?.percent ?? 0, percent) };
}

export function importFlow(s: FlowState, a: FlowAction): FlowState {
  switch (a.type) {
    case 'reset':
      return { ...initialFlow, format: s.format, chosenSize: s.chosenSize, seq: a.seq };
    case 'chosen':
      return { ...initialFlow, format: s.format, chosenSize: a.file.size, file: a.file, seq: a.seq };
    case 'refused':
      return { ...initialFlow, format: s.format, chosenSize: a.size, error: a.error, seq: a.seq };
    case 'format':
      return s.file && !s.running ? { ...s, format: a.format, mapping: null } : { ...s, format: a.format };
    case 'previewStarted':
      return { ...s, seq: a.seq, previewing: true, error: null, preview: a.fresh ? null : s.preview };
    case 'previewDone':
      if (a.seq !== s.seq) return s;
      return {
        ...s,
        preview: a.preview,
        mapping: a.fresh ? mappingFrom(a.preview) : s.mapping,
        mappingDirty: false,
        previewing: false,
      };
    case 'previewFailed':
      if (a.seq !== s.seq) return s;
      return { ...s, error: a.error, preview: a.fresh ? null : s.preview, previewing: false };
    case 'mapping':
      return { ...s, mapping: a.mapping, mappingDirty: true };
    case 'importStarted':
      return { ...s, error: null, running: { phase: 'parse', percent: 0, done: 0, total: 0 } };
    case 'progress':
      return { ...s, running: progressOf(s.running, a.phase, a.done, a.total) };
    case 'importDone': {
      const n = a.result.toCreate + a.result.toMerge;
      return { ...s, running: { phase: 'done', percent: 100, done: n, total: n }, result: a.result };
    }
    case 'importFailed':
      return { ...s, running: null, error: a.error };
  }
}
