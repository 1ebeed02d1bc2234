import { ActionIcon, Badge, Group, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonPicker, type PersonRef } from '../../components/PersonPicker.tsx';

/** Several of my contacts: the chosen ones as removable badges, and a search to add one more. */
export function PeopleMultiPicker({
  label,
  value,
  onChange,
  error,
  max = 50,
}: {
  label: string;
  value: PersonRef[];
  onChange: (v: PersonRef[]) => void;
  error?: string | null | undefined;
  max?: number;
}) {
  const { t } = useTranslation();
  // A new picker after each choice: it starts empty again.
  const [round, setRound] = useState(0);
  return (
    <Stack gap={6}>
      {value.length > 0 && (
        <div>
          <Text size="sm" fw={500} mb={4}>
            {label}
          </Text>
          <Group gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={label}>
            {value.map((p) => (
              <li key={p.id}>
                <Badge
                  variant="light"
                  size="lg"
                  tt="none"
                  pr={3}
                  rightSection={
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      color="gray"
                      onClick={() => onChange(value.filter((x) => x.id !== p.id))}
                      aria-label={t('ledger.removeRecipient', { name: p.name })}
                    >
                      <IconX size={12} />
                    </ActionIcon>
                  }
                >
                  {p.name}
                </Badge>
              </li>
            ))}
          </Group>
        </div>
      )}
      {value.length < max && (
        <PersonPicker
          key={round}
          label={value.length === 0 ? label : t('ledger.addRecipient')}
          value={null}
          exclude={value.map((p) => p.id)}
          onChange={(p) => {
            if (!p) return;
            onChange([...value, p]);
            setRound((r) => r + 1);
          }}
          error={error}
        />
      )}
    </Stack>
  );
}
