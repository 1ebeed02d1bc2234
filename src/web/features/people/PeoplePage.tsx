import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconBulb,
  IconFileImport,
  IconFilterOff,
  IconHeartHandshake,
  IconPlus,
  IconSearch,
  IconUsers,
} from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, keys, type PeopleFilter, type PersonSummary } from '../../api/client.ts';
import { initials, relativeTime } from '../../components/format.ts';
import { matchText } from '../../components/search-match.ts';
import { PeopleMenu } from '../import/PeopleMenu.tsx';
import { AddPersonModal } from './AddPersonModal.tsx';
import { DemoBadge, DemoBanner } from './DemoNetwork.tsx';
import { useLoadDemo } from './useLoadDemo.ts';

const PAGE = 50;

export default function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [addOpened, addModal] = useDisclosure(false);
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const tag = params.get('tag') ?? '';
  const city = params.get('city') ?? '';
  const openNeeds = params.get('open') === '1';
  const mobile = useMediaQuery('(max-width: 48em)');

  // The search lives in the address, so that Back returns to the same list.
  useEffect(() => {
    const q = debounced.trim();
    if ((params.get('q') ?? '') === q) return;
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (q) n.set('q', q);
        else n.delete('q');
        return n;
      },
      { replace: true },
    );
  }, [debounced, params, setParams]);

  const setFilter = (name: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(name, value);
        else n.delete(name);
        return n;
      },
      { replace: true },
    );

  const filter: PeopleFilter = useMemo(
    () => ({ q: params.get('q') ?? '', tag, city, ...(openNeeds ? { hasOpenNeeds: true } : {}), limit: PAGE }),
    [params, tag, city, openNeeds],
  );
  const filtered = Boolean(filter.q || tag || city || openNeeds);

  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets });
  const list = useInfiniteQuery({
    queryKey: keys.peopleList(filter),
    queryFn: ({ pageParam }) => api.people({ ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const people = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = facets.data?.total ?? 0;
  const networkEmpty = facets.data !== undefined && total === 0;

  const clear = () => {
    setText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('people.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {facets.data ? t('people.subtitle', { count: total }) : '\u00a0'}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <PeopleMenu />
          <Button leftSection={<IconPlus size={18} />} onClick={addModal.open}>
            {t('people.add')}
          </Button>
        </Group>
      </Group>

      {networkEmpty ? (
        <EmptyNetwork onAdd={addModal.open} />
      ) : (
        <>
          <DemoBanner />
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <TextInput
                placeholder={t('people.searchPlaceholder')}
                aria-label={t('people.search')}
                leftSection={<IconSearch size={18} />}
                rightSection={list.isFetching && !list.isFetchingNextPage ? <Loader size={16} /> : null}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                size="md"
                type="search"
              />
              <Group gap="sm" wrap="wrap" align="center">
                <Select
                  aria-label={t('people.tag')}
                  placeholder={t('people.anyTag')}
                  data={(facets.data?.tags ?? []).map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
                  value={tag || null}
                  onChange={(v) => setFilter('tag', v)}
                  searchable
                  clearable
                  w={{ base: '100%', xs: 200 }}
                  nothingFoundMessage={t('people.noMatches')}
                />
                <Select
                  aria-label={t('people.city')}
                  placeholder={t('people.anyCity')}
                  data={(facets.data?.cities ?? []).map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
                  value={city || null}
                  onChange={(v) => setFilter('city', v)}
                  searchable
                  clearable
                  w={{ base: '100%', xs: 200 }}
                  nothingFoundMessage={t('people.noMatches')}
                />
                <Switch
                  label={t('people.hasOpenNeeds')}
                  checked={openNeeds}
                  onChange={(e) => setFilter('open', e.currentTarget.checked ? '1' : null)}
                />
                {filtered && (
                  <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} />} onClick={clear}>
                    {t('people.clearFilters')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>

          {list.isPending ? (
            <Stack gap="xs">
              {[0, 1, 2, 3].map((i) => (
                <Skeleton key={i} h={48} radius="md" />
              ))}
            </Stack>
          ) : people.length === 0 ? (
            <Paper withBorder p="xl">
              <EmptyState
                icon={<IconSearch size={28} />}
                withIndicatorBackground
                title={t('people.noResultsTitle')}
                description={t('people.noResultsText')}
              >
                <EmptyState.Actions>
                  <Button variant="default" onClick={clear}>
                    {t('people.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            </Paper>
          ) : mobile ? (
            <PeopleCards people={people} />
          ) : (
            <PeopleTable people={people} />
          )}

          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('people.loadMore')}
              </Button>
            </Group>
          )}
          {people.length > 0 && (
            <Text size="xs" c="dimmed" ta="center">
              {t('people.shown', { count: people.length })}
            </Text>
          )}
        </>
      )}
      <AddPersonModal opened={addOpened} onClose={addModal.close} />
    </Stack>
  );
}

function Tags({ tags, max = 4 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.slice(0, max).map((tg) => (
        <Badge key={tg} variant="light" color="gray" size="sm" tt="none">
          {tg}
        </Badge>
      ))}
      {tags.length > max && (
        <Badge variant="transparent" color="gray" size="sm">
          +{tags.length - max}
        </Badge>
      )}
    </Group>
  );
}

function companyRole(p: PersonSummary): string {
  return [p.role, p.company].filter(Boolean).join(' · ');
}

/** Why a search found this person, when the name does not say it. */
function MatchLine({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const text = matchText(t, person);
  if (!text) return null;
  return (
    <Text size="xs" c="teal.8" lineClamp={1} maw={360} data-testid="search-match">
      {text}
    </Text>
  );
}

function OpenNeeds({ count, compact }: { count: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (count === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (compact) {
    return (
      <Group
        gap={4}
        wrap="nowrap"
        aria-label={t('people.openNeedsCount', { count })}
        title={t('people.openNeedsCount', { count })}
      >
        <IconBulb size={16} color="var(--mantine-color-orange-6)" />
        <Text size="sm" fw={600} c="orange.8">
          {count}
        </Text>
      </Group>
    );
  }
  return (
    <Badge color="orange" variant="light" leftSection={<IconBulb size={12} />} tt="none" style={{ flexShrink: 0 }}>
      {t('people.openNeedsCount', { count })}
    </Badge>
  );
}

function PeopleTable({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('person.name')}</Table.Th>
              <Table.Th>{t('people.companyRole')}</Table.Th>
              <Table.Th>{t('person.city')}</Table.Th>
              <Table.Th>{t('person.tags')}</Table.Th>
              <Table.Th>{t('people.openNeeds')}</Table.Th>
              <Table.Th>{t('people.lastInteraction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.id} className="rete-row" onClick={() => void navigate(`/people/${p.id}`)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar size={32} radius="xl" color="initials" name={p.name}>
                      {initials(p.name)}
                    </Avatar>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={`/people/${p.id}`}
                          fw={600}
                          size="sm"
                          c="dark.7"
                          onClick={(e) => e.stopPropagation()}
                        >
                          {p.name}
                        </Anchor>
                        {p.demo && <DemoBadge />}
                      </Group>
                      <MatchLine person={p} />
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {companyRole(p)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.city}</Text>
                </Table.Td>
                <Table.Td>
                  <Tags tags={p.tags} max={2} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <OpenNeeds count={p.openNeeds} compact />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {p.lastInteractionAt ? relativeTime(p.lastInteractionAt) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function PeopleCards({ people }: { people: PersonSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {people.map((p) => (
        <Card key={p.id} withBorder padding="sm" component={Link} to={`/people/${p.id}`} aria-label={p.name}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Avatar size={38} radius="xl" color="initials" name={p.name}>
              {initials(p.name)}
            </Avatar>
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" truncate>
                    {p.name}
                  </Text>
                  {p.demo && <DemoBadge />}
                </Group>
                {p.openNeeds > 0 && <OpenNeeds count={p.openNeeds} />}
              </Group>
              {(p.company || p.role) && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {companyRole(p)}
                </Text>
              )}
              <MatchLine person={p} />
              <Group gap={6} wrap="wrap">
                {p.city && <Text size="xs">{p.city}</Text>}
                {p.lastInteractionAt && (
                  <Text size="xs" c="dimmed">
                    · {t('people.lastSeen', { when: relativeTime(p.lastInteractionAt) })}
                  </Text>
                )}
              </Group>
              <Tags tags={p.tags} max={3} />
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** An empty network: say what Rete is for, and offer the two ways in. */
function EmptyNetwork({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  const demo = useLoadDemo();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg" align="center">
        <EmptyState
          icon={<IconUsers size={30} />}
          variant="light"
          color="teal"
          title={t('people.emptyTitle')}
          description={t('people.emptyText')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640} w="100%">
          <Card withBorder padding="md" bg="gray.0">
            <Group gap="xs" mb={6} wrap="nowrap">
              <IconBulb size={18} color="var(--mantine-color-orange-6)" />
              <Text fw={600} size="sm">
                {t('people.emptyNeedsTitle')}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('people.emptyNeedsText')}
            </Text>
          </Card>
          <Card withBorder padding="md" bg="gray.0">
            <Group gap="xs" mb={6} wrap="nowrap">
              <IconHeartHandshake size={18} color="var(--mantine-color-teal-6)" />
              <Text fw={600} size="sm">
                {t('people.emptyOffersTitle')}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('people.emptyOffersText')}
            </Text>
          </Card>
        </SimpleGrid>
        <Group justify="center" gap="sm">
          <Button leftSection={<IconPlus size={18} />} onClick={onAdd}>
            {t('people.addFirst')}
          </Button>
          <Button component={Link} to="/import" variant="light" leftSection={<IconFileImport size={18} />}>
            {t('people.importContacts')}
          </Button>
          <Button variant="light" onClick={() => demo.mutate()} loading={demo.isPending}>
            {t('people.loadDemo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
