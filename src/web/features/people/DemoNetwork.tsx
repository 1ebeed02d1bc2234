import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlask, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, keys } from '../../api/client.ts';
import { notifySuccess } from '../../components/errors.ts';

/** The mark of a made-up person of the demo network. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('demo.badgeHelp')}>
      <Badge size="xs" variant="outline" color="grape" tt="none" data-testid="demo-badge" style={{ flexShrink: 0 }}>
        {t('demo.badge')}
      </Badge>
    </Tooltip>
  );
}

/** How many demo people the network holds (0: none). */
export function useDemoCount(): number {
  const status = useQuery({ queryKey: keys.demo, queryFn: api.demoStatus, staleTime: 60_000 });
  return status.data?.people ?? 0;
}

/** "Remove the demo network", after a confirmation that says what goes and what stays. */
export function RemoveDemoButton({ count }: { count: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: api.removeDemo,
    onSuccess: async (r) => {
      close();
      notifySuccess(t('demo.removed', { count: r.people }));
      // Pages of demo people would only 404 now: leave them, and forget them.
      if (location.pathname.startsWith('/people/')) await navigate('/people', { replace: true });
      qc.removeQueries({ queryKey: keys.persons });
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
  return (
    <>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
        {t('demo.remove')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('demo.removeTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('demo.removeText', { count })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('demo.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** On the People page while the demo network is there: what it is, and how to remove it. */
export function DemoBanner() {
  const { t } = useTranslation();
  const count = useDemoCount();
  if (count === 0) return null;
  return (
    <Alert color="grape" variant="light" icon={<IconFlask size={18} />} title={t('demo.bannerTitle')} data-testid="demo-banner">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('demo.bannerText', { count })}</Text>
        <RemoveDemoButton count={count} />
      </Stack>
    </Alert>
  );
}

/** In Settings, while the demo network is there. */
export function DemoCard() {
  const { t } = useTranslation();
  const count = useDemoCount();
  if (count === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('demo.settingsTitle')}>
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {t('demo.settingsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('demo.bannerText', { count })}
        </Text>
        <RemoveDemoButton count={count} />
      </Stack>
    </Paper>
  );
}
