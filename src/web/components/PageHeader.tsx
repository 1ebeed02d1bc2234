import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The top of every page: its title (the page's only h1), a line saying what it is for, and the
 * page's own actions on the right (they wrap under the title at phone width).
 */
export function PageHeader({
  title,
  subtitle,
  actions,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** More lines under the subtitle. */
  children?: ReactNode;
}) {
  const heading = (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      {subtitle !== undefined && (
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      )}
      {children}
    </div>
  );
  if (actions === undefined) return heading;
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      {heading}
      {actions}
    </Group>
  );
}
