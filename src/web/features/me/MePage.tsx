import { Alert, Grid, Stack } from '@mantine/core';
import { IconBulb, IconHeartHandshake, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, keys } from '../../api/client.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { useUser } from '../auth/session.tsx';
import { GiveTodaySection } from '../matching/ValueFinderPanel.tsx';
import { ItemsSection } from '../people/ItemsSection.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

/** My own profile: what I can give and what I am looking for. */
export default function MePage() {
  const { t } = useTranslation();
  const user = useUser();
  const me = useQuery({ queryKey: keys.me, queryFn: api.me });

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageLoader error onRetry={() => void me.refetch()} />;
  const p = me.data;

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <PageHeader title={t('me.title')} subtitle={t('me.subtitle', { name: user.displayName })} />
      <Alert variant="light" color="teal" icon={<IconInfoCircle size={18} />}>
        {t('me.help')}
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ItemsSection
            personId={p.id}
            kind="offers"
            items={p.offers}
            title={t('me.offersTitle')}
            description={t('me.offersHelp')}
            emptyText={t('me.offersEmpty')}
            addLabel={t('items.addOffer')}
            placeholder={t('me.offerPlaceholder')}
            icon={<IconHeartHandshake size={20} color="var(--mantine-color-teal-6)" />}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ItemsSection
            personId={p.id}
            kind="needs"
            items={p.needs}
            title={t('me.needsTitle')}
            description={t('me.needsHelp')}
            emptyText={t('me.needsEmpty')}
            addLabel={t('items.addNeed')}
            placeholder={t('me.needPlaceholder')}
            icon={<IconBulb size={20} color="var(--mantine-color-orange-6)" />}
          />
        </Grid.Col>
      </Grid>
      <GiveTodaySection personId={p.id} />
    </Stack>
  );
}
