import type { Db } from '../../db/db.ts';
import { currentVersion } from '../network/changes.ts';
import type { Deps } from '../../deps.ts';
import { getPerson } from './people.service.ts';

/**
 * The serialised detail of recently read people, valid for one version of their owner's network.
 * Every change to a person, their needs, offers, timeline or relationships bumps that version in
 * the same transaction (network/changes.ts), so a cached entry is never served after a change,
 * by this process or any other. Reading the version is one indexed lookup instead of the nine
 * queries of a person's detail.
 */
export class PersonCache {
  private readonly entries = new Map<string, { version: number; json: Buffer }>();

  constructor(
    private readonly db: Db,
    private readonly max = 5_000,
  ) {}

  /** `version`: the owner's network version if already read in this request (AuthInfo.networkVersion). */
  async json(deps: Deps, ownerId: string, personId: string, version?: number): Promise<Buffer> {
    version ??= await currentVersion(this.db, ownerId);
    const key = `${ownerId}/${personId}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Refresh its place in the LRU order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.json;
    }
    // Kept as UTF-8 bytes: sent as they are, without encoding the text again on every hit.
    const json = Buffer.from(JSON.stringify(await getPerson(deps, ownerId, personId)));
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { version, json });
    return json;
  }
}
