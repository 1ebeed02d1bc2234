import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAddressBook, IconBraces, IconDeviceMobile, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '#shared/api/values.ts';
import { api, type ExportFormat } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { SectionHeading } from '../../components/SectionHeading.tsx';

const ICON: Record<ExportFormat, typeof IconAddressBook> = {
  vcard: IconAddressBook,
  vcard3: IconDeviceMobile,
  csv: IconFileSpreadsheet,
  json: IconBraces,
};
const ITEMS = EXPORT_FORMATS.map((format) => ({ format, icon: ICON[format] }));

/** Downloads are plain links: the session cookie authenticates a GET, and the server names the file. */
export function ExportCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('export.title')}>
      <Stack gap="md">
        <SectionHeading
          icon={<IconDownload size={22} color="var(--mantine-color-teal-6)" />}
          title={t('export.title')}
          help={t('export.help')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {ITEMS.map(({ format, icon: Icon }) => (
            <Paper key={format} withBorder p="sm" radius="md">
              <Stack gap={6} h="100%">
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  {t(`export.formats.${format}.help`)}
                </Text>
                <Button
                  component="a"
                  href={api.exportUrl(format, currentLanguage())}
                  download
                  variant="light"
                  leftSection={<Icon size={18} />}
                  fullWidth
                >
                  {t(`export.formats.${format}.label`)}
                </Button>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
