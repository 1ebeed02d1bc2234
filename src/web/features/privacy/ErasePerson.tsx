import { ActionIcon, Button, Checkbox, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, keys, type PersonDetail } from '../../api/client.ts';
import { notifySuccess } from '../../components/errors.ts';
import { useInvalidateNetwork } from '../people/hooks.ts';

/**
 * Erasing a person (GDPR art. 17): everything about them, everywhere, after a confirmation; with
 * the suppression box ticked, later imports skip them instead of bringing them back.
 * `variant="icon"` is the trash button of the page header, `"button"` the one of the privacy section.
 */
export function ErasePersonButton({ person, variant }: { person: PersonDetail; variant: 'icon' | 'button' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateNetwork();
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [suppress, setSuppress] = useState(false);
  const [reason, setReason] = useState('');
  const erase = useMutation({
    mutationFn: () => api.erasePerson(person.id, { suppress, reason }),
    onSuccess: async () => {
      close();
      notifySuccess(suppress ? t('privacy.erasedSuppressed', { name: person.name }) : t('person.deleted', { name: person.name }));
      // Forget the erased person before anything refetches it (a refetch would only 404), and the
      // people they were tied to, whose cached pages still show the tie.
      const touched = new Set([person.id, ...person.relationships.map((r) => r.other.id)]);
      const gone = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] === 'person' && touched.has(String(q.queryKey[1]));
      await qc.cancelQueries({ predicate: gone });
      await navigate('/people', { replace: true });
      qc.removeQueries({ predicate: gone });
      await Promise.all([
        invalidate(),
        qc.invalidateQueries({ queryKey: keys.duplicates }),
        qc.invalidateQueries({ queryKey: keys.suppressions }),
      ]);
    },
  });
  if (person.isSelf) return null;

  const start = () => {
    setSuppress(false);
    setReason('');
    open();
  };

  return (
    <>
      {variant === 'icon' ? (
        <Tooltip label={t('person.delete')}>
          <ActionIcon variant="subtle" color="red" size="lg" onClick={start} aria-label={t('person.delete')}>
            <IconTrash size={20} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={start}>
          {t('privacy.erase')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={t('person.deleteTitle', { name: person.name })} centered>
        <Stack gap="md">
          <Text size="sm">{t('person.deleteText')}</Text>
          <Checkbox
            checked={suppress}
            onChange={(e) => setSuppress(e.currentTarget.checked)}
            label={t('privacy.suppress')}
            description={t('privacy.suppressHelp')}
          />
          {suppress && (
            <TextInput
              label={t('privacy.suppressReason')}
              placeholder={t('privacy.suppressReasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => erase.mutate()} loading={erase.isPending}>
              {t('person.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
