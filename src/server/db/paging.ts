import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * Runs a list query newest first by a key column and then the id, at most `limit` rows, and
 * keyset-paged: with `before`, only the rows strictly before it (by its key, then its id). The
 * columns are named as the query names them (qualified where it joins).
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  columns: { key: string; id: string },
  before: { key: string; id: string } | undefined,
  limit: number,
) {
  const key = sql.ref(columns.key);
  const id = sql.ref(columns.id);
  if (before) {
    q = q.where((eb) => eb.or([eb(key, '<', before.key), eb.and([eb(key, '=', before.key), eb(id, '<', before.id)])]));
  }
  return q.orderBy(key, 'desc').orderBy(id, 'desc').limit(limit).execute();
}
