import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FullPageLoader({ error, onRetry }: { error?: boolean; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      {error ? (
        <Stack align="center" gap="sm">
          <Text c="dimmed">{t('errors.network_error')}</Text>
          {onRetry && (
            <Button variant="light" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </Stack>
      ) : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Center>
  );
}
