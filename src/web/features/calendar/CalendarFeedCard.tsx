import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconCopy, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/errors.ts';
import { formatDate } from '../../components/format.ts';
import { SectionHeading } from '../../components/SectionHeading.tsx';
import { calendarApi, calendarKeys, type CalendarFeedCreated } from './calendar.api.ts';

/**
 * Settings: the private calendar feed. Made (or made again) on request, its address shows once
 * to copy into a calendar app; revoking it stops every subscription.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const feed = useQuery({ queryKey: calendarKeys.feed, queryFn: calendarApi.feed });
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);
  const create = useMutation({
    mutationFn: calendarApi.createFeed,
    onSuccess: async (c) => {
      setConfirm(null);
      setCreated(c);
      await qc.invalidateQueries({ queryKey: calendarKeys.feed });
    },
  });
  const revoke = useMutation({
    mutationFn: calendarApi.revokeFeed,
    onSuccess: async () => {
      setConfirm(null);
      notifySuccess(t('calendarFeed.revoked'));
      await qc.invalidateQueries({ queryKey: calendarKeys.feed });
    },
  });
  const active = feed.data?.active ?? false;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" id="calendar-feed-title">
          <IconCalendarEvent size={20} color="var(--mantine-color-blue-6)" aria-hidden="true" />
          <SectionHeading title={t('calendarFeed.title')} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('calendarFeed.help')}
        </Text>
        {feed.isSuccess && (
          <Text size="sm" data-testid="calendar-feed-state">
            {active && feed.data.createdAt
              ? t('calendarFeed.active', { date: formatDate(feed.data.createdAt) })
              : t('calendarFeed.inactive')}
          </Text>
        )}
        <Group gap="xs">
          {active ? (
            <>
              <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => setConfirm('regenerate')}>
                {t('calendarFeed.regenerate')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirm('revoke')}>
                {t('calendarFeed.revoke')}
              </Button>
            </>
          ) : (
            <Button
              leftSection={<IconCalendarEvent size={16} />}
              onClick={() => create.mutate()}
              loading={create.isPending}
              disabled={!feed.isSuccess}
            >
              {t('calendarFeed.create')}
            </Button>
          )}
        </Group>
      </Stack>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'revoke' ? t('calendarFeed.revokeTitle') : t('calendarFeed.regenerateTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{confirm === 'revoke' ? t('calendarFeed.revokeText') : t('calendarFeed.regenerateText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            {confirm === 'revoke' ? (
              <Button color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                {t('calendarFeed.revoke')}
              </Button>
            ) : (
              <Button onClick={() => create.mutate()} loading={create.isPending}>
                {t('calendarFeed.regenerate')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>

      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('calendarFeed.createdTitle')} size="lg">
        {created && (
          <Stack gap="md">
            <Alert color="orange" variant="light">
              {t('calendarFeed.createdWarning')}
            </Alert>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="calendar-feed-url">
                {created.url}
              </Code>
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('tokens.copied') : t('tokens.copy')} withArrow>
                    <ActionIcon
                      color={copied ? 'teal' : 'gray'}
                      variant="light"
                      size="lg"
                      onClick={copy}
                      aria-label={copied ? t('tokens.copied') : t('tokens.copy')}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('calendarFeed.usage')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)}>{t('tokens.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
