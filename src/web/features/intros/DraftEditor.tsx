import {
  Alert,
  Anchor,
  Badge,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconMail, IconRefresh, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLocale, LOCALES, SIDE_KEYS, type Locale } from '#shared/api/values.ts';
import { ledgerKeys } from '../ledger/ledger.api.ts';
import { introErrorText, sideName } from './IntroStatus.tsx';
import { OrderChoice } from './OrderChoice.tsx';
import {
  introKeys,
  introsApi,
  type Intro,
  type IntroOrder,
  type IntroSide,
  type SideKey,
  type UpdateIntroInput,
} from './intros.api.ts';

interface SideDraft {
  subject: string;
  body: string;
  language: Locale;
}

function draftOf(s: IntroSide): SideDraft {
  return { subject: s.message?.subject ?? '', body: s.message?.body ?? '', language: s.language };
}

/** The changes of the form against the saved draft, as the PATCH body; null when nothing changed. */
function changesOf(intro: Intro, note: string, order: IntroOrder, sides: Record<SideKey, SideDraft>): UpdateIntroInput | null {
  const body: UpdateIntroInput = {};
  let changed = false;
  if (note.trim() !== intro.note) {
    body.note = note.trim();
    changed = true;
  }
  if (order !== intro.order) {
    body.order = order;
    changed = true;
  }
  for (const key of SIDE_KEYS) {
    const saved = intro[key];
    if (saved.person?.isSelf) continue;
    const d = sides[key];
    const m: NonNullable<UpdateIntroInput['a']> = {};
    if (d.language !== saved.language) m.language = d.language;
    if (d.subject !== (saved.message?.subject ?? '')) m.subject = d.subject.trim();
    if (d.body !== (saved.message?.body ?? '')) m.body = d.body.trim();
    if (Object.keys(m).length > 0) {
      body[key] = m;
      changed = true;
    }
  }
  return changed ? body : null;
}

/**
 * The drafted request to each side, editable (subject, text, language), with the note and the
 * order; then "Send". Nothing leaves Rete before Send. Remount it (a `key` on `updatedAt`) when
 * the saved draft changes, so that the form starts from what the server holds.
 */
export function DraftEditor({ intro, onSent }: { intro: Intro; onSent: (intro: Intro) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [note, setNote] = useState(intro.note);
  const [order, setOrder] = useState<IntroOrder>(intro.order);
  const [sides, setSides] = useState<Record<SideKey, SideDraft>>({ a: draftOf(intro.a), b: draftOf(intro.b) });
  const [error, setError] = useState<string | null>(null);
  const names = { a: sideName(intro.a), b: sideName(intro.b) };
  const hasSelf = !!(intro.a.person?.isSelf || intro.b.person?.isSelf);

  const stored = (i: Intro) => {
    qc.setQueryData(introKeys.detail(i.id), i);
    void qc.invalidateQueries({ queryKey: introKeys.all, refetchType: 'none' });
  };

  const save = useMutation({
    mutationFn: (body: UpdateIntroInput) => introsApi.update(intro.id, body),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: stored,
    onError: (err) => setError(introErrorText(err, names)),
  });

  const send = useMutation({
    mutationFn: async () => {
      const changes = changesOf(intro, note, order, sides);
      if (changes) stored(await introsApi.update(intro.id, changes));
      return introsApi.send(intro.id);
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async (sent) => {
      qc.setQueryData(introKeys.detail(sent.id), sent);
      await Promise.all([
        qc.invalidateQueries({ queryKey: introKeys.all }),
        qc.invalidateQueries({ queryKey: introKeys.outbox }),
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
      ]);
      onSent(sent);
    },
    onError: (err) => setError(introErrorText(err, names)),
  });

  const changes = changesOf(intro, note, order, sides);
  const busy = save.isPending || send.isPending;
  const missingEmail = SIDE_KEYS.filter((k) => !intro[k].person?.isSelf && !intro[k].email);
  const blocked = SIDE_KEYS.filter((k) => intro[k].doNotContact);
  const noteMissing = !note.trim();
  const emptyMessage = SIDE_KEYS.some((k) => !intro[k].person?.isSelf && (!sides[k].subject.trim() || !sides[k].body.trim()));
  const invalid = noteMissing || emptyMessage;

  const setSide = (key: SideKey, patch: Partial<SideDraft>) => setSides((s) => ({ ...s, [key]: { ...s[key], ...patch } }));

  return (
    <Stack gap="md" data-testid="draft-editor">
      <Textarea
        label={t('intros.form.note')}
        description={t('intros.form.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
        error={noteMissing ? t('common.required') : null}
        required
      />
      {!hasSelf && <OrderChoice value={order} onChange={setOrder} names={{ a: names.a, b: names.b }} />}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {SIDE_KEYS.map((key) => (
          <SideFieldset
            key={key}
            side={intro[key]}
            draft={sides[key]}
            onChange={(patch) => setSide(key, patch)}
            onLanguage={(language) => {
              setSide(key, { language });
              // A new language re-drafts a message I did not edit: save now to show it.
              const next = { ...sides, [key]: { ...sides[key], language } };
              const body = changesOf(intro, note, order, next);
              if (body) save.mutate(body);
            }}
            disabled={busy}
          />
        ))}
      </SimpleGrid>

      {missingEmail.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {missingEmail.map((k) => (
            <Text size="sm" key={k}>
              {t('intros.errors.noEmail', { name: names[k] })}{' '}
              {intro[k].person && (
                <Anchor component={Link} to={`/people/${intro[k].person.id}`} size="sm">
                  {t('intros.draft.addEmail', { name: names[k] })}
                </Anchor>
              )}
            </Text>
          ))}
        </Alert>
      )}
      {blocked.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {blocked.map((k) => (
            <Text size="sm" key={k}>
              {t('intros.errors.objected', { name: names[k] })}
            </Text>
          ))}
        </Alert>
      )}
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="intro-error">
          {error}
        </Alert>
      )}

      <Text size="xs" c="dimmed">
        {t('intros.draft.nothingSent')}
      </Text>
      <Group justify="space-between" gap="sm">
        <Button
          variant="subtle"
          leftSection={<IconRefresh size={16} />}
          onClick={() => save.mutate({ note: note.trim(), order, redraft: true })}
          disabled={busy || noteMissing}
        >
          {t('intros.draft.redraft')}
        </Button>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => changes && save.mutate(changes)}
            disabled={!changes || busy || invalid}
            loading={save.isPending}
          >
            {t('intros.draft.save')}
          </Button>
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => send.mutate()}
            loading={send.isPending}
            disabled={busy || invalid || missingEmail.length > 0 || blocked.length > 0}
          >
            {t('intros.draft.send')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function SideFieldset({
  side,
  draft,
  onChange,
  onLanguage,
  disabled,
}: {
  side: IntroSide;
  draft: SideDraft;
  onChange: (patch: Partial<SideDraft>) => void;
  onLanguage: (l: Locale) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const name = sideName(side);
  const legend = t('intros.draft.toSide', { name });
  if (side.person?.isSelf) {
    return (
      <Fieldset legend={legend} variant="filled">
        <Text size="sm">{t('intros.draft.selfSide')}</Text>
      </Fieldset>
    );
  }
  return (
    <Fieldset legend={legend} data-testid={`draft-side-${side.side}`}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <IconMail size={16} aria-hidden="true" color="var(--mantine-color-gray-6)" />
          {side.email ? (
            <Text size="sm" className="rete-break">
              {side.email}
            </Text>
          ) : (
            <Text size="sm" c="orange.8">
              {t('intros.draft.noEmail')}
            </Text>
          )}
          {side.messageEdited && (
            <Badge size="xs" variant="light" color="gray">
              {t('intros.draft.edited')}
            </Badge>
          )}
        </Group>
        <Select
          label={t('intros.draft.language')}
          data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={draft.language}
          onChange={(v) => isLocale(v) && v !== draft.language && onLanguage(v)}
          allowDeselect={false}
          disabled={disabled}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('intros.draft.subject')}
          value={draft.subject}
          onChange={(e) => onChange({ subject: e.currentTarget.value.replace(/[\r\n]+/g, ' ') })}
          maxLength={200}
          required
          error={draft.subject.trim() ? null : t('common.required')}
        />
        <Textarea
          label={t('intros.draft.body')}
          description={t('intros.draft.bodyHelp')}
          value={draft.body}
          onChange={(e) => onChange({ body: e.currentTarget.value })}
          autosize
          minRows={8}
          maxRows={20}
          maxLength={5000}
          required
          error={draft.body.trim() ? null : t('common.required')}
        />
      </Stack>
    </Fieldset>
  );
}
