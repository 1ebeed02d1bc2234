import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/errors.ts';
import { formatDay } from './days.ts';
import { routineApi, routineKeys, type Today, type TodayItem } from './routine.api.ts';

/** What the user says of an item of Today: done, not relevant, or not before a day. */
export type Mark =
  | { item: TodayItem; state: 'done' }
  | { item: TodayItem; state: 'dismissed' }
  | { item: TodayItem; state: 'snoozed'; until: string };

/**
 * A follow-up's "done" is the follow-up's own (it leaves the person's list and the calendar too);
 * every other mark is Today's state of the item.
 */
function send(m: Mark): Promise<unknown> {
  const fu = m.item.followUp;
  if (m.state === 'done' && m.item.kind === 'follow_up' && fu) return routineApi.updateFollowUp(fu.id, { done: true });
  return routineApi.setState(
    m.state === 'snoozed' ? { key: m.item.key, state: 'snoozed', until: m.until } : { key: m.item.key, state: m.state },
  );
}

function takeBack(m: Mark): Promise<unknown> {
  const fu = m.item.followUp;
  if (m.state === 'done' && m.item.kind === 'follow_up' && fu) return routineApi.updateFollowUp(fu.id, { done: false });
  return routineApi.setState({ key: m.item.key, state: 'open' });
}

function without(today: Today | undefined, key: string): Today | undefined {
  if (!today) return today;
  const items = today.items.filter((i) => i.key !== key);
  if (items.length === today.items.length) return today;
  return { ...today, items, counts: { ...today.counts, hidden: today.counts.hidden + 1 } };
}

/** The item back where it was (Today keeps its order: kinds first, then urgency). */
function withBack(today: Today | undefined, item: TodayItem, index: number): Today | undefined {
  if (!today || today.items.some((i) => i.key === item.key)) return today;
  const items = [...today.items];
  items.splice(Math.min(index, items.length), 0, item);
  return { ...today, items, counts: { ...today.counts, hidden: Math.max(0, today.counts.hidden - 1) } };
}

/**
 * After a mark, the lists of follow-ups may change; Today itself is already right (the item left
 * it, or came back), and asking it again would count as a new visit.
 */
const refreshOthers = (qc: QueryClient) =>
  qc.invalidateQueries({ queryKey: routineKeys.all, predicate: (q) => q.queryKey[1] !== routineKeys.today[1] });

/**
 * Done, not relevant and snooze in one tap: the item leaves Today at once (put back if the server
 * refuses), and the notification that says so can take it back.
 */
export function useTodayMark() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();

  const undo = useMutation({
    mutationFn: (v: { mark: Mark; index: number }) => takeBack(v.mark),
    meta: { silent: true },
    onMutate: async ({ mark, index }) => {
      await qc.cancelQueries({ queryKey: routineKeys.today });
      qc.setQueryData<Today>(routineKeys.today, (d) => withBack(d, mark.item, index));
    },
    onError: async (err) => {
      notifyError(err);
      await qc.invalidateQueries({ queryKey: routineKeys.today });
    },
    onSettled: () => refreshOthers(qc),
  });

  return useMutation({
    mutationFn: send,
    meta: { silent: true },
    onMutate: async (m) => {
      await qc.cancelQueries({ queryKey: routineKeys.today });
      const before = qc.getQueryData<Today>(routineKeys.today);
      const index = before?.items.findIndex((i) => i.key === m.item.key) ?? -1;
      qc.setQueryData<Today>(routineKeys.today, (d) => without(d, m.item.key));
      return { before, index };
    },
    onError: (err, _m, ctx) => {
      if (ctx?.before) qc.setQueryData(routineKeys.today, ctx.before);
      notifyError(err);
    },
    onSuccess: (_r, m, ctx) => {
      const id = `today-${m.item.key}`;
      const message =
        m.state === 'done'
          ? t('today.marked.done')
          : m.state === 'dismissed'
            ? t('today.marked.dismissed')
            : t('today.marked.snoozed', { day: formatDay(m.until, i18n.language) });
      notifications.show({
        id,
        color: 'teal',
        autoClose: 8000,
        message: (
          <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="today-marked">
            <span>{message}</span>
            <Button
              size="compact-xs"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => {
                notifications.hide(id);
                undo.mutate({ mark: m, index: Math.max(0, ctx.index) });
              }}
            >
              {t('today.undo')}
            </Button>
          </Group>
        ),
      });
    },
    onSettled: () => refreshOthers(qc),
  });
}
