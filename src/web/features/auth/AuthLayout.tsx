import { Anchor, Box, Center, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { Logo } from '../../components/Logo.tsx';

export function AuthLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Center px="sm" pb="xl" pt={{ base: 'md', sm: 40 }}>
        <Container size={width} p={0} w="100%">
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}

/** The line under a log-in or sign-up form that leads to the other one ("No account? Sign up"). */
export function AuthSwitch({ question, link, to }: { question: string; link: string; to: string }) {
  return (
    <Text size="sm" ta="center" c="dimmed">
      {question}{' '}
      <Anchor component={Link} to={to} fw={500}>
        {link}
      </Anchor>
    </Text>
  );
}
