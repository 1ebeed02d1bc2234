import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileImport, IconPlant2, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, keys } from '../../api/client.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { useLoadDemo } from '../people/useLoadDemo.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useUser } from './session.tsx';

/** The first step after sign-up: a network to explore, or a blank page. */
export default function WelcomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets });
  const demo = useLoadDemo(() => void navigate('/people', { replace: true }));

  if (facets.isPending) return <FullPageLoader />;
  if (facets.data && facets.data.total > 0) return <Navigate to="/people" replace />;

  return (
    <AuthLayout width={720}>
      <Stack gap="lg">
        <div>
          <Title order={2}>{t('welcome.title', { name: user.displayName })}</Title>
          <Text c="dimmed" mt={4}>
            {t('welcome.subtitle')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <StartCard icon={<IconUsersGroup size={24} />} color="teal" title={t('welcome.demoTitle')} text={t('welcome.demoText')}>
            <Button onClick={() => demo.mutate()} loading={demo.isPending}>
              {t('welcome.demoButton')}
            </Button>
          </StartCard>
          <StartCard icon={<IconPlant2 size={24} />} color="gray" title={t('welcome.emptyTitle')} text={t('welcome.emptyText')}>
            <Button variant="default" onClick={() => void navigate('/people', { replace: true })} disabled={demo.isPending}>
              {t('welcome.emptyButton')}
            </Button>
          </StartCard>
        </SimpleGrid>
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 280px' }}>
              <ThemeIcon size={36} radius="md" variant="light" color="blue">
                <IconFileImport size={20} />
              </ThemeIcon>
              <div>
                <Text fw={600}>{t('welcome.importTitle')}</Text>
                <Text size="sm" c="dimmed">
                  {t('welcome.importText')}
                </Text>
              </div>
            </Group>
            <Button component={Link} to="/import" variant="light" disabled={demo.isPending}>
              {t('welcome.importButton')}
            </Button>
          </Group>
        </Card>
        <Group justify="center">
          <Text size="xs" c="dimmed">
            {t('welcome.later')}
          </Text>
        </Group>
      </Stack>
    </AuthLayout>
  );
}

/** One of the two ways to start: an icon, what it does, and its button. */
function StartCard({
  icon,
  color,
  title,
  text,
  children,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  text: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm" h="100%">
        <ThemeIcon size={42} radius="md" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {text}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
