import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionKind } from '../../api/client.ts';
import { errorMessage, fieldErrors, notifySuccess } from '../../components/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { isDay, localToday } from './days.ts';
import { NextStepFields, nextStepErrors, nextStepOf, noNextStep, type NextStepDraft } from './NextStepFields.tsx';
import { routineApi, routineKeys } from './routine.api.ts';

/** What one logs quickly; notes and one-to-ones have their own forms. */
export const LOG_KINDS = ['call', 'coffee', 'message', 'meeting'] as const satisfies readonly InteractionKind[];
export type LogKind = (typeof LOG_KINDS)[number];

/**
 * "Log a call" (or a coffee, a message, a meeting) with someone: today unless another day is
 * chosen, a note, and a next step with a date if there is one. Any interaction resets the
 * person's keep-in-touch cadence.
 */
export function LogInteractionModal({
  person,
  opened,
  onClose,
  kind = 'call',
  onLogged,
}: {
  person: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
  kind?: LogKind;
  onLogged?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidateNetwork = useInvalidateNetwork();
  const today = localToday();
  const [k, setK] = useState<LogKind>(kind);
  const [date, setDate] = useState(today);
  const [summary, setSummary] = useState('');
  const [next, setNext] = useState<NextStepDraft>(noNextStep);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const log = useMutation({
    mutationFn: () =>
      routineApi.log(person.id, {
        kind: k,
        // Today means now: the entry keeps its time; another day is that calendar day.
        ...(date === today ? {} : { occurredAt: date }),
        summary: summary.trim(),
        ...(nextStepOf(next) ? { nextStep: nextStepOf(next) } : {}),
      }),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t('log.done', { kind: t(`timeline.kinds.${k}`), name: person.name }));
      onClose();
      onLogged?.();
      await Promise.all([invalidateNetwork(), qc.invalidateQueries({ queryKey: routineKeys.all })]);
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      const known = Object.fromEntries(
        Object.entries(fe).map(([p, m]) => [p.startsWith('nextStep.') ? p.replace('nextStep.', 'next.') : p, m]),
      );
      setErrors(known);
      setError(Object.keys(fe).length ? null : errorMessage(err));
    },
  });

  const submit = () => {
    const e: Record<string, string> = {};
    if (!isDay(date)) e.occurredAt = t('timeline.dateRequired');
    else if (date > today) e.occurredAt = t('log.future');
    const ne = nextStepErrors(next, t('common.required'), t('timeline.dateRequired'));
    if (ne?.text) e['next.text'] = ne.text;
    if (ne?.dueOn) e['next.dueOn'] = ne.dueOn;
    setErrors(e);
    if (Object.keys(e).length === 0) log.mutate();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('log.title', { name: person.name })}
      onSubmit={submit}
      error={error}
      saving={log.isPending}
      submitLabel={t('log.submit')}
    >
      <Stack gap="sm" data-testid="log-interaction">
        <Text size="sm" c="dimmed">
          {t('log.help', { name: person.name })}
        </Text>
        <SegmentedControl
          aria-label={t('timeline.kind')}
          fullWidth
          value={k}
          onChange={(v) => setK(LOG_KINDS.find((x) => x === v) ?? 'call')}
          data={LOG_KINDS.map((x) => ({ value: x, label: t(`timeline.kinds.${x}`) }))}
        />
        <TextInput
          type="date"
          label={t('timeline.date')}
          value={date}
          max={today}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.occurredAt}
        />
        <Textarea
          label={t('log.note')}
          placeholder={t('log.notePlaceholder')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          error={errors.summary}
          data-autofocus
        />
        <NextStepFields value={next} onChange={setNext} errors={{ text: errors['next.text'], dueOn: errors['next.dueOn'] }} />
      </Stack>
    </FormModal>
  );
}
