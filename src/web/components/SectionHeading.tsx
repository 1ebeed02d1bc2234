import { Group, Text, Title, type MantineSize, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The top of a card or section inside a page: its title (h2 for a card of its own, h3 for a part
 * of one), an optional icon before it, and an optional dimmed line saying what it is for.
 */
export function SectionHeading({
  title,
  help,
  icon,
  order = 2,
  size = 'h4',
  helpSize = 'sm',
}: {
  title: ReactNode;
  help?: ReactNode;
  icon?: ReactNode;
  order?: TitleOrder;
  size?: 'h4' | 'h5' | 'h6';
  helpSize?: MantineSize;
}) {
  const heading = (
    <Title order={order} size={size}>
      {title}
    </Title>
  );
  return (
    <div>
      {icon === undefined ? (
        heading
      ) : (
        <Group gap="xs" wrap="nowrap">
          {icon}
          {heading}
        </Group>
      )}
      {help !== undefined && (
        <Text size={helpSize} c="dimmed">
          {help}
        </Text>
      )}
    </div>
  );
}

/** A setting's name in bold with a dimmed line of help under it. */
export function SettingLabel({ label, help, helpSize = 'sm' }: { label: ReactNode; help: ReactNode; helpSize?: MantineSize }) {
  return (
    <div>
      <Text fw={500} size="sm">
        {label}
      </Text>
      <Text size={helpSize} c="dimmed">
        {help}
      </Text>
    </div>
  );
}
