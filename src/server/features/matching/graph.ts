import type { NetworkView } from '../network/network-cache.ts';
import type { LoadedDocs } from '../people/people.repo.ts';

/** How I reach a helper. */
export type Path =
  | { kind: 'self' }
  | { kind: 'direct'; strength: number | null; lastInteractionAt: string | null }
  | {
      kind: 'via';
      /** Intermediaries, best first: the person I know who knows the helper. */
      via: Array<{
        personId: string;
        name: string;
        myStrength: number | null;
        theirStrength: number;
        lastInteractionAt: string | null;
      }>;
    }
  | { kind: 'none'; lastInteractionAt: string | null };

const NO_TIME = -1;

/**
 * "Who knows whom" of one owner's network, in memory. Nodes are small integers; each node's
 * neighbours are an Int32Array of (neighbour << 2 | strength), so two million relationships
 * cost tens of megabytes and a two-hop neighbourhood is a few array scans.
 */
export class NetworkGraph implements NetworkView {
  private readonly index = new Map<string, number>();
  private ids: string[] = [];
  private names: string[] = [];
  private lastAt: number[] = [];
  /** Timeline entries per person. */
  private entries: number[] = [];
  private adj: Int32Array[] = [];
  private selfNode = -1;
  private static readonly EMPTY = new Int32Array(0);

  private node(id: string): number {
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.index.set(id, n);
      this.ids.push(id);
      this.names.push('');
      this.lastAt.push(NO_TIME);
      this.entries.push(0);
      this.adj.push(NetworkGraph.EMPTY);
    }
    return n;
  }

  apply(loaded: LoadedDocs, ids: readonly string[] | null): void {
    if (ids) {
      // Drop every edge touching a changed person; the loaded rows bring back the current ones.
      for (const id of ids) {
        const n = this.index.get(id);
        if (n === undefined) continue;
        for (const e of this.adj[n] as Int32Array) this.unlink(e >> 2, n);
        this.adj[n] = NetworkGraph.EMPTY;
        this.names[n] = '';
        this.lastAt[n] = NO_TIME;
        this.entries[n] = 0;
      }
    }
    for (const p of loaded.people) {
      const n = this.node(p.id);
      this.names[n] = p.name;
      if (p.is_self === 1) this.selfNode = n;
    }
    for (const l of loaded.lastInteraction) {
      const n = this.node(l.person_id);
      this.lastAt[n] = Date.parse(l.last);
      this.entries[n] = l.count;
    }
    if (ids) {
      const seen = new Set<string>();
      for (const r of loaded.relationships) {
        const key = `${r.person_a_id}|${r.person_b_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = this.node(r.person_a_id);
        const b = this.node(r.person_b_id);
        // An edge between two changed people was unlinked from both; one between a changed and an
        // unchanged person only from the changed side's list and the unchanged one's entry.
        this.unlink(a, b);
        this.unlink(b, a);
        this.link(a, b, r.strength);
        this.link(b, a, r.strength);
      }
    } else {
      const lists = new Map<number, number[]>();
      for (const r of loaded.relationships) {
        const a = this.node(r.person_a_id);
        const b = this.node(r.person_b_id);
        const s = Math.max(1, Math.min(3, r.strength));
        (lists.get(a) ?? lists.set(a, []).get(a))?.push((b << 2) | s);
        (lists.get(b) ?? lists.set(b, []).get(b))?.push((a << 2) | s);
      }
      for (const [n, list] of lists) this.adj[n] = Int32Array.from(list);
    }
  }

  private link(from: number, to: number, strength: number): void {
    const old = this.adj[from] as Int32Array;
    const next = new Int32Array(old.length + 1);
    next.set(old);
    next[old.length] = (to << 2) | Math.max(1, Math.min(3, strength));
    this.adj[from] = next;
  }

  private unlink(from: number, to: number): void {
    const old = this.adj[from] as Int32Array;
    let k = 0;
    for (const e of old) if (e >> 2 === to) k++;
    if (k === 0) return;
    const next = new Int32Array(old.length - k);
    let i = 0;
    for (const e of old) if (e >> 2 !== to) next[i++] = e;
    this.adj[from] = next;
  }

  get edgeCount(): number {
    let n = 0;
    for (const a of this.adj) n += a.length;
    return n / 2;
  }

  private iso(n: number): string | null {
    const t = this.lastAt[n] ?? NO_TIME;
    return t === NO_TIME ? null : new Date(t).toISOString();
  }

  /**
   * How the owner reaches `personId`: themself, directly, or through contacts who know them,
   * the strongest and most recent ties first (at most `maxVia`).
   */
  pathTo(personId: string, maxVia = 3): Path {
    const n = this.index.get(personId);
    if (n === undefined) return { kind: 'none', lastInteractionAt: null };
    if (n === this.selfNode) return { kind: 'self' };
    const mine = this.myTies();
    const direct = (m: number) => mine.has(m) || (this.lastAt[m] ?? NO_TIME) !== NO_TIME;
    if (direct(n)) return { kind: 'direct', strength: mine.get(n) ?? null, lastInteractionAt: this.iso(n) };
    const candidates: Array<{ node: number; mine: number | null; theirs: number; score: number }> = [];
    for (const e of this.adj[n] as Int32Array) {
      const m = e >> 2;
      if (m === this.selfNode || !direct(m)) continue;
      const my = mine.get(m) ?? null;
      const theirs = e & 3;
      // The weakest link bounds how well an introduction travels; recency breaks ties.
      const tie = Math.min(my ?? 2, theirs);
      const t = this.lastAt[m] ?? NO_TIME;
      candidates.push({ node: m, mine: my, theirs, score: tie * 1e13 + (t === NO_TIME ? 0 : t) });
    }
    if (candidates.length === 0) return { kind: 'none', lastInteractionAt: null };
    candidates.sort((a, b) => b.score - a.score);
    return {
      kind: 'via',
      via: candidates.slice(0, maxVia).map((c) => ({
        personId: this.ids[c.node] as string,
        name: this.names[c.node] as string,
        myStrength: c.mine,
        theirStrength: c.theirs,
        lastInteractionAt: this.iso(c.node),
      })),
    };
  }

  /** The person's name, or null for someone not in the network, or the owner. */
  contactName(personId: string): string | null {
    const n = this.index.get(personId);
    if (n === undefined || n === this.selfNode) return null;
    return this.names[n] || null;
  }

  /** The instant (ms) of the person's last timeline entry, or null. */
  lastInteractionMs(personId: string): number | null {
    const n = this.index.get(personId);
    const t = n === undefined ? NO_TIME : (this.lastAt[n] ?? NO_TIME);
    return t === NO_TIME ? null : t;
  }

  /** The people of the network, the owner not counted. */
  get peopleCount(): number {
    let n = 0;
    for (let i = 0; i < this.names.length; i++) if (this.names[i] !== '' && i !== this.selfNode) n++;
    return n;
  }

  /**
   * Strong ties whose last timeline entry is before `before` (ms): people I know closely (a tie of
   * strength 3 to me) or with at least `minEntries` timeline entries; the longest silent first.
   */
  quietStrongTies(minEntries: number, before: number): Array<{ personId: string; name: string; lastAt: string }> {
    const mine = this.myTies();
    const out: Array<{ n: number; t: number }> = [];
    for (let n = 0; n < this.ids.length; n++) {
      if (n === this.selfNode || this.names[n] === '') continue;
      const t = this.lastAt[n] ?? NO_TIME;
      if (t === NO_TIME || t >= before) continue;
      if (mine.get(n) === 3 || (this.entries[n] ?? 0) >= minEntries) out.push({ n, t });
    }
    out.sort((a, b) => a.t - b.t);
    return out.map(({ n, t }) => ({
      personId: this.ids[n] as string,
      name: this.names[n] as string,
      lastAt: new Date(t).toISOString(),
    }));
  }

  private tiesOf: Int32Array | null = null;
  private ties = new Map<number, number>();

  /** My own ties (node -> strength), rebuilt only when my adjacency list changed. */
  private myTies(): Map<number, number> {
    const list = this.selfNode >= 0 ? (this.adj[this.selfNode] as Int32Array) : NetworkGraph.EMPTY;
    if (list !== this.tiesOf) {
      this.ties = new Map();
      for (const e of list) this.ties.set(e >> 2, e & 3);
      this.tiesOf = list;
    }
    return this.ties;
  }
}
