import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowMerge, IconCopyCheck, IconEyeOff, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys, type DuplicatePair, type DuplicatePerson } from '../../api/client.ts';
import { notifySuccess } from '../../components/errors.ts';
import { useInvalidateNetwork } from '../people/hooks.ts';

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
      <div>
        <Title order={1} size="h2">
          {t('duplicates.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {dups.data ? t('duplicates.subtitle', { count: pairs.length }) : t('duplicates.help')}
        </Text>
      </div>

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
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [confirming, setConfirming] = useState(false);
  const kept = keep === 'a' ? pair.a : pair.b;
  const gone = keep === 'a' ? pair.b : pair.a;
  const title = t('duplicates.pairTitle', { a: pair.a.displayName, b: pair.b.displayName });

  const merge = useMutation({
    mutationFn: () => api.mergePeople(kept.id, gone.id),
    onSuccess: async (merged) => {
      setConfirming(false);
      // The pair, and any other pair with the person merged away, are gone now.
      qc.setQueryData<{ pairs: DuplicatePair[] }>(keys.duplicates, (d) =>
        d ? { pairs: d.pairs.filter((x) => ![x.a.id, x.b.id].includes(gone.id)) } : d,
      );
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
            <PersonCard person={pair.a} value="a" selected={keep === 'a'} />
            <PersonCard person={pair.b} value="b" selected={keep === 'b'} />
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

function PersonCard({ person: p, value, selected }: { person: DuplicatePerson; value: string; selected: boolean }) {
  const { t } = useTranslation();
  const sub = [p.role, p.company].filter(Boolean).join(' · ');
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={selected ? 'teal.0' : undefined}
      style={{ borderColor: selected ? 'var(--mantine-color-teal-5)' : undefined }}
    >
      <Stack gap={4}>
        <Radio value={value} label={t('duplicates.keepThis', { name: p.displayName })} />
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
      </Stack>
    </Paper>
  );
}
