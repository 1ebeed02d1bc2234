import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
  type MantineColor,
} from '@mantine/core';
import {
  IconArrowsExchange,
  IconCircleCheck,
  IconCoffee,
  IconFlag,
  IconMessage,
  IconNote,
  IconPhone,
  IconPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_KINDS } from '#shared/api/values.ts';
import { api, type Interaction, type InteractionKind } from '../../api/client.ts';
import { fieldErrors, notifyError } from '../../components/errors.ts';
import { SaveCancel } from '../../components/InlineEdit.tsx';
import { relativeTime, toDateInput } from '../../components/format.ts';
import i18n from '../../i18n/index.ts';
import { useInvalidateNetwork } from './hooks.ts';
import { RowActions } from '../../components/RowActions.tsx';
import { formatDay } from '../today/days.ts';
import { AddEntryNextStep, usePersonFollowUps } from '../today/KeepInTouchSection.tsx';
import { NextStepFields, nextStepErrors, nextStepOf, noNextStep, type NextStepDraft } from '../today/NextStepFields.tsx';
import { routineApi, routineKeys, type FollowUp } from '../today/routine.api.ts';

const ICON: Record<InteractionKind, typeof IconUsers> = {
  meeting: IconUsers,
  call: IconPhone,
  coffee: IconCoffee,
  message: IconMessage,
  one_to_one: IconArrowsExchange,
  note: IconNote,
};
const COLOR: Record<InteractionKind, MantineColor> = {
  meeting: 'teal',
  call: 'blue',
  coffee: 'orange',
  message: 'violet',
  one_to_one: 'grape',
  note: 'gray',
};

/** Dates entered without a time are stored as midnight UTC: show them as that calendar day. */
function formatOccurred(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const dateOnly = iso.endsWith('T00:00:00.000Z');
  return new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(d);
}

function dateInputOf(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : toDateInput(iso);
}

interface Draft {
  kind: InteractionKind;
  date: string;
  summary: string;
  /** Only when adding: a follow-up saved with the entry. */
  next?: NextStepDraft;
}

function InteractionForm({
  initial,
  onSubmit,
  onCancel,
  saving,
  errors,
  submitLabel,
}: {
  initial: Draft;
  onSubmit: (d: Draft) => void;
  onCancel?: () => void;
  saving: boolean;
  errors: Record<string, string>;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(initial);
  const [dateError, setDateError] = useState<string | null>(null);
  const [nextErrors, setNextErrors] = useState<{ text?: string; dueOn?: string }>({});
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return setDateError(t('timeline.dateRequired'));
        setDateError(null);
        const ne = d.next ? nextStepErrors(d.next, t('common.required'), t('timeline.dateRequired')) : null;
        setNextErrors(ne ?? {});
        if (ne) return;
        onSubmit(d);
        if (!onCancel) setD({ ...initial, date: d.date, kind: d.kind });
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" grow wrap="wrap">
          <Select
            aria-label={t('timeline.kind')}
            label={t('timeline.kind')}
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
            value={d.kind}
            onChange={(v) => v && setD({ ...d, kind: v })}
            allowDeselect={false}
            error={errors.kind}
            miw={130}
          />
          <TextInput
            type="date"
            label={t('timeline.date')}
            aria-label={t('timeline.date')}
            value={d.date}
            onChange={(e) => setD({ ...d, date: e.currentTarget.value })}
            error={dateError ?? errors.occurredAt}
            miw={150}
          />
        </Group>
        <Textarea
          label={t('timeline.summary')}
          placeholder={t('timeline.summaryPlaceholder')}
          value={d.summary}
          onChange={(e) => setD({ ...d, summary: e.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={5000}
          error={errors.summary}
        />
        {d.next && (
          <NextStepFields
            value={d.next}
            onChange={(next) => setD({ ...d, next })}
            errors={{ text: nextErrors.text ?? errors['nextStep.text'], dueOn: nextErrors.dueOn ?? errors['nextStep.dueOn'] }}
          />
        )}
        {onCancel ? (
          <SaveCancel onCancel={onCancel} saving={saving} />
        ) : (
          <Group justify="flex-end">
            <Button type="submit" size="sm" variant="light" leftSection={<IconPlus size={16} />} loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function TimelineSection({
  personId,
  timeline,
  lastInteractionAt,
}: {
  personId: string;
  timeline: Interaction[];
  lastInteractionAt: string | null;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const followUps = usePersonFollowUps(personId);
  const stepsOf = new Map<string, FollowUp[]>();
  for (const f of followUps.data?.items ?? []) {
    if (f.interactionId) stepsOf.set(f.interactionId, [...(stepsOf.get(f.interactionId) ?? []), f]);
  }

  const add = useMutation({
    // With a next step, the entry and its follow-up are saved together.
    mutationFn: async (d: Draft) => {
      const nextStep = d.next ? nextStepOf(d.next) : undefined;
      if (nextStep) await routineApi.log(personId, { kind: d.kind, occurredAt: d.date, summary: d.summary, nextStep });
      else await api.addInteraction(personId, { kind: d.kind, occurredAt: d.date, summary: d.summary });
    },
    meta: { silent: true },
    onSuccess: async () => {
      setErrors({});
      setAdding(false);
      await Promise.all([invalidate(), qc.invalidateQueries({ queryKey: routineKeys.all })]);
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      if (Object.keys(fe).length) setErrors(fe);
      else notifyError(err);
    },
  });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('timeline.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Title order={3} size="h4">
              {t('timeline.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {lastInteractionAt
                ? t('timeline.last', { when: relativeTime(lastInteractionAt), date: formatOccurred(lastInteractionAt) })
                : t('timeline.none')}
            </Text>
          </div>
          {!adding && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('timeline.add')}
            </Button>
          )}
        </Group>
        {adding && (
          <Paper p="sm" bg="gray.0" radius="md">
            <InteractionForm
              initial={{ kind: 'meeting', date: toDateInput(new Date()), summary: '', next: noNextStep() }}
              onSubmit={(d) => add.mutate(d)}
              onCancel={() => setAdding(false)}
              saving={add.isPending}
              errors={errors}
            />
          </Paper>
        )}
        {timeline.length > 0 && (
          <Timeline bulletSize={28} lineWidth={2} mt="xs">
            {timeline.map((i) => (
              <Timeline.Item key={i.id} bullet={<KindIcon kind={i.kind} />} color={COLOR[i.kind]}>
                <InteractionRow interaction={i} steps={stepsOf.get(i.id) ?? []} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}

function KindIcon({ kind }: { kind: InteractionKind }) {
  const Icon = ICON[kind];
  return <Icon size={15} />;
}

function InteractionRow({ interaction: i, steps }: { interaction: Interaction; steps: FollowUp[] }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const [editing, setEditing] = useState(false);
  const [addingStep, setAddingStep] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useMutation({
    mutationFn: (d: Draft) => api.updateInteraction(i.id, { kind: d.kind, occurredAt: d.date, summary: d.summary }),
    meta: { silent: true },
    onSuccess: async () => {
      setEditing(false);
      setErrors({});
      await invalidate();
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      if (Object.keys(fe).length) setErrors(fe);
      else notifyError(err);
    },
  });
  const remove = useMutation({ mutationFn: () => api.deleteInteraction(i.id), onSuccess: () => invalidate() });

  if (editing) {
    return (
      <InteractionForm
        initial={{ kind: i.kind, date: dateInputOf(i.occurredAt), summary: i.summary }}
        onSubmit={(d) => update.mutate(d)}
        onCancel={() => setEditing(false)}
        saving={update.isPending}
        errors={errors}
      />
    );
  }
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Badge size="sm" variant="light" color={COLOR[i.kind]}>
            {t(`timeline.kinds.${i.kind}`)}
          </Badge>
          <Text size="sm" fw={500}>
            {formatOccurred(i.occurredAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {relativeTime(i.occurredAt)}
          </Text>
        </Group>
        {i.summary && (
          <Text size="sm" className="rete-pre">
            {i.summary}
          </Text>
        )}
        {steps.map((f) => (
          <EntryStep key={f.id} followUp={f} />
        ))}
        {addingStep ? (
          <AddEntryNextStep personId={i.personId} interactionId={i.id} onDone={() => setAddingStep(false)} />
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconFlag size={12} />}
            onClick={() => setAddingStep(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('nextStep.addToEntry')}
          </Button>
        )}
      </Stack>
      <RowActions onEdit={() => setEditing(true)} onDelete={() => remove.mutate()} deleting={remove.isPending} />
    </Group>
  );
}

/** A timeline entry's next step: what, by when, and whether it is done. */
function EntryStep({ followUp: f }: { followUp: FollowUp }) {
  const { t, i18n } = useTranslation();
  const done = f.doneAt !== null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="entry-next-step">
      {done ? (
        <IconCircleCheck
          size={14}
          color="var(--mantine-color-teal-6)"
          aria-hidden="true"
          style={{ flexShrink: 0, marginTop: 3 }}
        />
      ) : (
        <IconFlag size={14} color="var(--mantine-color-violet-6)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
      )}
      <Text size="xs" c={done ? 'dimmed' : undefined} td={done ? 'line-through' : undefined} className="rete-pre">
        <Text span size="xs" fw={600}>
          {t('nextStep.label')}:
        </Text>{' '}
        {f.text} · {formatDay(f.dueOn, i18n.language)}
      </Text>
    </Group>
  );
}
