import type { Db } from '../../db/db.ts';
import { loadDocs, type LoadedDocs } from '../people/people.repo.ts';
import { changedSince, currentVersion } from './changes.ts';

/** Something kept in memory per owner and rebuilt from the people that changed. */
export interface NetworkView {
  apply(loaded: LoadedDocs, ids: readonly string[] | null): void;
}

/** How to make each view, by name: a view's type is what its factory makes. */
export type ViewFactories<V> = { [K in keyof V]: () => V[K] };

interface ViewEntry<T> {
  view: T;
  version: number;
  pending: Promise<void> | null;
}

/** Each view's entries by owner, per view name: a view is looked up with its own type. */
type Entries<V> = { [K in keyof V]?: Map<string, ViewEntry<V[K]>> };

// Past this many changed people a full reload is cheaper than the piecemeal one.
const MAX_INCREMENTAL = 2_000;

/**
 * In-memory views of each owner's network (search, matching, ties), each built on its first
 * use and caught up from `network_changes` before every use: a change committed by any process
 * is visible to the very next request of every process.
 */
export class NetworkCache<V extends { [K in keyof V]: NetworkView }> {
  private readonly entries: Entries<V> = {};

  constructor(
    private readonly db: Db,
    private readonly factories: ViewFactories<V>,
  ) {}

  async view<K extends keyof V & string>(ownerId: string, name: K): Promise<V[K]> {
    const make = this.factories[name];
    if (!make) throw new Error(`unknown network view ${name}`);
    let byOwner = this.entries[name];
    if (!byOwner) {
      byOwner = new Map();
      this.entries[name] = byOwner;
    }
    let e = byOwner.get(ownerId);
    if (!e) {
      e = { view: make(), version: -1, pending: null };
      byOwner.set(ownerId, e);
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
    return e.view;
  }

  private async refresh<T extends NetworkView>(ownerId: string, e: ViewEntry<T>, latest: number, make: () => T): Promise<void> {
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
    for (const name in this.entries) this.entries[name]?.delete(ownerId);
  }
}
