import { Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsLeftRight, IconUser } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../components/errors.ts';
import { PersonPicker, type PersonRef } from '../../components/PersonPicker.tsx';
import { useUser } from '../auth/session.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { introErrorText } from './IntroStatus.tsx';
import { introKeys, introsApi, type Intro, type IntroOrder } from './intros.api.ts';
import { OrderChoice } from './OrderChoice.tsx';
import { FormActions } from '../../components/FormActions.tsx';

/** One side of an introduction being proposed: me, or one of my contacts. */
export type SideValue = { kind: 'me' } | { kind: 'person'; person: PersonRef };

export interface ProposeIntroProps {
  opened: boolean;
  onClose: () => void;
  a?: SideValue | null;
  b?: SideValue | null;
  note?: string;
}

/**
 * Propose an introduction: the two sides, why they should meet and in which order to ask them;
 * "Draft" makes the request to each side in their language, which I can edit before "Send".
 */
export function ProposeIntroModal({ opened, onClose, a = null, b = null, note = '' }: ProposeIntroProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [draftId, setDraftId] = useState<string | null>(null);
  const close = () => {
    // Closing after "Draft" keeps the draft: say where it is.
    if (draftId) notifySuccess(t('intros.draftKept'));
    setDraftId(null);
    onClose();
  };
  const sent = () => {
    setDraftId(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={draftId ? t('intros.form.draftTitle') : t('intros.form.title')}
      size={draftId ? 'xl' : 'lg'}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened &&
        (draftId ? (
          <DraftStep id={draftId} onDone={sent} />
        ) : (
          <SidesStep initialA={a} initialB={b} initialNote={note} onDrafted={(i) => setDraftId(i.id)} onCancel={close} />
        ))}
    </Modal>
  );
}

function SideField({
  label,
  value,
  onChange,
  otherValue,
}: {
  label: string;
  value: SideValue | null;
  onChange: (v: SideValue | null) => void;
  otherValue: SideValue | null;
}) {
  const { t } = useTranslation();
  const user = useUser();
  if (value?.kind === 'me') {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Paper withBorder p="xs" bg="gray.0">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <IconUser size={16} aria-hidden="true" />
              <Text size="sm">{t('intros.form.meSide', { name: user.displayName })}</Text>
            </Group>
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
              {t('intros.form.change')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    );
  }
  const exclude = otherValue?.kind === 'person' ? [otherValue.person.id] : [];
  return (
    <Stack gap={4}>
      <PersonPicker
        label={label}
        value={value?.kind === 'person' ? value.person : null}
        onChange={(p) => onChange(p ? { kind: 'person', person: p } : null)}
        exclude={exclude}
      />
      {otherValue?.kind !== 'me' && (
        <Button variant="subtle" size="compact-xs" onClick={() => onChange({ kind: 'me' })} style={{ alignSelf: 'flex-start' }}>
          {t('intros.form.useMe')}
        </Button>
      )}
    </Stack>
  );
}

function sideLabel(v: SideValue | null, meName: string, fallback: string): string {
  if (!v) return fallback;
  return v.kind === 'me' ? meName : v.person.name;
}

function SidesStep({
  initialA,
  initialB,
  initialNote,
  onDrafted,
  onCancel,
}: {
  initialA: SideValue | null;
  initialB: SideValue | null;
  initialNote: string;
  onDrafted: (i: Intro) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const user = useUser();
  const [a, setA] = useState<SideValue | null>(initialA);
  const [b, setB] = useState<SideValue | null>(initialB);
  const [note, setNote] = useState(initialNote);
  const [order, setOrder] = useState<IntroOrder>('both');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameA = sideLabel(a, t('intros.you'), 'A');
  const nameB = sideLabel(b, t('intros.you'), 'B');

  const create = useMutation({
    mutationFn: () => {
      if (!a || !b) throw new Error('two sides are needed');
      const id = (v: SideValue) => (v.kind === 'me' ? 'me' : v.person.id);
      return introsApi.create({ personAId: id(a), personBId: id(b), note: note.trim(), order });
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: (intro) => {
      qc.setQueryData(introKeys.detail(intro.id), intro);
      void qc.invalidateQueries({ queryKey: introKeys.all, refetchType: 'none' });
      onDrafted(intro);
    },
    onError: (err) => setError(introErrorText(err, { a: nameA, b: nameB })),
  });

  const hasMe = a?.kind === 'me' || b?.kind === 'me';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (a && b && note.trim()) create.mutate();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('intros.form.help', { name: user.displayName })}
        </Text>
        <SideField label={t('intros.form.sideA')} value={a} onChange={setA} otherValue={b} />
        {submitted && !a && (
          <Text size="xs" c="red" role="alert">
            {t('intros.form.pickSide')}
          </Text>
        )}
        <Group justify="center" c="dimmed" aria-hidden="true">
          <IconArrowsLeftRight size={18} />
        </Group>
        <SideField label={t('intros.form.sideB')} value={b} onChange={setB} otherValue={a} />
        {submitted && !b && (
          <Text size="xs" c="red" role="alert">
            {t('intros.form.pickSide')}
          </Text>
        )}
        <Textarea
          label={t('intros.form.note')}
          description={t('intros.form.noteHelp')}
          placeholder={t('intros.form.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          required
          error={submitted && !note.trim() ? t('common.required') : null}
        />
        {!hasMe && <OrderChoice value={order} onChange={setOrder} names={{ a: nameA, b: nameB }} />}
        <FormActions
          error={error}
          onCancel={onCancel}
          saving={create.isPending}
          submitLabel={t('intros.form.draft')}
          errorTestId="intro-error"
        />
      </Stack>
    </form>
  );
}

function DraftStep({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const intro = useQuery({ queryKey: introKeys.detail(id), queryFn: () => introsApi.get(id) });
  if (!intro.data) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5" c="dimmed" fw={500}>
        {t('intros.form.draftHelp')}
      </Title>
      <DraftEditor
        key={intro.data.updatedAt}
        intro={intro.data}
        onSent={(sent) => {
          notifySuccess(t('intros.sent'));
          onDone();
          void navigate(`/intros/${sent.id}`);
        }}
      />
    </Stack>
  );
}
