import { ActionIcon, Anchor, Avatar, Badge, Grid, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconBulb, IconHeartHandshake, IconPencil, IconUserQuestion } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LOCALES, type Locale } from '#shared/api/values.ts';
import { api, keys, type PersonDetail } from '../../api/client.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { EditableSelect, EditableText, SaveCancel, saveWithErrors } from '../../components/InlineEdit.tsx';
import { initials, relativeTime } from '../../components/format.ts';
import { BirthdayField, ChannelsField, IntroducedByField, TagsField } from './DetailFields.tsx';
import { DemoBadge } from './DemoNetwork.tsx';
import { usePersonPatch } from './hooks.ts';
import { ItemsSection } from './ItemsSection.tsx';
import { RelationshipsSection } from './RelationshipsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { ValueFinderPanel } from '../matching/ValueFinderPanel.tsx';
import { ErasePersonButton } from '../privacy/ErasePerson.tsx';
import { PersonActions } from '../intros/PersonActions.tsx';
import { PrivacySection } from '../privacy/PrivacySection.tsx';
import { KeepInTouchSection, RoutineActions } from '../today/KeepInTouchSection.tsx';

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(id), queryFn: () => api.person(id), meta: { silent: true } });

  if (person.isPending) return <FullPageLoader />;
  if (person.isError) {
    return (
      <LoadError
        error={person.error}
        icon={<IconUserQuestion size={28} />}
        notFound={{ title: t('person.notFoundTitle'), text: t('person.notFoundText') }}
        back={{ to: '/people', label: t('person.backToPeople') }}
      />
    );
  }
  return <PersonView person={person.data} />;
}

function PersonView({ person: p }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const patch = usePersonPatch(p.id);
  const save = (body: Parameters<typeof patch.mutateAsync>[0]) => patch.mutateAsync(body);
  const subtitle = [p.role, p.company].filter(Boolean).join(' · ');

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Anchor component={Link} to="/people" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('person.backToPeople')}
        </Group>
      </Anchor>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Avatar size={56} radius="xl" color="initials" name={p.name} visibleFrom="xs">
              {initials(p.name)}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <NameTitle name={p.name} onSave={(name) => save({ name })} />
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
              <Group gap={6} mt={4}>
                {p.privacy.source === 'demo' && <DemoBadge />}
                {p.city && (
                  <Badge variant="light" color="gray" tt="none">
                    {p.city}
                  </Badge>
                )}
                {p.language && (
                  <Badge variant="outline" color="gray">
                    {p.language.toUpperCase()}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {p.lastInteractionAt ? t('people.lastSeen', { when: relativeTime(p.lastInteractionAt) }) : t('timeline.none')}
                </Text>
              </Group>
              <PersonActions person={p}>
                <RoutineActions person={p} />
              </PersonActions>
            </Stack>
          </Group>
          <ErasePersonButton person={p} variant="icon" />
        </Group>
      </Paper>

      <ValueFinderPanel personId={p.id} personName={p.name} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('person.details')}>
            <Stack gap="md">
              <Title order={3} size="h4">
                {t('person.details')}
              </Title>
              <EditableText
                label={t('person.company')}
                field="company"
                value={p.company}
                maxLength={200}
                onSave={(v) => save({ company: v })}
              />
              <EditableText
                label={t('person.role')}
                field="role"
                value={p.role}
                maxLength={200}
                onSave={(v) => save({ role: v })}
              />
              <Grid gap="sm">
                <Grid.Col span={6}>
                  <EditableText
                    label={t('person.city')}
                    field="city"
                    value={p.city}
                    maxLength={100}
                    onSave={(v) => save({ city: v })}
                  />
                </Grid.Col>
                <Grid.Col span={6}>
                  <EditableText
                    label={t('person.country')}
                    field="country"
                    value={p.country}
                    maxLength={100}
                    onSave={(v) => save({ country: v })}
                  />
                </Grid.Col>
              </Grid>
              <EditableSelect
                label={t('person.language')}
                value={p.language}
                data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                onSave={(v) => save({ language: (v as Locale | null) ?? null })}
              />
              <ChannelsField kind="emails" label={t('person.emails')} values={p.emails} onSave={(emails) => save({ emails })} />
              <ChannelsField kind="phones" label={t('person.phones')} values={p.phones} onSave={(phones) => save({ phones })} />
              <ChannelsField kind="links" label={t('person.links')} values={p.links} onSave={(links) => save({ links })} />
              <TagsField label={t('person.tags')} tags={p.tags} onSave={(tags) => save({ tags })} />
              <EditableText
                label={t('person.howMet')}
                field="howMet"
                value={p.howMet}
                multiline
                maxLength={1000}
                onSave={(v) => save({ howMet: v })}
              />
              <BirthdayField label={t('person.birthday')} value={p.birthday} onSave={(birthday) => save({ birthday })} />
              <IntroducedByField
                label={t('person.introducedBy')}
                personId={p.id}
                value={p.introducedBy}
                onSave={(introducedById) => save({ introducedById })}
              />
              <EditableText
                label={t('person.notes')}
                field="notes"
                value={p.notes}
                multiline
                maxLength={20000}
                onSave={(v) => save({ notes: v })}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ItemsSection
              personId={p.id}
              kind="needs"
              items={p.needs}
              title={t('items.needsTitle')}
              description={t('items.needsHelp', { name: p.name })}
              emptyText={t('items.needsEmpty')}
              addLabel={t('items.addNeed')}
              placeholder={t('items.needPlaceholder')}
              icon={<IconBulb size={20} color="var(--mantine-color-orange-6)" />}
            />
            <ItemsSection
              personId={p.id}
              kind="offers"
              items={p.offers}
              title={t('items.offersTitle')}
              description={t('items.offersHelp', { name: p.name })}
              emptyText={t('items.offersEmpty')}
              addLabel={t('items.addOffer')}
              placeholder={t('items.offerPlaceholder')}
              icon={<IconHeartHandshake size={20} color="var(--mantine-color-teal-6)" />}
            />
            {!p.isSelf && <KeepInTouchSection person={p} />}
            <TimelineSection personId={p.id} timeline={p.timeline} lastInteractionAt={p.lastInteractionAt} />
            <RelationshipsSection personId={p.id} personName={p.name} relationships={p.relationships} />
            <PrivacySection person={p} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function NameTitle({ name, onSave }: { name: string; onSave: (name: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (editing) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim()) return setError(t('common.required'));
          setSaving(true);
          void saveWithErrors(
            () => onSave(draft.trim()),
            ['name'],
            (m) => setError(m),
          ).then((ok) => {
            setSaving(false);
            if (ok) setEditing(false);
          });
        }}
      >
        <Stack gap="xs">
          <TextInput
            aria-label={t('person.name')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={error}
            autoFocus
            size="md"
            maxLength={200}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
          />
          <SaveCancel onCancel={() => setEditing(false)} saving={saving} />
        </Stack>
      </form>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Title order={1} size="h2" className="rete-break">
        {name}
      </Title>
      <Tooltip label={t('common.editField', { field: t('person.name') })} openDelay={400}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => {
            setDraft(name);
            setError(null);
            setEditing(true);
          }}
          aria-label={t('common.editField', { field: t('person.name') })}
        >
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
