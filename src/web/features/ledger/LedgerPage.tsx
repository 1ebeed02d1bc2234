import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconChartBar, IconGift, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useState } from 'react';
import { GIVE_KINDS } from '#shared/api/values.ts';
import { ChoiceFilter } from '../../components/ChoiceFilter.tsx';
import { PagedList } from '../../components/PagedList.tsx';
import { useUrlChoice } from '../../components/useUrlChoice.ts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { ENDED_WITHOUT, GIVE_COLOR, INTRO_COLOR, OUTCOME_COLOR } from './colors.ts';
import { GiveModal } from './GiveModal.tsx';
import { ledgerApi, ledgerKeys, type Give, type Outcome, type Received } from './ledger.api.ts';
import { formatDay, formatMoney } from './money.ts';
import { OutcomeModal } from './OutcomeModal.tsx';
import { ReceivedModal } from './ReceivedModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const PAGE = 30;

export default function LedgerPage() {
  const { t } = useTranslation();
  const [received, setTab] = useUrlChoice('tab', ['received']);
  const tab = received ?? 'gives';
  const [giveOpened, giveModal] = useDisclosure(false);
  const [receivedOpened, receivedModal] = useDisclosure(false);

  return (
    <Stack gap="md" maw={960} mx="auto">
      <PageHeader
        title={t('ledger.title')}
        subtitle={t('ledger.subtitle')}
        actions={
          <Group gap="sm">
            <Button component={Link} to="/givers-gain" variant="default" leftSection={<IconChartBar size={16} />}>
              {t('giversGain.title')}
            </Button>
            <Button variant="light" leftSection={<IconBriefcase size={16} />} onClick={receivedModal.open}>
              {t('ledger.received.add')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={giveModal.open}>
              {t('ledger.give.add')}
            </Button>
          </Group>
        }
      />

      <Tabs value={tab} onChange={(v) => setTab(v === 'received' ? v : null)}>
        <Tabs.List>
          <Tabs.Tab value="gives" leftSection={<IconGift size={16} />}>
            {t('ledger.tabs.gives')}
          </Tabs.Tab>
          <Tabs.Tab value="received" leftSection={<IconBriefcase size={16} />}>
            {t('ledger.tabs.received')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="gives" pt="md">
          {tab === 'gives' && <GivesList onAdd={giveModal.open} />}
        </Tabs.Panel>
        <Tabs.Panel value="received" pt="md">
          {tab === 'received' && <ReceivedList onAdd={receivedModal.open} />}
        </Tabs.Panel>
      </Tabs>

      {giveOpened && <GiveModal opened onClose={giveModal.close} />}
      {receivedOpened && <ReceivedModal opened onClose={receivedModal.close} />}
    </Stack>
  );
}

function GivesList({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [kind, setKind] = useUrlChoice('kind', GIVE_KINDS);
  const list = useInfiniteQuery({
    queryKey: ledgerKeys.gives({ kind }),
    queryFn: ({ pageParam }) => ledgerApi.gives({ kind, cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  // A link to one give (#give-…) scrolls to it once the list is there.
  const loaded = items.length > 0;
  useEffect(() => {
    if (!loaded || !location.hash.startsWith('#give-')) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [loaded, location.hash]);

  return (
    <Stack gap="sm">
      <ChoiceFilter
        label={t('ledger.filterKind')}
        allLabel={t('ledger.allKinds')}
        choices={GIVE_KINDS}
        labelOf={(k) => t(`ledger.kinds.${k}`)}
        value={kind}
        onChange={setKind}
      />
      <PagedList
        query={list}
        items={items}
        label={t('ledger.tabs.gives')}
        skeletonHeight={100}
        empty={{
          icon: <IconGift size={28} />,
          title: kind ? t('ledger.emptyFiltered') : t('ledger.emptyTitle'),
          text: t('ledger.emptyText'),
          action: (
            <Button onClick={onAdd} leftSection={<IconPlus size={16} />}>
              {t('ledger.give.add')}
            </Button>
          ),
        }}
        renderItem={(g) => (
          <li key={g.id}>
            <GiveCard give={g} />
          </li>
        )}
        loadMore={t('ledger.loadMore')}
      />
    </Stack>
  );
}

function People({ people }: { people: Array<{ id: string; name: string }> }) {
  return (
    <>
      {people.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/people/${p.id}`} size="sm">
            {p.name}
          </Anchor>
        </Fragment>
      ))}
    </>
  );
}

function GiveCard({ give: g }: { give: Give }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [editOpened, edit] = useDisclosure(false);
  const [outcomeOpened, outcome] = useDisclosure(false);
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="article"
      aria-labelledby={titleId}
      id={`give-${g.id}`}
      data-testid="give-card"
    >
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge color={GIVE_COLOR[g.kind]} variant="light">
              {t(`ledger.kinds.${g.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDay(g.date)}
            </Text>
          </Group>
          <EditAndDelete
            editLabel={t('ledger.give.edit')}
            onEdit={edit.open}
            remove={{
              label: t('ledger.give.delete'),
              title: t('ledger.give.deleteTitle'),
              text: g.intro ? t('ledger.give.deleteIntroText') : t('ledger.give.deleteText'),
              run: () => ledgerApi.deleteGive(g.id),
              done: t('ledger.give.deleted'),
            }}
          />
        </Group>
        <Title order={3} size="h5" fw={500} id={titleId} className="rete-pre">
          {g.description}
        </Title>
        {g.recipients.length > 0 && (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('ledger.give.to')}{' '}
            </Text>
            <People people={g.recipients} />
          </Text>
        )}
        {g.need && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" className="rete-break">
              <Text span c="dimmed" size="sm">
                {t('ledger.give.answers')}{' '}
              </Text>
              {g.need.text}
            </Text>
            <Badge size="xs" variant="light" color={g.need.status === 'satisfied' ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
              {t(`ledger.needStatus.${g.need.status}`)}
            </Badge>
          </Group>
        )}
        {g.intro && (
          <Group gap="xs" wrap="wrap">
            <Badge
              size="sm"
              variant="light"
              color={INTRO_COLOR[g.intro.status] ?? 'blue'}
              data-testid="give-intro-status"
              data-status={g.intro.status}
            >
              {t(`intros.status.${g.intro.status}`)}
            </Badge>
            <Anchor component={Link} to={`/intros/${g.intro.id}`} size="sm">
              {t('ledger.give.seeIntro')}
            </Anchor>
          </Group>
        )}
        {g.outcomes.length > 0 && (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('ledger.outcomes')}>
            {g.outcomes.map((o) => (
              <OutcomeLine key={o.id} outcome={o} />
            ))}
          </Stack>
        )}
        {/* A declined or cancelled introduction has no outcome to wait for: it shows as such. */}
        {!(g.intro && ENDED_WITHOUT.includes(g.intro.status)) && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={outcome.open}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('ledger.outcome.add')}
          </Button>
        )}
      </Stack>
      {editOpened && <GiveModal opened onClose={edit.close} give={g} />}
      {outcomeOpened && <OutcomeModal giveId={g.id} opened onClose={outcome.close} />}
    </Paper>
  );
}

function OutcomeLine({ outcome: o }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <li data-testid="outcome">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Badge size="sm" variant="dot" color={OUTCOME_COLOR[o.kind]} style={{ flexShrink: 0 }}>
          {t(`ledger.outcomeKinds.${o.kind}`)}
        </Badge>
        <Text size="sm" style={{ flex: 1, minWidth: 0 }} className="rete-break">
          {o.value && <strong>{formatMoney(o.value.amountCents, o.value.currency)} </strong>}
          {o.note}
          <Text span size="xs" c="dimmed">
            {' '}
            · {formatDay(o.date)}
          </Text>
        </Text>
        <DeleteButton
          label={t('ledger.outcome.delete')}
          title={t('ledger.outcome.deleteTitle')}
          text={t('ledger.outcome.deleteText')}
          run={() => ledgerApi.deleteOutcome(o.id)}
          done={t('ledger.outcome.deleted')}
          size="sm"
        />
      </Group>
    </li>
  );
}

/** A trash icon that asks before deleting. */
/** A card's pencil and bin, top right. */
function EditAndDelete({
  editLabel,
  onEdit,
  remove,
}: {
  editLabel: string;
  onEdit: () => void;
  remove: Parameters<typeof DeleteButton>[0];
}) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={editLabel} openDelay={400}>
        <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={editLabel}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <DeleteButton {...remove} />
    </Group>
  );
}

function DeleteButton({
  label,
  title,
  text,
  run,
  done,
  size = 'md',
}: {
  label: string;
  title: string;
  text: string;
  run: () => Promise<unknown>;
  done: string;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<string | null>(null);
  const del = useMutation({
    mutationFn: run,
    meta: { silent: true },
    onSuccess: async () => {
      close();
      notifySuccess(done);
      await qc.invalidateQueries({ queryKey: ledgerKeys.all });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  return (
    <>
      <Tooltip label={label} openDelay={400}>
        <ActionIcon variant="subtle" color="red" onClick={open} aria-label={label} size={size}>
          <IconTrash size={size === 'sm' ? 14 : 18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          <Text size="sm">{text}</Text>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => del.mutate()} loading={del.isPending}>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ReceivedList({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ledgerKeys.received({}),
    queryFn: ({ pageParam }) => ledgerApi.received({ cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <PagedList
        query={list}
        items={items}
        label={t('ledger.tabs.received')}
        skeletonHeight={80}
        empty={{
          icon: <IconBriefcase size={28} />,
          title: t('ledger.received.emptyTitle'),
          text: t('ledger.received.emptyText'),
          action: (
            <Button onClick={onAdd} leftSection={<IconPlus size={16} />}>
              {t('ledger.received.add')}
            </Button>
          ),
        }}
        renderItem={(r) => (
          <li key={r.id}>
            <ReceivedCard received={r} />
          </li>
        )}
        loadMore={t('ledger.loadMore')}
      />
    </Stack>
  );
}

function ReceivedCard({ received: r }: { received: Received }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [editOpened, edit] = useDisclosure(false);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="article" aria-labelledby={titleId} data-testid="received-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            {r.kind === 'introduction' && (
              <Badge color="grape" variant="light" size="lg" tt="none" data-testid="received-kind">
                {t('ledger.received.kinds.introduction')}
              </Badge>
            )}
            {r.value && (
              <Badge color="green" variant="light" size="lg" tt="none">
                {formatMoney(r.value.amountCents, r.value.currency)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDay(r.date)}
            </Text>
          </Group>
          <EditAndDelete
            editLabel={t('ledger.received.edit')}
            onEdit={edit.open}
            remove={{
              label: t('ledger.received.delete'),
              title: t('ledger.received.deleteTitle'),
              text: t('ledger.received.deleteText'),
              run: () => ledgerApi.deleteReceived(r.id),
              done: t('ledger.received.deleted'),
            }}
          />
        </Group>
        <Title order={3} size="h5" fw={500} id={titleId} className="rete-pre">
          {r.description}
        </Title>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('ledger.received.referredBy')}:{' '}
          </Text>
          {r.referredBy ? <People people={[r.referredBy]} /> : t('ledger.received.unknownReferrer')}
        </Text>
      </Stack>
      {editOpened && <ReceivedModal opened onClose={edit.close} received={r} />}
    </Paper>
  );
}
