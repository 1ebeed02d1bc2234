/**
 * What the services are given, in one place: the database and its dialect, the settings, the
 * clock, and the per-owner in-memory views of the network. The app (`app.ts`), the CLI (`cli.ts`),
 * the tests and the benchmarks build an `AppDeps`; a service takes the narrowest of the types below
 * that has what it uses, so a caller (or a test) need not make more.
 */
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/db.ts';
import { NetworkGraph } from './features/matching/graph.ts';
import { ItemIndex } from './features/matching/indexes.ts';
import { NetworkCache } from './features/network/network-cache.ts';
import { PeopleSearch } from './features/people/search.ts';

/**
 * The views of a network by name, with their types: `deps.network.view(owner, 'offers')` answers
 * an `ItemIndex`. A new view is one line here and one in `createNetworkCache`.
 */
export interface NetworkViews {
  /** Search over every word of a person (`people/search.ts`). */
  search: PeopleSearch;
  /** The open offers, for matching a need (`matching/indexes.ts`). */
  offers: ItemIndex;
  /** The open needs, for whom an offer helps. */
  needs: ItemIndex;
  /** Who knows whom, for the paths of an introduction (`matching/graph.ts`). */
  graph: NetworkGraph;
}

export type Network = NetworkCache<NetworkViews>;

export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
  now: () => Date;
  network: Network;
}

/** What most services use: the database, the settings and the clock. */
export type Deps = Pick<AppDeps, 'db' | 'config' | 'now'>;

/** A service that also reads the network's in-memory views (search, matching). */
export type PeopleDeps = Pick<AppDeps, 'db' | 'config' | 'now' | 'network'>;

/** The per-owner in-memory views kept fresh from the change log: search, matching both ways, ties. */
export function createNetworkCache(db: Db): Network {
  return new NetworkCache<NetworkViews>(db, {
    search: () => new PeopleSearch(),
    offers: () => new ItemIndex('offers'),
    needs: () => new ItemIndex('needs'),
    graph: () => new NetworkGraph(),
  });
}
