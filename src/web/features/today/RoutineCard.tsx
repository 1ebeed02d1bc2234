import {
  ActionIcon,
  Autocomplete,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { IconPlus, IconSunHigh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { WEEKDAYS } from '#shared/api/values.ts';
import { api, keys } from '../../api/client.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { fieldErrors, notifyError, notifySuccess } from '../../components/errors.ts';
import { SectionHeading, SettingLabel } from '../../components/SectionHeading.tsx';
import { DigestPreviewButton } from '../digest/DigestPreviewButton.tsx';
import { timeZones } from './days.ts';
import { useCadences } from './KeepInTouchSection.tsx';
import { routineApi, routineKeys, type RoutineSettings, type UpdateRoutineSettingsInput } from './routine.api.ts';

const WEEK_STARTS = [1, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Settings: the routine. The zone days are counted in, the first day of the week, the weekly
 * digest (on or off, its day and hour), the giving goal, and how often to keep in touch with
 * everyone of a tag.
 */
export function RoutineCard() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const settings = useQuery({ queryKey: routineKeys.settings, queryFn: routineApi.settings });
  // Opened from Today ("set a weekly goal"): bring the card into view.
  useEffect(() => {
    if (hash === '#routine' && settings.isSuccess) document.getElementById('routine')?.scrollIntoView({ block: 'start' });
  }, [hash, settings.isSuccess]);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="routine-title"
      id="routine"
      style={{ scrollMarginTop: 72 }}
      data-testid="routine-settings"
    >
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap" id="routine-title">
          <IconSunHigh size={20} color="var(--mantine-color-orange-6)" aria-hidden="true" />
          <SectionHeading title={t('routine.title')} />
        </Group>
        <Text size="sm" c="dimmed" mt={-8}>
          {t('routine.help')}
        </Text>
        {settings.isSuccess && <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
        <Divider />
        <TagCadences />
      </Stack>
    </Paper>
  );
}

function SettingsForm({ settings }: { settings: RoutineSettings }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState(settings);
  const [goal, setGoal] = useState<number | string>(settings.givingGoal ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const zones = timeZones(v.timeZone);
  const goalValue = goal === '' ? null : Number(goal);
  const body: UpdateRoutineSettingsInput = {};
  if (v.timeZone !== settings.timeZone || !settings.timeZoneSet) body.timeZone = v.timeZone;
  if (v.weekStart !== settings.weekStart && (v.weekStart === 1 || v.weekStart === 6 || v.weekStart === 7))
    body.weekStart = v.weekStart;
  if (v.digestEnabled !== settings.digestEnabled) body.digestEnabled = v.digestEnabled;
  if (v.digestWeekday !== settings.digestWeekday) body.digestWeekday = v.digestWeekday;
  if (v.digestHour !== settings.digestHour) body.digestHour = v.digestHour;
  if (goalValue !== settings.givingGoal) body.givingGoal = goalValue;
  const dirty = Object.keys(body).length > 0;

  const save = useMutation({
    mutationFn: () => routineApi.updateSettings(body),
    meta: { silent: true },
    onSuccess: async (s) => {
      setErrors({});
      qc.setQueryData(routineKeys.settings, s);
      notifySuccess(t('settings.saved'));
      await qc.invalidateQueries({ queryKey: routineKeys.today });
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      setErrors(fe);
      if (Object.keys(fe).length === 0) notifyError(err);
    },
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (goalValue !== null && (!Number.isInteger(goalValue) || goalValue < 1 || goalValue > 100)) {
          return setErrors({ givingGoal: t('routine.goalInvalid') });
        }
        save.mutate();
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('routine.timeZone')}
            description={settings.timeZoneSet ? t('routine.timeZoneHelp') : t('routine.timeZoneUnset')}
            data={zones}
            value={v.timeZone}
            onChange={(z) => z && setV({ ...v, timeZone: z })}
            searchable
            allowDeselect={false}
            error={errors.timeZone}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={280}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('routine.weekStart')}
            </Text>
            <SegmentedControl
              aria-label={t('routine.weekStart')}
              value={String(v.weekStart)}
              onChange={(x) => setV({ ...v, weekStart: Number(x) })}
              data={WEEK_STARTS.map((d) => ({ value: String(d), label: t(`routine.weekdays.${d}`) }))}
            />
            <Text size="xs" c="dimmed">
              {t('routine.weekStartHelp')}
            </Text>
          </Stack>
        </SimpleGrid>

        <NumberInput
          label={t('routine.goal')}
          description={t('routine.goalHelp')}
          placeholder={t('routine.goalNone')}
          value={goal}
          onChange={setGoal}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          maw={260}
          error={errors.givingGoal}
        />

        <Stack gap="xs">
          <Switch
            label={t('routine.digest')}
            description={t('routine.digestHelp')}
            checked={v.digestEnabled}
            onChange={(e) => setV({ ...v, digestEnabled: e.currentTarget.checked })}
            size="md"
            styles={{ label: { fontWeight: 500 } }}
          />
          {v.digestEnabled && (
            <Group gap="sm" wrap="wrap" align="flex-end">
              <Select
                label={t('routine.digestWeekday')}
                data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`routine.weekdays.${d}`) }))}
                value={String(v.digestWeekday)}
                onChange={(x) => x && setV({ ...v, digestWeekday: Number(x) })}
                allowDeselect={false}
                w={160}
                error={errors.digestWeekday}
              />
              <Select
                label={t('routine.digestHour')}
                data={HOURS.map((h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))}
                value={String(v.digestHour)}
                onChange={(x) => x && setV({ ...v, digestHour: Number(x) })}
                allowDeselect={false}
                w={110}
                error={errors.digestHour}
              />
            </Group>
          )}
          <div>
            <DigestPreviewButton />
          </div>
        </Stack>

        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How often to keep in touch with everyone of a tag ("clienti: every 30 days"). */
function TagCadences() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cadences = useCadences();
  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets, staleTime: 60_000 });
  const [tag, setTag] = useState('');
  const [days, setDays] = useState<number | string>(30);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const byTag = (cadences.data?.items ?? [])
    .filter((c) => c.tag !== null)
    .sort((a, b) => (a.tag ?? '').localeCompare(b.tag ?? ''));
  const refresh = () => qc.invalidateQueries({ queryKey: routineKeys.all });
  const add = useMutation({
    mutationFn: () => routineApi.setCadence({ tag: tag.trim(), everyDays: Number(days) }),
    meta: { silent: true },
    onSuccess: async () => {
      setTag('');
      setErrors({});
      await refresh();
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      setErrors(fe);
      if (Object.keys(fe).length === 0) notifyError(err);
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => routineApi.deleteCadence(id), onSuccess: refresh });
  const n = Number(days);
  return (
    <Stack gap="sm" data-testid="tag-cadences">
      <SettingLabel label={t('routine.tagCadences')} help={t('routine.tagCadencesHelp')} />
      {cadences.isSuccess && byTag.length === 0 && <EmptyNote>{t('routine.noTagCadences')}</EmptyNote>}
      {byTag.length > 0 && (
        <Table verticalSpacing={4} aria-label={t('routine.tagCadences')}>
          <Table.Tbody>
            {byTag.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.tag}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('keep.everyShort', { count: c.everyDays })}</Text>
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(c.id)}
                    aria-label={t('routine.removeTagCadence', { tag: c.tag ?? '' })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const errs: Record<string, string> = {};
          if (!tag.trim()) errs.tag = t('common.required');
          if (!Number.isInteger(n) || n < 1 || n > 3650) errs.everyDays = t('keep.everyInvalid');
          setErrors(errs);
          if (Object.keys(errs).length === 0) add.mutate();
        }}
      >
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Autocomplete
            label={t('routine.tag')}
            placeholder={t('routine.tagPlaceholder')}
            data={(facets.data?.tags ?? []).map((x) => x.value)}
            value={tag}
            onChange={setTag}
            maxLength={50}
            error={errors.tag}
            style={{ flex: '1 1 160px' }}
          />
          <NumberInput
            label={t('keep.every')}
            value={days}
            onChange={setDays}
            min={1}
            max={3650}
            allowDecimal={false}
            suffix={` ${t('keep.days')}`}
            w={130}
            error={errors.everyDays}
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={add.isPending} mt={25}>
            {t('common.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
