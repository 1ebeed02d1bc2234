import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, keys, type Session } from '../api/client.ts';
import { isLocale, LOCALES, type Locale } from '#shared/api/values.ts';
import i18n, { currentLanguage } from '../i18n/index.ts';
import { useSession } from '../features/auth/session.tsx';

/** Switches the interface at once; when logged in, the choice is saved to the account. */
export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.updateAccount({ locale }),
    onSuccess: (user) => {
      qc.setQueryData<Session | null>(keys.session, (s) => (s ? { ...s, user } : s));
    },
  });

  const change = (value: string) => {
    if (!isLocale(value)) return;
    void i18n.changeLanguage(value);
    if (session.data) save.mutate(value);
  };

  return (
    <SegmentedControl
      size={size}
      radius="xl"
      value={currentLanguage()}
      onChange={change}
      aria-label={t('language.switch')}
      data={LOCALES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
