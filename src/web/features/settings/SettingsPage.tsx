import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconKey, IconLogout, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.tsx';
import { api, ApiError, keys, type ApiToken, type CreatedToken, type Session } from '../../api/client.ts';
import { useLogout } from '../../components/AppLayout.tsx';
import { notifySuccess, reportFormError } from '../../components/errors.ts';
import { formatDate, relativeTime } from '../../components/format.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { useUser } from '../auth/session.tsx';
import { LearningCard } from '../matching/LearningCard.tsx';
import { DemoCard } from '../people/DemoNetwork.tsx';
import { PrivacyCard } from '../privacy/PrivacyCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const MIN_PASSWORD = 8;

export default function SettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const logout = useLogout();
  return (
    <Stack gap="md" maw={900} mx="auto">
      <PageHeader
        title={t('settings.title')}
        subtitle={
          <>
            {user.email}
            {user.isAdmin && (
              <Badge ml="xs" size="sm" variant="light">
                {t('settings.admin')}
              </Badge>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ProfileCard />
        <PasswordCard />
      </SimpleGrid>
      <LearningCard />
      <TokensCard />
      <DemoCard />
      <PrivacyCard />
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h4">
              {t('settings.logoutTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.logoutText')}
            </Text>
          </div>
          <Button
            color="red"
            variant="light"
            leftSection={<IconLogout size={18} />}
            onClick={() => logout.mutate()}
            loading={logout.isPending}
          >
            {t('nav.logout')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const user = useUser();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { displayName: user.displayName },
    validate: { displayName: (v: string) => (v.trim() ? null : t('common.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { displayName: string }) => api.updateAccount({ displayName: v.displayName.trim() }),
    meta: { silent: true },
    onSuccess: (u) => {
      qc.setQueryData<Session | null>(keys.session, (s) => (s ? { ...s, user: u } : s));
      form.resetDirty({ displayName: u.displayName });
      notifySuccess(t('settings.saved'));
    },
    onError: (err) => reportFormError(err, ['displayName'], (p, m) => form.setFieldError(p, m)),
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('settings.profileTitle')}
        </Title>
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack gap="sm">
            <TextInput label={t('auth.displayName')} maxLength={120} {...form.getInputProps('displayName')} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('settings.language')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('settings.languageHelp')}
          </Text>
          <div>
            <LanguageSwitcher size="sm" />
          </div>
        </Stack>
      </Stack>
    </Paper>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '', revokeTokens: true },
    validate: {
      currentPassword: (v: string) => (v ? null : t('common.required')),
      newPassword: (v: string) => (v.length >= MIN_PASSWORD ? null : t('auth.passwordTooShort', { count: MIN_PASSWORD })),
      confirm: (v: string, values) => (v === values.newPassword ? null : t('settings.passwordsDiffer')),
    },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string; revokeTokens: boolean }) =>
      api.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword, revokeTokens: v.revokeTokens }),
    meta: { silent: true },
    onSuccess: async (r) => {
      form.reset();
      notifySuccess(
        r.revokedTokens > 0 ? t('settings.passwordChangedTokens', { count: r.revokedTokens }) : t('settings.passwordChanged'),
      );
      await qc.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (err) => {
      if (err instanceof ApiError && (err.code === 'invalid_credentials' || (err.status === 400 && err.details.length === 0))) {
        form.setFieldError('currentPassword', t('settings.wrongPassword'));
        return;
      }
      reportFormError(err, ['currentPassword', 'newPassword'], (p, m) => form.setFieldError(p, m));
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('settings.passwordTitle')}
          </Title>
          <PasswordField
            label={t('settings.currentPassword')}
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('settings.newPassword')}
            description={t('auth.passwordHint', { count: MIN_PASSWORD })}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordField label={t('settings.confirmPassword')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <Checkbox
            label={t('settings.revokeTokens')}
            description={t('settings.revokeTokensHelp')}
            {...form.getInputProps('revokeTokens', { type: 'checkbox' })}
          />
          <Text size="xs" c="dimmed">
            {t('settings.passwordOtherSessions')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('settings.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TokensCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: api.tokens });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const create = useMutation({
    mutationFn: (n: string) => api.createToken(n),
    meta: { silent: true },
    onSuccess: async (c) => {
      setCreated(c);
      setName('');
      await qc.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (err) => reportFormError(err, ['name'], (_p, m) => setNameError(m)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: async () => {
      setRevoking(null);
      notifySuccess(t('tokens.revoked'));
      await qc.invalidateQueries({ queryKey: keys.tokens });
    },
  });

  const items = tokens.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tokens.help')}
          </Text>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return setNameError(t('common.required'));
            setNameError(null);
            create.mutate(name.trim());
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError}
              maxLength={100}
              style={{ flex: 1 }}
            />
            <Button type="submit" leftSection={<IconKey size={16} />} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('tokens.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tk) => (
                  <Table.Tr key={tk.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {tk.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{tk.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(tk.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {tk.lastUsedAt ? relativeTime(tk.lastUsedAt) : t('tokens.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Tooltip label={t('tokens.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(tk)}
                          aria-label={t('tokens.revokeNamed', { name: tk.name })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('tokens.createdTitle')} centered size="lg">
        {created && (
          <Stack gap="sm">
            <Alert color="orange" variant="light">
              {t('tokens.createdWarning')}
            </Alert>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="token-secret">
                {created.secret}
              </Code>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('tokens.copied') : t('tokens.copy')} withArrow>
                    <ActionIcon
                      color={copied ? 'teal' : 'gray'}
                      variant="light"
                      size="lg"
                      onClick={copy}
                      aria-label={t('tokens.copy')}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('tokens.usage')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)}>{t('tokens.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('tokens.revokeTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('tokens.revokeText', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
