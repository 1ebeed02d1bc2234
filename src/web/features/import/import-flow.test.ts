import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../api/client.ts';
import { importFlow, initialFlow, type FlowAction, type FlowState } from './import-flow.ts';

const file = (name: string, size: number) => ({ name, size }) as File;
const csvPreview = (headers: string[], suggested: Record<string, string>) =>
  ({ format: 'csv', csvHeaders: headers, suggestedMapping: suggested }) as unknown as ImportPreview;
const run = (...actions: FlowAction[]): FlowState => actions.reduce(importFlow, initialFlow);

describe('the import flow', () => {
  it('a CSV preview suggests the mapping, every column it does not know ignored', () => {
    const f = file('a.csv', 10);
    const s = run(
      { type: 'chosen', file: f, seq: 1 },
      { type: 'previewStarted', seq: 2, fresh: true },
      { type: 'previewDone', seq: 2, fresh: true, preview: csvPreview(['Nome', 'Boh'], { Nome: 'name' }) },
    );
    expect(s.mapping).toEqual({ Nome: 'name', Boh: 'ignore' });
    expect(s.previewing).toBe(false);
    expect(s.file).toBe(f);
  });

  it('an answer to a superseded preview changes nothing', () => {
    const late = csvPreview(['Old'], {});
    const s = run(
      { type: 'chosen', file: file('a.csv', 10), seq: 1 },
      { type: 'previewStarted', seq: 2, fresh: true },
      { type: 'chosen', file: file('b.csv', 20), seq: 3 },
      { type: 'previewStarted', seq: 4, fresh: true },
      { type: 'previewDone', seq: 2, fresh: true, preview: late },
      { type: 'previewFailed', seq: 2, fresh: true, error: new Error('old') },
    );
    expect(s.preview).toBeNull();
    expect(s.error).toBeNull();
    expect(s.previewing).toBe(true);
    expect(s.file?.name).toBe('b.csv');
  });

  it('an edited mapping is dirty until applied; applying keeps the preview while it reloads', () => {
    const p = csvPreview(['Nome'], { Nome: 'name' });
    let s = run(
      { type: 'chosen', file: file('a.csv', 10), seq: 1 },
      { type: 'previewStarted', seq: 2, fresh: true },
      { type: 'previewDone', seq: 2, fresh: true, preview: p },
      { type: 'mapping', mapping: { Nome: 'company' } },
    );
    expect(s.mappingDirty).toBe(true);
    s = importFlow(s, { type: 'previewStarted', seq: 3, fresh: false });
    expect(s.preview).toBe(p);
    s = importFlow(s, { type: 'previewDone', seq: 3, fresh: false, preview: p });
    expect(s.mapping).toEqual({ Nome: 'company' });
    expect(s.mappingDirty).toBe(false);
  });

  it('a refused file keeps its size for the message and no file', () => {
    const s = run({ type: 'refused', size: 30_000_000, error: new Error('too big'), seq: 1 });
    expect(s.file).toBeNull();
    expect(s.chosenSize).toBe(30_000_000);
    expect(s.error).toBeInstanceOf(Error);
  });

  it('the progress bar moves through the phases and never goes back', () => {
    const seen: number[] = [];
    let s = run({ type: 'chosen', file: file('a.vcf', 10), seq: 1 }, { type: 'importStarted' });
    for (const a of [
      { phase: 'parse', done: 5, total: 10 },
      { phase: 'match', done: 0, total: 0 },
      { phase: 'write', done: 50, total: 100 },
      { phase: 'write', done: 10, total: 100 },
      { phase: 'write', done: 100, total: 100 },
    ] as const) {
      s = importFlow(s, { type: 'progress', ...a });
      seen.push(s.running?.percent ?? -1);
    }
    expect(seen).toEqual([5, 20, 60, 60, 100]);
    s = importFlow(s, { type: 'importDone', result: { toCreate: 3, toMerge: 2 } as ImportResult });
    expect(s.running).toEqual({ phase: 'done', percent: 100, done: 5, total: 5 });
  });

  it('a failed import leaves the preview to try again, with the error', () => {
    const p = csvPreview(['Nome'], { Nome: 'name' });
    const s = run(
      { type: 'chosen', file: file('a.csv', 10), seq: 1 },
      { type: 'previewStarted', seq: 2, fresh: true },
      { type: 'previewDone', seq: 2, fresh: true, preview: p },
      { type: 'importStarted' },
      { type: 'importFailed', error: new Error('conflict') },
    );
    expect(s.running).toBeNull();
    expect(s.preview).toBe(p);
    expect(s.error).toBeInstanceOf(Error);
  });

  it('a new format drops the mapping of the file chosen; a reset keeps the format', () => {
    let s = run(
      { type: 'chosen', file: file('a.csv', 10), seq: 1 },
      { type: 'mapping', mapping: { A: 'name' } },
      { type: 'format', format: 'linkedin' },
    );
    expect(s.mapping).toBeNull();
    s = importFlow(s, { type: 'reset', seq: 5 });
    expect(s.format).toBe('linkedin');
    expect(s.file).toBeNull();
  });
});
