import { Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconChevronDown, IconClockPause, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions.tsx';
import { addDays, formatDay, isDay } from './days.ts';
import type { TodayItem } from './routine.api.ts';
import { useTodayMark } from './useTodayMark.tsx';

/**
 * Done, snooze until…, not relevant: the three answers every item of Today takes, each in one tap
 * (a snooze picks its day from a menu). `today` and `weekStart` are the server's, in the user's zone.
 */
export function MarkButtons({
  item,
  today,
  weekStart,
  doneLabel,
}: {
  item: TodayItem;
  today: string;
  weekStart: string;
  /** "I'll handle it" for a way to give. */
  doneLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const mark = useTodayMark();
  const [picking, setPicking] = useState(false);
  const tomorrow = addDays(today, 1);
  const nextWeek = addDays(weekStart, 7);
  const snooze = (until: string) => mark.mutate({ item, state: 'snoozed', until });
  return (
    <Group gap={4} wrap="wrap" data-testid="today-marks">
      <Button
        size="compact-sm"
        px={8}
        variant="light"
        color="teal"
        leftSection={<IconCheck size={14} />}
        onClick={() => mark.mutate({ item, state: 'done' })}
      >
        {doneLabel ?? t('today.done')}
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            px={8}
            variant="subtle"
            color="gray"
            leftSection={<IconClockPause size={14} />}
            rightSection={<IconChevronDown size={12} />}
          >
            {t('today.snooze')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('today.snoozeUntil')}</Menu.Label>
          <Menu.Item onClick={() => snooze(tomorrow)}>
            {t('today.tomorrow')}{' '}
            <Text span size="xs" c="dimmed">
              {formatDay(tomorrow, i18n.language)}
            </Text>
          </Menu.Item>
          <Menu.Item onClick={() => snooze(nextWeek)}>
            {t('today.nextWeek')}{' '}
            <Text span size="xs" c="dimmed">
              {formatDay(nextWeek, i18n.language)}
            </Text>
          </Menu.Item>
          <Menu.Item onClick={() => setPicking(true)}>{t('today.pickDate')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        size="compact-sm"
        px={8}
        variant="subtle"
        color="gray"
        leftSection={<IconX size={14} />}
        onClick={() => mark.mutate({ item, state: 'dismissed' })}
      >
        {t('today.dismiss')}
      </Button>
      {picking && (
        <SnoozeDateModal
          min={tomorrow}
          onClose={() => setPicking(false)}
          onPick={(d) => {
            setPicking(false);
            snooze(d);
          }}
        />
      )}
    </Group>
  );
}

function SnoozeDateModal({ min, onClose, onPick }: { min: string; onClose: () => void; onPick: (day: string) => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(min);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('today.snoozeUntil')}
      size="sm"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!isDay(day) || day < min) return setError(t('today.snoozeDateInvalid'));
          onPick(day);
        }}
      >
        <Stack gap="md">
          <TextInput
            type="date"
            label={t('today.snoozeDate')}
            value={day}
            min={min}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <FormActions error={null} onCancel={onClose} saving={false} submitLabel={t('today.snooze')} />
        </Stack>
      </form>
    </Modal>
  );
}
