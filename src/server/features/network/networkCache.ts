import type { Db } from '../../db/db.ts';
import { loadDocs, type LoadedDocs } from '../people/people.repo.ts';
import { changedSince, currentVersion } from './changes.ts';

/** Something kept in memory per owner and rebuilt from the people that changed. */
export interface NetworkView {
  apply(loaded: LoadedDocs, ids: readonly string[] | null): void;
}

export type ViewFactories = Record<string, () => NetworkView>;

interface ViewEntry {
  view: NetworkView;
  version: number;
  pending: Promise<void> | null;
}

// Past this many changed people a full reload is cheaper than the piecemeal one.
const MAX_INCREMENTAL = 2_000;

/**
 * In-memory views of each owner's network (search, matching, ties), each built on its first
 * use and caught up from `network_changes` before every use: a change committed by any process
 * is visible to the very next request of every process.
 */
export class NetworkCache {
  private readonly entries = new Map<string, ViewEntry>();

  constructor(
    private readonly db: Db,
    private readonly factories: ViewFactories,
  ) {}

  async view<T extends NetworkView>(ownerId: string, name: string): Promise<T> {
    const make = this.factories[name];
    if (!make) throw new Error(`unknown network view ${name}`);
    const key = `${ownerId}\u0000${name}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { view: make(), version: -1, pending: null };
      this.entries.set(key, e);
    }
    // One refresh at a time per view; concurrent callers wait for it, then re-check.
    while (e.pending) await e.pending;
    const latest = await currentVersion(this.db, ownerId);
    if (latest !== e.version) {
      const entry = e;
      entry.pending = this.refresh(ownerId, entry, latest, make).finally(() => {
        entry.pending = null;
      });
      await entry.pending;
    }
    return e.view as T;
  }

  private async refresh(ownerId: string, e: ViewEntry, latest: number, make: () => NetworkView): Promise<void> {
    if (e.version >= 0) {
      const changes = await changedSince(this.db, ownerId, e.version, MAX_INCREMENTAL + 1);
      if (changes.length <= MAX_INCREMENTAL) {
        const ids = [...new Set(changes.map((c) => c.person_id))];
        const top = changes.reduce((m, c) => Math.max(m, Number(c.version)), e.version);
        if (ids.length > 0) e.view.apply(await loadDocs(this.db, ownerId, ids), ids);
        e.version = Math.max(top, latest);
        return;
      }
    }
    const view = make();
    view.apply(await loadDocs(this.db, ownerId, null), null);
    e.view = view;
    e.version = latest;
  }

  /** Drops an owner's views (the benchmark uses it to measure a cold build). */
  forget(ownerId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${ownerId}\u0000`)) this.entries.delete(key);
  }
}
