import { ActionIcon, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The two icon buttons at the end of an editable row: edit it, and delete it (busy while deleting). */
export function RowActions({ onEdit, onDelete, deleting }: { onEdit: () => void; onDelete: () => void; deleting: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={t('common.edit')}>
        <IconPencil size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red" onClick={onDelete} loading={deleting} aria-label={t('common.delete')}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
