import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, type LoginInput } from '../../api/client.ts';
import { errorMessage, reportFormError } from '../../components/errors.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { AuthLayout, AuthSwitch } from './AuthLayout.tsx';
import { useAuthState, useStartSession } from './session.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const state = useAuthState();
  const location = useLocation();
  const startSession = useStartSession();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<LoginInput>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      password: (v) => (v.length > 0 ? null : t('common.required')),
    },
  });

  const login = useMutation({
    mutationFn: (v: LoginInput) => api.login({ email: v.email.trim(), password: v.password }),
    meta: { silent: true },
    onSuccess: (s) => {
      const from = (location.state as { from?: string } | null)?.from;
      startSession(s, from && from.startsWith('/') && !from.startsWith('//') ? from : '/today');
    },
    onError: (err) => {
      if (err instanceof ApiError && (err.code === 'invalid_credentials' || err.code === 'rate_limited')) {
        setFormError(errorMessage(err));
        return;
      }
      reportFormError(err, ['email', 'password'], (p, m) => form.setFieldError(p, m));
    },
  });

  if (state.isPending) return <FullPageLoader />;
  if (state.data && !state.data.hasUsers) return <Navigate to="/signup" replace />;

  return (
    <AuthLayout>
      <form
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          login.mutate(v);
        })}
        noValidate
      >
        <Stack gap="md">
          <div>
            <Title order={2}>{t('auth.loginTitle')}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('auth.loginSubtitle')}
            </Text>
          </div>
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t('auth.loginButton')}
          </Button>
          {state.data?.signupOpen && <AuthSwitch question={t('auth.noAccount')} link={t('auth.signupLink')} to="/signup" />}
        </Stack>
      </form>
    </AuthLayout>
  );
}
