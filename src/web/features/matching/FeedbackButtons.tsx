import { Anchor, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconThumbUp, IconThumbUpFilled, IconVocabulary, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys, type Feedback, type FeedbackVerdict, type MatchPerson } from '../../api/client.ts';

/** What a suggestion answers: a need or an offer of my network, or a need typed in "I need…". */
export type Asked = { kind: 'need' | 'offer'; id: string } | { kind: 'ask'; text: string };

/** Verdicts and taught words change every answer of the Value Finder and the people search. */
export async function refreshAnswers(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: keys.persons }),
    qc.invalidateQueries({ queryKey: keys.matches }),
    qc.invalidateQueries({ queryKey: keys.people }),
    qc.invalidateQueries({ queryKey: keys.feedback }),
  ]);
}

const bodyOf = (asked: Asked, personId: string, verdict: FeedbackVerdict) =>
  asked.kind === 'ask'
    ? { itemKind: 'ask' as const, ask: asked.text, personId, verdict }
    : { itemKind: asked.kind, itemId: asked.id, personId, verdict };

/** Folded words, as the server keys a typed ask. */
const words = (s: string) =>
  (
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

const samePair = (f: Feedback, asked: Asked, personId: string) =>
  f.person.id === personId &&
  f.itemKind === asked.kind &&
  (asked.kind === 'ask' ? words(f.itemText ?? '') === words(asked.text) : f.itemId === asked.id);

/**
 * "Good match" and "Not relevant" on one suggestion. Not relevant hides the person for this ask
 * for good (with a way back right away); a good match ranks them a little higher here and for
 * similar asks, and pressing it again takes it back.
 */
export function FeedbackButtons({ asked, person, verdict }: { asked: Asked; person: MatchPerson; verdict: 'good' | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const good = verdict === 'good';

  const takeBack = useMutation({
    mutationFn: async (id?: string) => {
      let target = id;
      if (!target) {
        const all = await qc.fetchQuery({ queryKey: keys.feedback, queryFn: api.feedback, staleTime: 0 });
        target = all.items.find((f) => samePair(f, asked, person.id))?.id;
      }
      if (target) await api.deleteFeedback(target);
    },
    onSuccess: () => refreshAnswers(qc),
  });

  const mark = useMutation({
    mutationFn: (v: FeedbackVerdict) => api.setFeedback(bodyOf(asked, person.id, v)),
    onSuccess: async (f) => {
      if (f.verdict === 'not_relevant') {
        const id = `feedback-${f.id}`;
        notifications.show({
          id,
          color: 'gray',
          autoClose: 8000,
          message: (
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <span>{t('feedback.hidden', { name: person.name })}</span>
              <Button
                size="compact-xs"
                variant="light"
                style={{ flexShrink: 0 }}
                onClick={() => {
                  notifications.hide(id);
                  takeBack.mutate(f.id);
                }}
              >
                {t('feedback.undo')}
              </Button>
            </Group>
          ),
        });
      }
      await refreshAnswers(qc);
    },
  });

  const busy = mark.isPending || takeBack.isPending;
  return (
    <Group gap={6} wrap="wrap" data-testid="feedback">
      <Button
        size="compact-xs"
        variant={good ? 'light' : 'subtle'}
        color={good ? 'teal' : 'gray'}
        leftSection={good ? <IconThumbUpFilled size={14} aria-hidden="true" /> : <IconThumbUp size={14} aria-hidden="true" />}
        aria-pressed={good}
        aria-label={t('feedback.goodFor', { name: person.name })}
        disabled={busy}
        onClick={() => (good ? takeBack.mutate(undefined) : mark.mutate('good'))}
      >
        {t('feedback.good')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<IconX size={14} aria-hidden="true" />}
        aria-label={t('feedback.notRelevantFor', { name: person.name })}
        disabled={busy}
        onClick={() => mark.mutate('not_relevant')}
      >
        {t('feedback.notRelevant')}
      </Button>
    </Group>
  );
}

/** Where the user teaches Rete their own words (Settings). */
export function TeachWordsLink() {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconVocabulary size={16} color="var(--mantine-color-dimmed)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="xs" c="dimmed">
        {t('feedback.teachHint')}{' '}
        <Anchor component={Link} to="/settings#words" size="xs">
          {t('feedback.teachLink')}
        </Anchor>
      </Text>
    </Group>
  );
}
