import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The end of a form in a dialog: what went wrong, if anything, then Cancel and the submit button. */
export function FormActions({
  error,
  onCancel,
  saving,
  submitLabel,
  errorTestId,
}: {
  error: string | null;
  onCancel: () => void;
  saving: boolean;
  /** "Save" unless given. */
  submitLabel?: string;
  errorTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid={errorTestId}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
