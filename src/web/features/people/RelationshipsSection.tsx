import { Anchor, Avatar, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STRENGTHS } from '#shared/api/values.ts';
import { api, type Relationship } from '../../api/client.ts';
import { fieldErrors, notifyError } from '../../components/errors.ts';
import { SaveCancel } from '../../components/InlineEdit.tsx';
import { initials, relativeTime } from '../../components/format.ts';
import { PersonPicker, type PersonRef } from '../../components/PersonPicker.tsx';
import { useInvalidateNetwork } from './hooks.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';
import { RowActions } from '../../components/RowActions.tsx';

function StrengthControl({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('relationships.strength')}
      size="xs"
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      data={STRENGTHS.map((n) => ({ value: String(n), label: t(`relationships.strengths.${n}`) }))}
    />
  );
}

function StrengthDots({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={3} wrap="nowrap" aria-label={t(`relationships.strengths.${value}`)} title={t(`relationships.strengths.${value}`)}>
      {STRENGTHS.map((n) => (
        <span
          key={n}
          style={{
            width: 8,
            height: 8,
            borderRadius: 4,
            background: n <= value ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-3)',
          }}
        />
      ))}
    </Group>
  );
}

export function RelationshipsSection({
  personId,
  personName,
  relationships,
}: {
  personId: string;
  personName: string;
  relationships: Relationship[];
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const [adding, setAdding] = useState(false);
  const [other, setOther] = useState<PersonRef | null>(null);
  const [strength, setStrength] = useState(2);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: () => {
      if (!other) throw new Error('no person picked');
      return api.addRelationship(personId, { otherPersonId: other.id, strength, note });
    },
    meta: { silent: true },
    onSuccess: async () => {
      setOther(null);
      setNote('');
      setStrength(2);
      setErrors({});
      setAdding(false);
      await invalidate();
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      if (Object.keys(fe).length) setErrors(fe);
      else notifyError(err);
    },
  });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('relationships.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SectionHeading order={3} title={t('relationships.title')} help={t('relationships.subtitle', { name: personName })} />
          {!adding && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('relationships.add')}
            </Button>
          )}
        </Group>
        {adding && (
          <Paper p="sm" bg="gray.0" radius="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!other) return setErrors({ otherPersonId: t('relationships.pickSomeone') });
                add.mutate();
              }}
            >
              <Stack gap="xs">
                <PersonPicker
                  label={t('relationships.knows', { name: personName })}
                  value={other}
                  onChange={setOther}
                  exclude={[personId, ...relationships.map((r) => r.other.id)]}
                  error={errors.otherPersonId ?? null}
                  autoFocus
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('relationships.strength')}
                  </Text>
                  <StrengthControl value={strength} onChange={setStrength} />
                </Stack>
                <TextInput
                  label={t('relationships.note')}
                  placeholder={t('relationships.notePlaceholder')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  maxLength={1000}
                  error={errors.note}
                />
                <SaveCancel onCancel={() => setAdding(false)} saving={add.isPending} />
              </Stack>
            </form>
          </Paper>
        )}
        {relationships.length === 0 && !adding ? (
          <EmptyNote>{t('relationships.empty')}</EmptyNote>
        ) : (
          <Stack gap={4}>
            {relationships.map((r) => (
              <RelationshipRow key={r.id} rel={r} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function RelationshipRow({ rel }: { rel: Relationship }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const [editing, setEditing] = useState(false);
  const [strength, setStrength] = useState(rel.strength);
  const [note, setNote] = useState(rel.note ?? '');
  const update = useMutation({
    mutationFn: () => api.updateRelationship(rel.id, { strength, note }),
    onSuccess: async () => {
      setEditing(false);
      await invalidate();
    },
  });
  const remove = useMutation({ mutationFn: () => api.deleteRelationship(rel.id), onSuccess: () => invalidate() });
  // An intermediary said they were no longer in touch; the user knows better.
  const inTouch = useMutation({
    mutationFn: () => api.updateRelationship(rel.id, { lapsed: false }),
    onSuccess: () => invalidate(),
  });

  if (editing) {
    return (
      <Paper p="sm" bg="gray.0" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate();
          }}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {rel.other.name}
            </Text>
            <StrengthControl value={strength} onChange={setStrength} />
            <TextInput
              aria-label={t('relationships.note')}
              placeholder={t('relationships.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
            />
            <SaveCancel onCancel={() => setEditing(false)} saving={update.isPending} />
          </Stack>
        </form>
      </Paper>
    );
  }

  return (
    <Group gap="sm" wrap="nowrap" className="rete-editable" py={6} px={4} mx={-4}>
      <Avatar size={32} radius="xl" color="initials" name={rel.other.name}>
        {initials(rel.other.name)}
      </Avatar>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/people/${rel.other.id}`} size="sm" fw={600} truncate>
            {rel.other.name}
          </Anchor>
          <StrengthDots value={rel.strength} />
          <Text size="xs" c="dimmed">
            {t(`relationships.strengths.${rel.strength}`)}
          </Text>
        </Group>
        {rel.note && (
          <Text size="xs" c="dimmed" className="rete-pre">
            {rel.note}
          </Text>
        )}
        {rel.lapsedAt && (
          <Group gap="xs" wrap="wrap" data-testid="relationship-lapsed">
            <Badge color="orange" variant="light" size="sm" tt="none">
              {t('relationships.lapsed')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('relationships.lapsedHelp', { when: relativeTime(rel.lapsedAt) })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => inTouch.mutate()} loading={inTouch.isPending}>
              {t('relationships.inTouch')}
            </Button>
          </Group>
        )}
      </Stack>
      <RowActions
        onEdit={() => {
          setStrength(rel.strength);
          setNote(rel.note ?? '');
          setEditing(true);
        }}
        onDelete={() => remove.mutate()}
        deleting={remove.isPending}
      />
    </Group>
  );
}
