import { Alert, Button, Modal, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/errors.ts';
import { digestApi, digestKeys } from './digest.api.ts';

/** "See this week's digest": the email as it would leave now (its subject and text). */
export function DigestPreviewButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" size="xs" leftSection={<IconMailOpened size={14} />} onClick={() => setOpened(true)}>
        {t('routine.digestPreview')}
      </Button>
      {opened && <DigestPreviewModal onClose={() => setOpened(false)} />}
    </>
  );
}

function DigestPreviewModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useQuery({ queryKey: digestKeys.preview, queryFn: digestApi.preview, staleTime: 0, meta: { silent: true } });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('routine.digestPreviewTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {preview.isPending ? (
        <Stack gap="xs">
          <Skeleton height={20} width="60%" />
          <Skeleton height={200} />
        </Stack>
      ) : preview.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(preview.error)}
        </Alert>
      ) : (
        <Stack gap="sm" data-testid="digest-preview">
          <Text fw={600}>{preview.data.subject}</Text>
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="sm" className="rete-pre">
              {preview.data.text}
            </Text>
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}
