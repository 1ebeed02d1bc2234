import type { Db } from '../../db/db.ts';
import { loadDocs, type LoadedDocs } from '../people/people.repo.ts';
import { changedSince, currentVersion } from './changes.ts';

/** Something kept in memory per owner and rebuilt from the people that changed. */
export interface NetworkView {
  apply(loaded: LoadedDocs, ids: readonly string[] | null): void;
}

export type ViewFactories = Record<string, () => NetworkView>;

interface OwnerEntry {
  version: number;
  views: Map<string, NetworkView>;
  pending: Promise<void> | null;
}

// Past this many changed people a full reload is cheaper than the piecemeal one.
const MAX_INCREMENTAL = 2_000;

/**
 * In-memory views of each owner's network (search, matching), loaded on first use and caught
 * up from `network_changes` before each use: a change committed by any process is visible to
 * the very next request of every process.
 */
export class NetworkCache {
  private readonly owners = new Map<string, OwnerEntry>();

  constructor(
    private readonly db: Db,
    private readonly factories: ViewFactories,
  ) {}

  async view<T extends NetworkView>(ownerId: string, name: string): Promise<T> {
    const entry = await this.fresh(ownerId);
    const v = entry.views.get(name);
    if (!v) throw new Error(`unknown network view ${name}`);
    return v as T;
  }

  private async fresh(ownerId: string): Promise<OwnerEntry> {
    let entry = this.owners.get(ownerId);
    if (!entry) {
      entry = { version: -1, views: new Map(), pending: null };
      this.owners.set(ownerId, entry);
    }
    // One refresh at a time per owner; concurrent callers wait for it, then re-check.
    while (entry.pending) await entry.pending;
    const e = entry;
    const latest = await currentVersion(this.db, ownerId);
    if (latest === e.version) return e;
    e.pending = this.refresh(ownerId, e, latest).finally(() => {
      e.pending = null;
    });
    await e.pending;
    return e;
  }

  private async refresh(ownerId: string, e: OwnerEntry, latest: number): Promise<void> {
    if (e.version >= 0) {
      const changes = await changedSince(this.db, ownerId, e.version, MAX_INCREMENTAL + 1);
      if (changes.length <= MAX_INCREMENTAL) {
        const ids = [...new Set(changes.map((c) => c.person_id))];
        const top = changes.reduce((m, c) => Math.max(m, Number(c.version)), e.version);
        if (ids.length > 0) {
          const loaded = await loadDocs(this.db, ownerId, ids);
          for (const v of e.views.values()) v.apply(loaded, ids);
        }
        e.version = Math.max(top, latest);
        return;
      }
    }
    const loaded = await loadDocs(this.db, ownerId, null);
    const views = new Map<string, NetworkView>();
    for (const [name, make] of Object.entries(this.factories)) {
      const v = make();
      v.apply(loaded, null);
      views.set(name, v);
    }
    e.views = views;
    e.version = latest;
  }

  forget(ownerId: string): void {
    this.owners.delete(ownerId);
  }
}
