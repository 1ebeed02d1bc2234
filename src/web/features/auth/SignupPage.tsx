import { Alert, Anchor, Button, List, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Link } from 'react-router';
import { api, ApiError, keys } from '../../api/client.ts';
import { reportFormError } from '../../components/errors.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { AuthLayout, AuthSwitch } from './AuthLayout.tsx';
import { useAuthState, useStartSession } from './session.tsx';

const MIN_PASSWORD = 8;

interface SignupValues {
  displayName: string;
  email: string;
  password: string;
}

export default function SignupPage() {
  const { t } = useTranslation();
  const state = useAuthState();
  const qc = useQueryClient();
  const startSession = useStartSession();
  const first = state.data ? !state.data.hasUsers : false;
  // The sign-up answers the same whether the address is new or not, and never logs in: the page
  // logs in with the same email and password. When that fails, the address had an account (its
  // owner was told by email) and the password is not its own.
  const [existing, setExisting] = useState(false);

  const form = useForm<SignupValues>({
    initialValues: { displayName: '', email: '', password: '' },
    validate: {
      displayName: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      password: (v) => (v.length >= MIN_PASSWORD ? null : t('auth.passwordTooShort', { count: MIN_PASSWORD })),
    },
  });

  const signup = useMutation({
    mutationFn: async (v: SignupValues) => {
      await api.signup({
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        password: v.password,
        locale: currentLanguage(),
      });
      return api.login({ email: v.email.trim(), password: v.password });
    },
    meta: { silent: true },
    onSuccess: (s) => {
      setExisting(false);
      startSession(s, '/welcome');
      void qc.invalidateQueries({ queryKey: keys.authState });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        setExisting(true);
        return;
      }
      reportFormError(err, ['displayName', 'email', 'password'], (p, m) => form.setFieldError(p, m));
    },
  });

  if (state.isPending) return <FullPageLoader />;
  const closed = state.data ? state.data.hasUsers && !state.data.signupOpen : false;

  return (
    <AuthLayout width={first ? 520 : 440}>
      <Stack gap="md">
        <div>
          <Title order={2}>{first ? t('auth.welcomeTitle') : t('auth.signupTitle')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {first ? t('auth.welcomeSubtitle') : t('auth.signupSubtitle')}
          </Text>
        </div>
        {first && (
          <>
            <List
              spacing={6}
              size="sm"
              icon={
                <ThemeIcon color="teal" size={20} radius="xl" variant="light">
                  <IconCheck size={14} />
                </ThemeIcon>
              }
            >
              <List.Item>{t('auth.welcomePoint1')}</List.Item>
              <List.Item>{t('auth.welcomePoint2')}</List.Item>
              <List.Item>{t('auth.welcomePoint3')}</List.Item>
            </List>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
              {t('auth.firstAccountAdmin')}
            </Alert>
          </>
        )}
        {existing && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} role="status">
            {t('auth.signupExisting')}{' '}
            <Anchor component={Link} to="/login" fw={500}>
              {t('auth.loginLink')}
            </Anchor>
          </Alert>
        )}
        {closed ? (
          <Alert color="gray" variant="light">
            {t('auth.signupClosed')}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((v) => signup.mutate(v))} noValidate>
            <Stack gap="md">
              <TextInput
                label={t('auth.displayName')}
                autoComplete="name"
                required
                autoFocus
                {...form.getInputProps('displayName')}
              />
              <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <PasswordField
                label={t('auth.password')}
                description={t('auth.passwordHint', { count: MIN_PASSWORD })}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={signup.isPending} fullWidth mt="xs">
                {first ? t('auth.createAdminButton') : t('auth.signupButton')}
              </Button>
            </Stack>
          </form>
        )}
        {state.data?.hasUsers && <AuthSwitch question={t('auth.haveAccount')} link={t('auth.loginLink')} to="/login" />}
      </Stack>
    </AuthLayout>
  );
}
