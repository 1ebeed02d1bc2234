import { Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { FormActions } from './FormActions.tsx';

/**
 * A dialog holding one form (full screen at phone width): its fields, then what went wrong and
 * Cancel and the submit button. `onSubmit` runs without the browser's own submission.
 */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  error,
  saving,
  submitLabel,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  onSubmit: () => void;
  error: string | null;
  saving: boolean;
  /** "Save" unless given. */
  submitLabel?: string;
  children: ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} fullScreen={phone} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <FormActions error={error} onCancel={onClose} saving={saving} submitLabel={submitLabel} />
        </Stack>
      </form>
    </Modal>
  );
}
