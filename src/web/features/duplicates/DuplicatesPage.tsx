import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Radio,
  ScrollArea,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconArrowMerge, IconCopyCheck, IconEyeOff, IconFileImport, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IMPORT_FORMATS, STRONG_REASONS, type SideKey } from '#shared/api/values.ts';
import {
  api,
  keys,
  type DuplicatePair,
  type DuplicatePerson,
  type DuplicateReason,
  type DuplicatesResponse,
} from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { formatDate } from '../../components/format.ts';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

type T = ReturnType<typeof useTranslation>['t'];

/** Reasons that say two records are one person. */
const STRONG: readonly DuplicateReason[] = STRONG_REASONS;
const isStrong = (p: DuplicatePair): boolean => p.reasons.some((r) => STRONG.includes(r));

/** "From LinkedIn", "Added by hand", … */
function sourceLabel(t: T, source: string | null): string {
  if (source === 'manual') return t('duplicates.sources.manual');
  if (source === 'demo') return t('duplicates.sources.demo');
  const format = IMPORT_FORMATS.find((f) => source === `import:${f}`);
  if (format) return t('duplicates.sources.import', { format: t(`import.formatNames.${format}`) });
  return t('duplicates.sources.unknown');
}

/** What tells this side from the other: the first of company, source, email, phone, link, city, date that differs. */
function detailOf(t: T, p: DuplicatePerson, other: DuplicatePerson): string | null {
  const facts = (x: DuplicatePerson) => [
    x.company,
    sourceLabel(t, x.source),
    x.emails[0] ?? null,
    x.phones[0] ?? null,
    x.links[0] ?? null,
    x.city,
    formatDate(x.createdAt),
  ];
  const mine = facts(p);
  const theirs = facts(other);
  return mine.find((v, i) => v !== null && v !== '' && v !== theirs[i]) ?? null;
}

/** After a merge: the pairs of the people merged away are gone, and the totals count them out. */
function dropMerged(qc: QueryClient, gone: ReadonlySet<string>): void {
  qc.setQueryData<DuplicatesResponse>(keys.duplicates, (d) => {
    if (!d) return d;
    const left = d.pairs.filter((x) => !gone.has(x.a.id) && !gone.has(x.b.id));
    const removed = d.pairs.filter((x) => !left.includes(x));
    return {
      pairs: left,
      total: Math.max(left.length, d.total - removed.length),
      strongTotal: Math.max(left.filter(isStrong).length, d.strongTotal - removed.filter(isStrong).length),
    };
  });
}

/** Pairs the user said are different people. There is no API for it: it stays in this browser. */
const DISMISSED_KEY = 'rete.duplicates.dismissed';

function pairKey(p: DuplicatePair): string {
  return [p.a.id, p.b.id].sort().join(':');
}

function loadDismissed(): Set<string> {
  try {
    const raw = localStorage.getItem(DISMISSED_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveDismissed(s: Set<string>): void {
  try {
    localStorage.setItem(DISMISSED_KEY, JSON.stringify([...s].slice(-2000)));
  } catch {
    // Private mode or a full storage: dismissing then lasts until the page is left.
  }
}

export default function DuplicatesPage() {
  const { t } = useTranslation();
  const dups = useQuery({ queryKey: keys.duplicates, queryFn: api.duplicates });
  const [dismissed, setDismissed] = useState(loadDismissed);
  const pairs = useMemo(() => (dups.data?.pairs ?? []).filter((p) => !dismissed.has(pairKey(p))), [dups.data, dismissed]);
  const hidden = (dups.data?.pairs.length ?? 0) - pairs.length;
  // Every pair found, also beyond the ones listed; the ones marked as different people do not count.
  const total = dups.data ? Math.max(pairs.length, dups.data.total - hidden) : 0;
  const strong = pairs.filter(isStrong);
  const strongHidden = (dups.data?.pairs ?? []).filter((p) => isStrong(p) && dismissed.has(pairKey(p))).length;

  const dismiss = (p: DuplicatePair) => {
    const next = new Set(dismissed);
    next.add(pairKey(p));
    saveDismissed(next);
    setDismissed(next);
  };
  const showHidden = () => {
    saveDismissed(new Set());
    setDismissed(new Set());
  };

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <PageHeader
        title={t('duplicates.title')}
        subtitle={dups.data ? t('duplicates.subtitle', { count: total }) : t('duplicates.help')}
      >
        {dups.data && total > pairs.length && (
          <Text c="dimmed" size="sm">
            {t('duplicates.listed', { count: pairs.length })}
          </Text>
        )}
      </PageHeader>

      {strong.length > 0 && dups.data && (
        <BulkMerge pairs={strong} total={Math.max(strong.length, dups.data.strongTotal - strongHidden)} />
      )}

      {dups.isPending ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={140} radius="md" />
          ))}
        </Stack>
      ) : dups.isError ? (
        <Paper withBorder p="xl">
          <EmptyState title={t('errors.title')} description={t('duplicates.loadError')}>
            <EmptyState.Actions>
              <Button variant="default" onClick={() => void dups.refetch()}>
                {t('common.retry')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : pairs.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconCopyCheck size={28} />}
            withIndicatorBackground
            title={t('duplicates.emptyTitle')}
            description={t('duplicates.emptyText')}
          >
            <EmptyState.Actions>
              <Button component={Link} to="/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('duplicates.importMore')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="md">
          {pairs.map((p) => (
            <PairCard key={pairKey(p)} pair={p} onDismiss={() => dismiss(p)} />
          ))}
        </Stack>
      )}

      {hidden > 0 && (
        <Group justify="center">
          <Button variant="subtle" size="xs" onClick={showHidden}>
            {t('duplicates.showDismissed', { count: hidden })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function PairCard({ pair, onDismiss }: { pair: DuplicatePair; onDismiss: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidate = useInvalidateNetwork();
  const [keep, setKeep] = useState<SideKey>(pair.keep);
  const [confirming, setConfirming] = useState(false);
  const kept = keep === 'a' ? pair.a : pair.b;
  const gone = keep === 'a' ? pair.b : pair.a;
  const title = t('duplicates.pairTitle', { a: pair.a.displayName, b: pair.b.displayName });

  const merge = useMutation({
    mutationFn: () => api.mergePeople(kept.id, gone.id),
    onSuccess: async (merged) => {
      setConfirming(false);
      // The pair, and any other pair with the person merged away, are gone now.
      dropMerged(qc, new Set([gone.id]));
      notifySuccess(t('duplicates.merged', { name: merged.name }));
      qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'person' && q.queryKey[1] === gone.id });
      qc.setQueryData(keys.person(merged.id), merged);
      await Promise.all([invalidate(), qc.invalidateQueries({ queryKey: keys.duplicates })]);
    },
  });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap={6} wrap="wrap">
            {pair.reasons.map((r) => (
              <Badge key={r} variant="light" color="blue" tt="none">
                {t(`duplicates.reasons.${r}`)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {t('duplicates.score', { percent: Math.round(pair.score * 100) })}
          </Text>
        </Group>

        <Radio.Group value={keep} onChange={(v) => setKeep(v === 'b' ? 'b' : 'a')} label={t('duplicates.keepLabel')} size="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={6}>
            <PersonCard person={pair.a} other={pair.b} value="a" selected={keep === 'a'} />
            <PersonCard person={pair.b} other={pair.a} value="b" selected={keep === 'b'} />
          </SimpleGrid>
        </Radio.Group>

        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" color="gray" leftSection={<IconEyeOff size={16} />} onClick={onDismiss}>
            {t('duplicates.dismiss')}
          </Button>
          <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setConfirming(true)}>
            {t('duplicates.merge')}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('duplicates.confirmTitle', { name: kept.displayName })}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('duplicates.confirmText', { kept: kept.displayName, gone: gone.displayName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => merge.mutate()} loading={merge.isPending} leftSection={<IconArrowMerge size={16} />}>
              {t('duplicates.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PersonCard({
  person: p,
  other,
  value,
  selected,
}: {
  person: DuplicatePerson;
  other: DuplicatePerson;
  value: string;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const sub = [p.role, p.company].filter(Boolean).join(' · ');
  const detail = detailOf(t, p, other);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={selected ? 'teal.0' : undefined}
      style={{ borderColor: selected ? 'var(--mantine-color-teal-5)' : undefined }}
    >
      <Stack gap={4}>
        <Radio
          value={value}
          label={
            detail === null
              ? t('duplicates.keepThis', { name: p.displayName })
              : t('duplicates.keepThisDetail', { name: p.displayName, detail })
          }
        />
        <Anchor component={Link} to={`/people/${p.id}`} fw={600} className="rete-break">
          {p.displayName}
        </Anchor>
        {sub && (
          <Text size="sm" c="dimmed" className="rete-break">
            {sub}
          </Text>
        )}
        {p.city && <Text size="sm">{p.city}</Text>}
        {p.emails.map((e) => (
          <Text key={e} size="sm" className="rete-break">
            {e}
          </Text>
        ))}
        {p.phones.map((ph) => (
          <Text key={ph} size="sm">
            {ph}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('duplicates.origin', { source: sourceLabel(t, p.source), date: formatDate(p.createdAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * "Merge all pairs that share an email, a phone number or a profile": the server's plan first (who
 * becomes whom: pairs that share a person are one group), in a dialog, then one request that
 * merges them all or none.
 */
function BulkMerge({ pairs, total }: { pairs: DuplicatePair[]; total: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidate = useInvalidateNetwork();
  const [open, setOpen] = useState(false);
  const body = pairs.map((p) => ({ a: p.a.id, b: p.b.id }));
  const people = new Map(pairs.flatMap((p) => [p.a, p.b]).map((x) => [x.id, x]));
  const plan = useQuery({
    // Not under `keys.duplicates`: refreshing the list after a merge must not ask for a plan of people now gone.
    queryKey: ['duplicates-plan', body.map((p) => `${p.a}:${p.b}`).join(',')],
    queryFn: () => api.mergePairs(body, true),
    enabled: open,
  });
  const merge = useMutation({
    mutationFn: () => api.mergePairs(body),
    onSuccess: async (r) => {
      setOpen(false);
      qc.removeQueries({ queryKey: ['duplicates-plan'] });
      notifySuccess(t('duplicates.bulk.done', { count: r.merged }));
      dropMerged(qc, new Set(r.mergedAway));
      for (const id of r.mergedAway) qc.removeQueries({ predicate: (q) => q.queryKey[0] === 'person' && q.queryKey[1] === id });
      await Promise.all([invalidate(), qc.invalidateQueries({ queryKey: keys.duplicates })]);
    },
  });
  /** What the people of a group share: the strong reasons of its pairs. */
  const sharedOf = (ids: ReadonlySet<string>) =>
    STRONG.filter((r) => pairs.some((p) => ids.has(p.a.id) && ids.has(p.b.id) && p.reasons.includes(r)))
      .map((r) => t(`duplicates.reasons.${r}`))
      .join(', ');
  const detail = (id: string, other: string | undefined) => {
    const p = people.get(id);
    const o = other === undefined ? undefined : people.get(other);
    return p && o ? detailOf(t, p, o) : null;
  };
  return (
    <section aria-label={t('duplicates.bulk.region')}>
      <Alert
        color="teal"
        variant="light"
        icon={<IconUsersGroup size={18} />}
        title={t('duplicates.bulk.title', { count: total })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('duplicates.bulk.text')}</Text>
          <Group>
            <Button leftSection={<IconArrowMerge size={16} />} onClick={() => setOpen(true)}>
              {t('duplicates.bulk.review', { count: pairs.length })}
            </Button>
          </Group>
        </Stack>
        <Modal opened={open} onClose={() => setOpen(false)} title={t('duplicates.bulk.modalTitle')} size="lg" centered>
          <Stack gap="md">
            {total > pairs.length && (
              <Text size="sm" c="dimmed">
                {t('duplicates.bulk.more', { count: pairs.length })}
              </Text>
            )}
            {plan.isPending ? (
              <Skeleton h={120} />
            ) : plan.isError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(plan.error)}
              </Alert>
            ) : (
              <>
                <Text size="sm">{t('duplicates.bulk.modalText', { count: plan.data.merged })}</Text>
                <ScrollArea.Autosize mah="50vh" type="auto">
                  <Table fz="sm" verticalSpacing={4} aria-label={t('duplicates.bulk.listLabel')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('duplicates.bulk.kept')}</Table.Th>
                        <Table.Th>{t('duplicates.bulk.gone')}</Table.Th>
                        <Table.Th>{t('duplicates.bulk.why')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.data.groups.map((g) => (
                        <Table.Tr key={g.keep.id}>
                          <Table.Td className="rete-break">
                            <Text size="sm" fw={600}>
                              {g.keep.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {detail(g.keep.id, g.merged[0]?.id)}
                            </Text>
                          </Table.Td>
                          <Table.Td className="rete-break">
                            {g.merged.map((m) => (
                              <div key={m.id}>
                                <Text size="sm">{m.name}</Text>
                                <Text size="xs" c="dimmed">
                                  {detail(m.id, g.keep.id)}
                                </Text>
                              </div>
                            ))}
                          </Table.Td>
                          <Table.Td>{sharedOf(new Set([g.keep.id, ...g.merged.map((m) => m.id)]))}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            )}
            {merge.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(merge.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => merge.mutate()}
                loading={merge.isPending}
                disabled={!plan.isSuccess}
                leftSection={<IconArrowMerge size={16} />}
              >
                {t('duplicates.bulk.confirm', { count: plan.data?.merged ?? pairs.length })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Alert>
    </section>
  );
}
