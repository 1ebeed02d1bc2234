import { ActionIcon, Menu } from '@mantine/core';
import { IconAddressBook, IconArrowMerge, IconDotsVertical, IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';

/** The People page's menu: bring contacts in, take them out, tidy duplicates. */
export function PeopleMenu() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <ActionIcon variant="default" size={36} aria-label={t('people.moreActions')}>
          <IconDotsVertical size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/import" leftSection={<IconFileImport size={16} />}>
          {t('people.importContacts')}
        </Menu.Item>
        <Menu.Item component={Link} to="/duplicates" leftSection={<IconArrowMerge size={16} />}>
          {t('people.findDuplicates')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('export.title')}</Menu.Label>
        <Menu.Item component="a" href={api.exportUrl('vcard')} download leftSection={<IconAddressBook size={16} />}>
          {t('export.formats.vcard.label')}
        </Menu.Item>
        <Menu.Item component="a" href={api.exportUrl('csv')} download leftSection={<IconFileSpreadsheet size={16} />}>
          {t('export.formats.csv.label')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
