import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.tsx';
import { api, ApiError, keys, type Session } from '../../api/client.ts';
import { useLogout } from '../../components/AppLayout.tsx';
import { notifySuccess, reportFormError } from '../../components/errors.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { useUser } from '../auth/session.tsx';
import { CalendarFeedCard } from '../calendar/CalendarFeedCard.tsx';
import { LearningCard } from '../matching/LearningCard.tsx';
import { RoutineCard } from '../today/RoutineCard.tsx';
import { DemoCard } from '../people/DemoNetwork.tsx';
import { PrivacyCard } from '../privacy/PrivacyCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TokensCard } from '../tokens/TokensCard.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';

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
      <RoutineCard />
      <CalendarFeedCard />
      <LearningCard />
      <TokensCard />
      <DemoCard />
      <PrivacyCard />
      <Paper withBorder p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SectionHeading title={t('settings.logoutTitle')} help={t('settings.logoutText')} />
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
