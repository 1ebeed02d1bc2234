import { Group, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, isDay, localToday } from './days.ts';

/** A next step being written: on or off, what, and by when. */
export interface NextStepDraft {
  on: boolean;
  text: string;
  dueOn: string;
}

/** No next step yet; when one is added, it is due a week from today. */
export const noNextStep = (): NextStepDraft => ({ on: false, text: '', dueOn: addDays(localToday(), 7) });

/** What is wrong with a next step that is on: its text or its date (null when it can be saved). */
export function nextStepErrors(d: NextStepDraft, required: string, badDate: string): { text?: string; dueOn?: string } | null {
  if (!d.on) return null;
  const e: { text?: string; dueOn?: string } = {};
  if (!d.text.trim()) e.text = required;
  if (!isDay(d.dueOn)) e.dueOn = badDate;
  return e.text || e.dueOn ? e : null;
}

/** The body's `nextStep`, or nothing. */
export const nextStepOf = (d: NextStepDraft) => (d.on && d.text.trim() ? { text: d.text.trim(), dueOn: d.dueOn } : undefined);

/** "Add a next step" and, once on, what and by when: with an interaction logged, a timeline entry, a one-to-one. */
export function NextStepFields({
  value,
  onChange,
  errors = {},
  toggle = true,
}: {
  value: NextStepDraft;
  onChange: (d: NextStepDraft) => void;
  errors?: { text?: string | undefined; dueOn?: string | undefined };
  /** Without the switch: the fields only (the step is on). */
  toggle?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {toggle && (
        <Switch
          label={t('nextStep.add')}
          description={t('nextStep.help')}
          checked={value.on}
          onChange={(e) => onChange({ ...value, on: e.currentTarget.checked })}
        />
      )}
      {(value.on || !toggle) && (
        <Group gap="xs" align="flex-start" wrap="wrap" data-testid="next-step">
          <Textarea
            label={t('nextStep.text')}
            placeholder={t('nextStep.placeholder')}
            value={value.text}
            onChange={(e) => onChange({ ...value, text: e.currentTarget.value })}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={1000}
            error={errors.text}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          />
          <TextInput
            type="date"
            label={t('nextStep.dueOn')}
            value={value.dueOn}
            onChange={(e) => onChange({ ...value, dueOn: e.currentTarget.value })}
            error={errors.dueOn}
            style={{ flex: '0 0 160px' }}
          />
        </Group>
      )}
    </>
  );
}
