import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One choice kept in the page's query string (`?status=asked`), so a filtered list survives a
 * reload and can be linked. A value that is not one of `allowed` reads as no choice; choosing
 * nothing removes the parameter. Changes replace the history entry instead of adding one.
 */
export function useUrlChoice<T extends string>(
  name: string,
  allowed: readonly T[],
): [T | undefined, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
  const set = useCallback(
    (next: string | null) =>
      setParams(
        (p) => {
          const n = new URLSearchParams(p);
          if (next) n.set(name, next);
          else n.delete(name);
          return n;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [value, set];
}
