import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconCheck, IconPhone, IconPhoneCall, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetail } from '../../api/client.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { fieldErrors, notifyError, notifySuccess } from '../../components/errors.ts';
import { SectionHeading } from '../../components/SectionHeading.tsx';
import { formatDay, localToday, relativeDay } from './days.ts';
import { LogInteractionModal } from './LogInteractionModal.tsx';
import { NextStepFields, nextStepErrors, noNextStep, type NextStepDraft } from './NextStepFields.tsx';
import { routineApi, routineKeys, type Cadence, type FollowUp } from './routine.api.ts';

export function useCadences() {
  return useQuery({ queryKey: routineKeys.cadences, queryFn: routineApi.cadences, staleTime: 60_000 });
}

/** A person's follow-ups, open and done (the timeline shows each entry's next step). */
export function usePersonFollowUps(personId: string) {
  return useQuery({
    queryKey: routineKeys.followUpsOf(personId, 'all'),
    queryFn: () => routineApi.followUps({ personId, status: 'all' }),
  });
}

/** "Log a call" and "One-to-one" on a person's page. */
export function RoutineActions({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [logging, setLogging] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconPhone size={14} />} onClick={() => setLogging(true)}>
        {t('log.open')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="violet"
        leftSection={<IconArrowsExchange size={14} />}
        component={Link}
        to={`/people/${person.id}/one-to-one`}
      >
        {t('oneToOne.button')}
      </Button>
      {logging && <LogInteractionModal opened person={person} onClose={() => setLogging(false)} />}
    </>
  );
}

/**
 * On a person's page: how often to keep in touch (their own cadence, or their tag's), and their
 * open follow-ups, each done in one tap.
 */
export function KeepInTouchSection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const cadences = useCadences();
  const followUps = usePersonFollowUps(person.id);
  const own = cadences.data?.items.find((c) => c.person?.id === person.id) ?? null;
  const byTag = (cadences.data?.items ?? [])
    .filter((c) => c.tag !== null && person.tags.some((tag) => tag.toLowerCase() === c.tag?.toLowerCase()))
    .sort((a, b) => a.everyDays - b.everyDays)[0];
  const open = (followUps.data?.items ?? []).filter((f) => !f.doneAt).sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('keep.title')} data-testid="keep-in-touch">
      <Stack gap="sm">
        <SectionHeading
          title={t('keep.title')}
          help={t('keep.help', { name: person.name })}
          icon={<IconPhoneCall size={20} color="var(--mantine-color-orange-6)" />}
          order={3}
        />
        {cadences.isSuccess && <CadenceControl personId={person.id} own={own} byTag={byTag ?? null} />}
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('keep.followUps')}
          </Text>
          {followUps.isSuccess && open.length === 0 && <EmptyNote>{t('keep.noFollowUps')}</EmptyNote>}
          {open.length > 0 && (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('keep.followUps')}>
              {open.map((f) => (
                <FollowUpRow key={f.id} followUp={f} />
              ))}
            </Stack>
          )}
          <AddFollowUp personId={person.id} />
        </Stack>
      </Stack>
    </Paper>
  );
}

function CadenceControl({ personId, own, byTag }: { personId: string; own: Cadence | null; byTag: Cadence | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [days, setDays] = useState<number | string>(own?.everyDays ?? byTag?.everyDays ?? 30);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: routineKeys.all });
  const set = useMutation({
    mutationFn: (everyDays: number) => routineApi.setCadence({ personId, everyDays }),
    meta: { silent: true },
    onSuccess: async (c) => {
      setError(null);
      notifySuccess(t('keep.cadenceSaved', { count: c.everyDays }));
      await refresh();
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      if (fe.everyDays) setError(fe.everyDays);
      else notifyError(err);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => routineApi.deleteCadence(id),
    onSuccess: async () => {
      notifySuccess(t('keep.cadenceRemoved'));
      await refresh();
    },
  });
  const n = typeof days === 'number' ? days : Number.parseInt(days, 10);
  const valid = Number.isInteger(n) && n >= 1 && n <= 3650;
  return (
    <Stack gap={6} data-testid="cadence">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return setError(t('keep.everyInvalid'));
          set.mutate(n);
        }}
      >
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberInput
            label={t('keep.every')}
            value={days}
            onChange={setDays}
            min={1}
            max={3650}
            step={1}
            allowDecimal={false}
            w={120}
            suffix={` ${t('keep.days')}`}
            error={error}
          />
          <Button
            type="submit"
            size="sm"
            variant={own ? 'default' : 'light'}
            loading={set.isPending}
            disabled={own?.everyDays === n}
          >
            {own ? t('keep.change') : t('keep.set')}
          </Button>
          {own && (
            <Button size="sm" variant="subtle" color="red" onClick={() => remove.mutate(own.id)} loading={remove.isPending}>
              {t('keep.remove')}
            </Button>
          )}
        </Group>
      </form>
      <Text size="xs" c="dimmed">
        {own
          ? t('keep.ownCadence', { count: own.everyDays })
          : byTag
            ? t('keep.tagCadence', { count: byTag.everyDays, tag: byTag.tag ?? '' })
            : t('keep.noCadence')}
      </Text>
    </Stack>
  );
}

function FollowUpRow({ followUp: f }: { followUp: FollowUp }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const today = localToday();
  const refresh = () => qc.invalidateQueries({ queryKey: routineKeys.all });
  const done = useMutation({ mutationFn: () => routineApi.updateFollowUp(f.id, { done: true }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => routineApi.deleteFollowUp(f.id), onSuccess: refresh });
  const overdue = f.dueOn < today;
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start" justify="space-between" data-testid="follow-up">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" className="rete-pre">
          {f.text}
        </Text>
        <Group gap={6}>
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
            {formatDay(f.dueOn, i18n.language)} ·{' '}
            {f.dueOn === today ? t('today.dueToday') : relativeDay(f.dueOn, today, i18n.language)}
          </Text>
          {f.kind === 'one_to_one' && (
            <Badge size="xs" variant="light" color="violet">
              {t(`timeline.kinds.${f.kind}`)}
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap={2} wrap="nowrap">
        <Tooltip label={t('keep.markDone')} openDelay={300}>
          <ActionIcon
            variant="light"
            color="teal"
            onClick={() => done.mutate()}
            loading={done.isPending}
            aria-label={t('keep.markDoneNamed', { text: f.text })}
          >
            <IconCheck size={16} />
          </ActionIcon>
        </Tooltip>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          aria-label={t('keep.deleteNamed', { text: f.text })}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Group>
  );
}

function AddFollowUp({ personId, interactionId, onDone }: { personId: string; interactionId?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<NextStepDraft>(() => ({ ...noNextStep(), on: true }));
  const [errors, setErrors] = useState<{ text?: string; dueOn?: string }>({});
  const create = useMutation({
    mutationFn: () =>
      routineApi.createFollowUp({
        text: draft.text.trim(),
        dueOn: draft.dueOn,
        personId,
        ...(interactionId ? { interactionId } : {}),
      }),
    meta: { silent: true },
    onSuccess: async () => {
      setAdding(false);
      setDraft({ ...noNextStep(), on: true });
      onDone?.();
      await qc.invalidateQueries({ queryKey: routineKeys.all });
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      if (fe.text || fe.dueOn) setErrors({ text: fe.text, dueOn: fe.dueOn });
      else notifyError(err);
    },
  });
  if (!adding && !interactionId) {
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() => setAdding(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('keep.addFollowUp')}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const ne = nextStepErrors(draft, t('common.required'), t('timeline.dateRequired'));
        setErrors(ne ?? {});
        if (!ne) create.mutate();
      }}
    >
      <Paper p="xs" bg="gray.0" radius="md">
        <Stack gap="xs">
          <NextStepFields value={draft} onChange={setDraft} toggle={false} errors={errors} />
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setAdding(false);
                onDone?.();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={create.isPending}>
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/** A next step for one timeline entry (its follow-up carries the entry's id). */
export function AddEntryNextStep({
  personId,
  interactionId,
  onDone,
}: {
  personId: string;
  interactionId: string;
  onDone: () => void;
}) {
  return <AddFollowUp personId={personId} interactionId={interactionId} onDone={onDone} />;
}
