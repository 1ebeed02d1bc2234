import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';

export function Logo({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={size === 'xl' ? 40 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: 'teal.6', to: 'cyan.7', deg: 135 }}
      >
        <IconAffiliate size={size === 'xl' ? 24 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} size={size === 'xl' ? '1.6rem' : '1.25rem'} c="dark.7" style={{ letterSpacing: '-0.02em' }}>
        Rete
      </Text>
    </Group>
  );
}
