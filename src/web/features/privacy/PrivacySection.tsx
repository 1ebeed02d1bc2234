import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FORMATS, LEGAL_BASES } from '#shared/api/values.ts';
import type { LegalBasis, PersonDetail, PersonPrivacy } from '../../api/client.ts';
import { formatDate } from '../../components/format.ts';
import { EditableSelect, EditableText } from '../../components/InlineEdit.tsx';
import { usePersonPatch } from '../people/hooks.ts';
import { ErasePersonButton } from './ErasePerson.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';

const IMPORT_SOURCES = new Set<string>(IMPORT_FORMATS);

/** Where the data came from, in words: "Imported from LinkedIn on 27 Nov 2026". */
function SourceLine({ privacy }: { privacy: PersonPrivacy }) {
  const { t } = useTranslation();
  const source = privacy.source;
  const date = formatDate(privacy.sourceAt);
  const imported = source?.startsWith('import:') ? source.slice('import:'.length) : null;
  let text: string;
  if (imported !== null) {
    const name = IMPORT_SOURCES.has(imported) ? t(`import.formatNames.${imported}`) : imported;
    text = date ? t('privacy.sourceImported', { source: name, date }) : t('privacy.sourceImportedNoDate', { source: name });
  } else if (source === 'manual') {
    text = date ? t('privacy.sourceManual', { date }) : t('privacy.sourceManualNoDate');
  } else if (source === 'demo') {
    text = t('privacy.sourceDemo');
  } else if (source) {
    text = date ? `${source} · ${date}` : source;
  } else text = t('privacy.sourceUnknown');
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {t('privacy.source')}
      </Text>
      <Text size="sm" className="rete-break" px={4} mx={-4} py={3}>
        {text}
      </Text>
    </Stack>
  );
}

export function PrivacySection({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const { privacy } = person;
  const patch = usePersonPatch(person.id);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('privacy.title')}>
      <Stack gap="md">
        <SectionHeading
          icon={<IconShieldLock size={20} color="var(--mantine-color-gray-6)" />}
          order={3}
          title={t('privacy.title')}
          help={t('privacy.help')}
        />
        <EditableSelect
          label={t('privacy.legalBasis')}
          value={privacy.legalBasis}
          data={LEGAL_BASES.map((b) => ({ value: b, label: t(`privacy.bases.${b}`) }))}
          onSave={(v) => patch.mutateAsync({ legalBasis: (v as LegalBasis | null) ?? null })}
        />
        <EditableText
          label={t('privacy.legalBasisNote')}
          field="legalBasisNote"
          value={privacy.legalBasisNote}
          multiline
          maxLength={2000}
          emptyText={t('privacy.legalBasisNoteEmpty')}
          onSave={(v) => patch.mutateAsync({ legalBasisNote: v.trim() || null })}
        />
        <SourceLine privacy={privacy} />
        {!person.isSelf && (
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {t('privacy.eraseHelp')}
            </Text>
            <Group>
              <ErasePersonButton person={person} variant="button" />
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
