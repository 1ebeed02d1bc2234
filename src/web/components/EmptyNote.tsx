import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The dimmed italic line a list shows in its place when it has nothing in it. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}
