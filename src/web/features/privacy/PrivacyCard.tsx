import { Alert, Badge, Button, Divider, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconBraces, IconShieldLock, IconUserX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SUPPRESSION_KINDS } from '#shared/api/values.ts';
import { api, ApiError, keys } from '../../api/client.ts';
import { notifySuccess, reportFormError } from '../../components/errors.ts';
import { formatDate } from '../../components/format.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useEndSession } from '../auth/session.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { SectionHeading, SettingLabel } from '../../components/SectionHeading.tsx';

const KNOWN_KINDS = new Set<string>(SUPPRESSION_KINDS);

/** Settings → Privacy: my data out (GDPR art. 15 and 20), the suppression list, and leaving for good. */
export function PrivacyCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('privacy.settingsTitle')}>
      <Stack gap="md">
        <SectionHeading
          icon={<IconShieldLock size={20} color="var(--mantine-color-gray-6)" />}
          title={t('privacy.settingsTitle')}
          help={t('privacy.settingsHelp')}
        />

        <Group justify="space-between" wrap="wrap" gap="sm">
          <div style={{ flex: '1 1 260px' }}>
            <Text fw={500} size="sm">
              {t('privacy.downloadTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('privacy.downloadHelp')}
            </Text>
          </div>
          <Button component="a" href={api.exportUrl('json')} download variant="light" leftSection={<IconBraces size={18} />}>
            {t('privacy.download')}
          </Button>
        </Group>

        <Divider />
        <Suppressions />
        <Divider />
        <DeleteAccount />
      </Stack>
    </Paper>
  );
}

function Suppressions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: keys.suppressions, queryFn: api.suppressions });
  const lift = useMutation({
    mutationFn: (id: string) => api.liftSuppression(id),
    onSuccess: async () => {
      notifySuccess(t('privacy.suppressionLifted'));
      await qc.invalidateQueries({ queryKey: keys.suppressions });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={t('privacy.suppressionsTitle')}>
      <SettingLabel label={t('privacy.suppressionsTitle')} help={t('privacy.suppressionsHelp')} />
      {list.isPending ? null : items.length === 0 ? (
        <EmptyNote>{t('privacy.suppressionsEmpty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.suppressedOn')}</Table.Th>
                <Table.Th>{t('privacy.suppressedBy')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm">{formatDate(s.createdAt)}</Text>
                    {s.reason && (
                      <Text size="xs" c="dimmed" className="rete-break">
                        {s.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s.kinds.map((k) => (
                        <Badge key={k} size="sm" variant="light" color="gray" tt="none">
                          {KNOWN_KINDS.has(k) ? t(`privacy.kinds.${k}`) : k}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => lift.mutate(s.id)}
                      loading={lift.isPending && lift.variables === s.id}
                      aria-label={t('privacy.liftNamed', { date: formatDate(s.createdAt) })}
                    >
                      {t('privacy.lift')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const endSession = useEndSession();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const del = useMutation({
    mutationFn: (pw: string) => api.deleteAccount(pw),
    meta: { silent: true },
    onSuccess: () => {
      setOpened(false);
      endSession();
      void navigate('/login', { replace: true });
      notifySuccess(t('privacy.accountDeleted'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        setError(t('privacy.wrongPassword'));
        return;
      }
      if (err instanceof ApiError && err.status === 409) {
        setError(t('privacy.lastAdmin'));
        return;
      }
      reportFormError(err, ['password'], (_p, m) => setError(m));
    },
  });
  const close = () => {
    setOpened(false);
    setPassword('');
    setError(null);
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div style={{ flex: '1 1 260px' }}>
          <Text fw={500} size="sm" c="red.8">
            {t('privacy.deleteAccountTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('privacy.deleteAccountHelp')}
          </Text>
        </div>
        <Button color="red" variant="outline" leftSection={<IconUserX size={18} />} onClick={() => setOpened(true)}>
          {t('privacy.deleteAccount')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('privacy.deleteAccountConfirmTitle')} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!password) return setError(t('common.required'));
            setError(null);
            del.mutate(password);
          }}
          noValidate
        >
          <Stack gap="md">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('privacy.deleteAccountWarning')}
            </Alert>
            <PasswordField
              label={t('privacy.deleteAccountPassword')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={del.isPending}>
                {t('privacy.deleteAccountConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
