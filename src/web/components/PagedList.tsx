import { Button, EmptyState, Paper, Skeleton, Stack, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list page needs of an infinite query (TanStack's `useInfiniteQuery` result). */
interface Pages {
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A list that loads page by page: placeholders while the first page loads, a card that says what
 * to do when there is nothing, the items as a list (`renderItem` returns each `<li>` with its key),
 * and a button for the next page.
 */
export function PagedList<T>({
  query,
  items,
  label,
  empty,
  renderItem,
  loadMore,
  skeletonHeight,
  gap = 'sm',
}: {
  query: Pages;
  items: readonly T[];
  /** The list's accessible name. */
  label: string;
  empty: { icon: ReactNode; title: string; text: string; action?: ReactNode };
  renderItem: (item: T) => ReactNode;
  loadMore: string;
  skeletonHeight: number;
  gap?: MantineSpacing;
}) {
  return (
    <>
      {query.isPending ? (
        <Stack gap={gap} aria-hidden="true">
          <Skeleton height={skeletonHeight} />
          <Skeleton height={skeletonHeight} />
        </Stack>
      ) : items.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState icon={empty.icon} withIndicatorBackground title={empty.title} description={empty.text}>
            {empty.action && <EmptyState.Actions>{empty.action}</EmptyState.Actions>}
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap={gap} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
          {items.map(renderItem)}
        </Stack>
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {loadMore}
        </Button>
      )}
    </>
  );
}
