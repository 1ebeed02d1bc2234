import { Button, Group } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GiveModal } from '../ledger/GiveModal.tsx';
import { IntroduceButton } from './IntroduceButton.tsx';

/** On a person's page: introduce them to someone, or record something I gave them (and the page's own actions after). */
export function PersonActions({
  person,
  children,
}: {
  person: { id: string; name: string; isSelf: boolean };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [giving, setGiving] = useState(false);
  if (person.isSelf) return null;
  const ref = { id: person.id, name: person.name };
  return (
    <Group gap="xs" mt={6}>
      <IntroduceButton a={{ kind: 'person', person: ref }} label={t('intros.introduceTo')} size="xs" />
      <Button size="xs" variant="light" color="grape" leftSection={<IconGift size={14} />} onClick={() => setGiving(true)}>
        {t('ledger.give.add')}
      </Button>
      {children}
      {giving && <GiveModal opened onClose={() => setGiving(false)} recipients={[ref]} />}
    </Group>
  );
}
