import { ActionIcon, AppShell, Avatar, Burger, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowMerge,
  IconArrowsLeftRight,
  IconChartBar,
  IconFileImport,
  IconGift,
  IconMail,
  IconLogout,
  IconSearch,
  IconSettings,
  IconSunHigh,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useEndSession, useUser } from '../features/auth/session.tsx';
import { NeedBox } from '../features/matching/NeedBox.tsx';
import { QuickCaptureButton, QuickCaptureProvider } from '../features/today/QuickCapture.tsx';
import { initials } from './format.ts';
import { FullPageLoader } from './FullPageLoader.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';

export function useLogout() {
  const endSession = useEndSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      endSession();
      void navigate('/login', { replace: true });
    },
  });
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const user = useUser();
  const logout = useLogout();
  // The results page has its own, bigger "I need…" box.
  const onFind = location.pathname === '/find';

  // On a phone the menu covers the page: close it once a page is chosen.
  useEffect(() => close(), [location.pathname, close]);

  const links = [
    { to: '/today', label: t('nav.today'), icon: IconSunHigh },
    { to: '/people', label: t('nav.people'), icon: IconUsers },
    { to: '/find', label: t('nav.find'), icon: IconSearch },
    { to: '/me', label: t('nav.me'), icon: IconUserCircle },
    { to: '/intros', label: t('nav.intros'), icon: IconArrowsLeftRight },
    { to: '/outbox', label: t('nav.outbox'), icon: IconMail },
    { to: '/ledger', label: t('nav.ledger'), icon: IconGift },
    { to: '/givers-gain', label: t('nav.giversGain'), icon: IconChartBar },
    { to: '/duplicates', label: t('nav.duplicates'), icon: IconArrowMerge },
    { to: '/import', label: t('nav.importExport'), icon: IconFileImport },
    { to: '/settings', label: t('nav.settings'), icon: IconSettings },
  ];

  return (
    <QuickCaptureProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
              <UnstyledButton component={Link} to="/today" aria-label={t('nav.home')}>
                <Logo />
              </UnstyledButton>
            </Group>
            {!onFind && (
              <Group visibleFrom="sm" style={{ flex: 1, minWidth: 0 }} justify="center">
                <NeedBox />
              </Group>
            )}
            <Group gap="sm" wrap="nowrap">
              <QuickCaptureButton />
              {!onFind && (
                <ActionIcon
                  component={Link}
                  to="/find"
                  hiddenFrom="sm"
                  variant="light"
                  radius="xl"
                  size="lg"
                  aria-label={t('find.open')}
                >
                  <IconSearch size={18} />
                </ActionIcon>
              )}
              <LanguageSwitcher />
              <UnstyledButton component={Link} to="/settings" visibleFrom="sm" aria-label={t('nav.settings')}>
                <Group gap={8} wrap="nowrap">
                  <Avatar size={30} radius="xl" color="teal">
                    {initials(user.displayName)}
                  </Avatar>
                  <Text size="sm" fw={500} maw={160} truncate>
                    {user.displayName}
                  </Text>
                </Group>
              </UnstyledButton>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {links.map((l) => (
                <NavLink
                  key={l.to}
                  component={Link}
                  to={l.to}
                  label={l.label}
                  leftSection={<l.icon size={20} stroke={1.6} />}
                  active={location.pathname === l.to || location.pathname.startsWith(`${l.to}/`)}
                  variant="light"
                  styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
                />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" pb={4} hiddenFrom="sm" truncate>
              {user.displayName} · {user.email}
            </Text>
            <NavLink
              component="button"
              label={t('nav.logout')}
              leftSection={<IconLogout size={20} stroke={1.6} />}
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
            />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main bg="gray.0">
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </QuickCaptureProvider>
  );
}
