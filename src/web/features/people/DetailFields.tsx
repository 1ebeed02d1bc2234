import { ActionIcon, Anchor, Badge, Button, Group, NativeSelect, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconMail, IconPhone, IconPlus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys, type Channel } from '../../api/client.ts';
import { fieldErrors, notifyError } from '../../components/errors.ts';
import { FieldShell, SaveCancel, saveWithErrors } from '../../components/InlineEdit.tsx';
import { safeHttpUrl } from '../../components/format.ts';
import { isWebAddress, withWebScheme } from '#shared/text/link.ts';
import { birthdayParts, formatBirthday, monthNames, toBirthday } from '#shared/text/birthday.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { PersonPicker, type PersonRef } from '../../components/PersonPicker.tsx';

export type ChannelKind = 'emails' | 'phones' | 'links';

interface Row {
  value: string;
  label: string;
}

function ChannelValue({ kind, channel }: { kind: ChannelKind; channel: Channel }) {
  const { value } = channel;
  switch (kind) {
    case 'emails':
      return (
        <Anchor href={`mailto:${value}`} size="sm" className="rete-break">
          {value}
        </Anchor>
      );
    case 'phones':
      return (
        <Anchor href={`tel:${value.replace(/[^+0-9]/g, '')}`} size="sm">
          {value}
        </Anchor>
      );
    case 'links': {
      const href = safeHttpUrl(value);
      if (!href)
        return (
          <Text size="sm" className="rete-break">
            {value}
          </Text>
        );
      return (
        <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" className="rete-break">
          {value.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')}
          <IconExternalLink size={12} style={{ marginLeft: 4, verticalAlign: 'middle' }} />
        </Anchor>
      );
    }
  }
}

const ICONS = { emails: IconMail, phones: IconPhone, links: IconExternalLink };

/** Several emails, phones or links, each with an optional label ("work", "LinkedIn"). */
export function ChannelsField({
  kind,
  label,
  values,
  onSave,
}: {
  kind: ChannelKind;
  label: string;
  values: Channel[];
  onSave: (list: { value: string; label: string | null }[]) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const Icon = ICONS[kind];

  const start = () => {
    setRows(values.length ? values.map((v) => ({ value: v.value, label: v.label ?? '' })) : [{ value: '', label: '' }]);
    setErrors({});
    setEditing(true);
  };
  // Links are checked as the API checks them: on leaving a row, and at each keystroke once it shows an error.
  const linkError = (value: string) =>
    kind === 'links' && value.trim() && !isWebAddress(withWebScheme(value)) ? t('person.linkInvalid') : null;
  const check = (i: number, value: string) =>
    setErrors((es) => {
      const key = `${kind}.${i}.value`;
      const { [key]: _old, ...rest } = es;
      const e = linkError(value);
      return e ? { ...rest, [key]: e } : rest;
    });
  const submit = async () => {
    const kept = rows.filter((r) => r.value.trim());
    const bad = Object.fromEntries(
      kept.flatMap((r, i) => (linkError(r.value) ? [[`${kind}.${i}.value`, linkError(r.value) ?? '']] : [])),
    );
    if (Object.keys(bad).length) {
      // Indices refer to the rows kept: show those.
      setRows(kept);
      setErrors(bad);
      return;
    }
    const list = kept.map((r) => ({
      value: kind === 'links' ? withWebScheme(r.value) : r.value.trim(),
      label: r.label.trim() || null,
    }));
    setSaving(true);
    try {
      await onSave(list);
      setEditing(false);
    } catch (err) {
      const fe = fieldErrors(err);
      const mine = Object.fromEntries(Object.entries(fe).filter(([p]) => p.startsWith(`${kind}.`)));
      if (Object.keys(mine).length) {
        // Indices refer to the list sent: re-number the rows that were sent.
        setRows(list.map((r) => ({ value: r.value, label: r.label ?? '' })));
        setErrors(mine);
      } else notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FieldShell
      label={label}
      editing={editing}
      onEdit={start}
      empty={values.length === 0}
      display={
        <Stack gap={4}>
          {values.map((c, i) => (
            <Group key={`${c.value}-${i}`} gap={6} wrap="nowrap" align="center">
              <Icon size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
              <ChannelValue kind={kind} channel={c} />
              {c.label && (
                <Text size="xs" c="dimmed">
                  {c.label}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      }
      editor={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            {rows.map((r, i) => (
              <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={`${label} ${i + 1}`}
                  placeholder={t(`person.placeholder.${kind}`)}
                  value={r.value}
                  type={kind === 'emails' ? 'email' : kind === 'phones' ? 'tel' : 'text'}
                  inputMode={kind === 'links' ? 'url' : undefined}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, value: v } : x)));
                    if (kind === 'links' && errors[`${kind}.${i}.value`]) check(i, v);
                  }}
                  onBlur={kind === 'links' ? (e) => check(i, e.currentTarget.value) : undefined}
                  error={errors[`${kind}.${i}.value`] ?? errors[`${kind}.${i}`]}
                  autoFocus={i === rows.length - 1}
                  style={{ flex: 2, minWidth: 0 }}
                />
                <TextInput
                  aria-label={t('person.channelLabel')}
                  placeholder={t('person.channelLabel')}
                  value={r.label}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setRows((rs) => rs.map((x, j) => (j === i ? { ...x, label: v } : x)));
                  }}
                  error={errors[`${kind}.${i}.label`]}
                  maxLength={50}
                  style={{ flex: 1, minWidth: 0 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  aria-label={t('common.remove')}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setRows((rs) => [...rs, { value: '', label: '' }])}
              >
                {t(`person.add.${kind}`)}
              </Button>
              <SaveCancel onCancel={() => setEditing(false)} saving={saving} />
            </Group>
          </Stack>
        </form>
      }
    />
  );
}

export function TagsField({
  label,
  tags,
  onSave,
}: {
  label: string;
  tags: string[];
  onSave: (tags: string[]) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets, enabled: editing });
  return (
    <FieldShell
      label={label}
      editing={editing}
      onEdit={() => {
        setDraft(tags);
        setError(null);
        setEditing(true);
      }}
      empty={tags.length === 0}
      display={
        <Group gap={4}>
          {tags.map((tg) => (
            <Badge key={tg} variant="light" color="teal" tt="none">
              {tg}
            </Badge>
          ))}
        </Group>
      }
      editor={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaving(true);
            void saveWithErrors(
              () => onSave(draft),
              ['tags'],
              (m) => setError(m),
            ).then((ok) => {
              setSaving(false);
              if (ok) setEditing(false);
            });
          }}
        >
          <Stack gap="xs">
            <TagsInput
              aria-label={label}
              placeholder={t('person.tagsPlaceholder')}
              value={draft}
              onChange={setDraft}
              data={(facets.data?.tags ?? []).map((x) => x.value)}
              error={error}
              autoFocus
              clearable
              maxTags={50}
            />
            <SaveCancel onCancel={() => setEditing(false)} saving={saving} />
          </Stack>
        </form>
      }
    />
  );
}

export function IntroducedByField({
  label,
  personId,
  value,
  onSave,
}: {
  label: string;
  personId: string;
  value: PersonRef | null;
  onSave: (id: string | null) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<PersonRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <FieldShell
      label={label}
      editing={editing}
      onEdit={() => {
        setDraft(value);
        setError(null);
        setEditing(true);
      }}
      empty={!value}
      display={
        value && (
          <Anchor component={Link} to={`/people/${value.id}`} size="sm">
            {value.name}
          </Anchor>
        )
      }
      editor={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaving(true);
            void saveWithErrors(
              () => onSave(draft?.id ?? null),
              ['introducedById'],
              (m) => setError(m),
            ).then((ok) => {
              setSaving(false);
              if (ok) setEditing(false);
            });
          }}
        >
          <Stack gap="xs">
            <PersonPicker aria-label={label} value={draft} onChange={setDraft} exclude={[personId]} error={error} autoFocus />
            <SaveCancel onCancel={() => setEditing(false)} saving={saving} />
          </Stack>
        </form>
      }
    />
  );
}

/**
 * A birthday: day, month and, when known, the year; shown in words in the interface's language
 * ("29 febbraio 1984", "29 February"). Checked as the API checks it (shared/text/birthday.ts).
 */
export function BirthdayField({
  label,
  value,
  onSave,
}: {
  label: string;
  value: string | null;
  onSave: (birthday: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const start = () => {
    const p = birthdayParts(value);
    setDay(p ? String(p.day) : '');
    setMonth(p ? String(p.month) : '');
    setYear(p?.year ? String(p.year) : '');
    setError(null);
    setEditing(true);
  };
  const save = (birthday: string | null) => {
    setSaving(true);
    void saveWithErrors(
      () => onSave(birthday),
      ['birthday'],
      (m) => setError(m),
    ).then((ok) => {
      setSaving(false);
      if (ok) setEditing(false);
    });
  };
  const submit = () => {
    const y = year.trim();
    if (day === '' && month === '' && y === '') return value === null ? setEditing(false) : save(null);
    if (day === '' || month === '') return setError(t('person.birthdayNeedsDayAndMonth'));
    if (y !== '' && !/^\d{4}$/.test(y)) return setError(t('person.birthdayYearInvalid'));
    const parts = { year: y === '' ? null : Number(y), month: Number(month), day: Number(day) };
    const birthday = toBirthday(parts);
    if (birthday === null) {
      return setError(
        parts.month === 2 && parts.day === 29 && parts.year !== null
          ? t('person.birthdayNotLeap', { year: parts.year })
          : t('person.birthdayNoSuchDay', { day: parts.day }),
      );
    }
    if (birthday === value) return setEditing(false);
    save(birthday);
  };

  return (
    <FieldShell
      label={label}
      editing={editing}
      onEdit={start}
      empty={!value}
      display={value && <Text size="sm">{formatBirthday(value, lang)}</Text>}
      editor={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <NativeSelect
                aria-label={t('person.birthdayDay')}
                value={day}
                onChange={(e) => {
                  setDay(e.currentTarget.value);
                  setError(null);
                }}
                data={[{ value: '', label: t('person.birthdayDay') }, ...Array.from({ length: 31 }, (_, i) => String(i + 1))]}
                autoFocus
                style={{ flex: 2, minWidth: 0 }}
              />
              <NativeSelect
                aria-label={t('person.birthdayMonth')}
                value={month}
                onChange={(e) => {
                  setMonth(e.currentTarget.value);
                  setError(null);
                }}
                data={[
                  { value: '', label: t('person.birthdayMonth') },
                  ...monthNames(lang).map((name, i) => ({ value: String(i + 1), label: name })),
                ]}
                style={{ flex: 4, minWidth: 0 }}
              />
              <TextInput
                aria-label={t('person.birthdayYear')}
                placeholder={t('person.birthdayYearPlaceholder')}
                value={year}
                onChange={(e) => {
                  setYear(e.currentTarget.value);
                  setError(null);
                }}
                inputMode="numeric"
                maxLength={4}
                style={{ flex: 3, minWidth: 0 }}
              />
            </Group>
            {error && (
              <Text size="xs" c="red" role="alert">
                {error}
              </Text>
            )}
            <Group justify="space-between" wrap="wrap" gap="xs">
              {value ? (
                <Button variant="subtle" color="gray" size="xs" onClick={() => save(null)} disabled={saving}>
                  {t('person.birthdayClear')}
                </Button>
              ) : (
                <span />
              )}
              <SaveCancel onCancel={() => setEditing(false)} saving={saving} />
            </Group>
          </Stack>
        </form>
      }
    />
  );
}
