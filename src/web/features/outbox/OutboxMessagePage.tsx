import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconExternalLink, IconInfoCircle, IconMail, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { formatDateTime, safeHttpUrl } from '../../components/format.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { MailProblem, MailStatusBadge } from '../intros/IntroStatus.tsx';
import { introKeys, introsApi, type OutboxMessageDetail } from '../intros/intros.api.ts';
import { addressList, answerLinkKind, formatAddress, splitUrls } from './address.ts';

export default function OutboxMessagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const msg = useQuery({
    queryKey: introKeys.message(id),
    queryFn: () => introsApi.message(id),
    staleTime: 0,
    meta: { silent: true },
    refetchInterval: (q) => {
      const m = q.state.data;
      if (m?.status !== 'queued') return false;
      return m.errorReason ? 10_000 : 2_000;
    },
  });
  if (msg.isPending) return <FullPageLoader />;
  if (msg.isError) {
    return (
      <LoadError
        error={msg.error}
        icon={<IconMail size={28} />}
        notFound={{ title: t('outbox.notFound'), text: t('outbox.notFoundText') }}
        back={{ to: '/outbox', label: t('outbox.back') }}
      />
    );
  }
  return <MessageView m={msg.data} />;
}

/** Plain text with its http(s) links clickable; everything else stays text. */
function LinkedText({ text }: { text: string }) {
  return (
    <Text component="div" size="sm" className="rete-pre" ff="monospace" data-testid="mail-text">
      {splitUrls(text).map((part, i) => {
        const href = part.url && !part.text.includes('…') ? safeHttpUrl(part.text) : null;
        return href ? (
          <Anchor key={i} href={href} target="_blank" rel="noreferrer" size="sm" ff="monospace">
            {part.text}
          </Anchor>
        ) : (
          <span key={i}>{part.text}</span>
        );
      })}
    </Text>
  );
}

function MessageView({ m }: { m: OutboxMessageDetail }) {
  const { t } = useTranslation();
  const links = splitUrls(m.text ?? '')
    .filter((p) => p.url)
    .map((p) => ({ href: safeHttpUrl(p.text), kind: answerLinkKind(p.text) }))
    .filter((l): l is { href: string; kind: 'accept' | 'decline' | 'page' } => !!l.href && l.kind !== null);
  const accept = links.find((l) => l.kind === 'accept');
  const decline = links.find((l) => l.kind === 'decline');
  const isAsk = m.kind === 'intro_ask' || m.kind === 'intro_ask_reminder';
  const asks = m.kind === 'intro_request' || m.kind === 'intro_reminder' || isAsk;

  const rows: Array<[string, string]> = [
    [t('outbox.from'), formatAddress(m.from)],
    ...(m.replyTo ? [[t('outbox.replyTo'), formatAddress(m.replyTo)] as [string, string]] : []),
    [t('outbox.to'), addressList(m.to)],
    ...(m.cc.length > 0 ? [[t('outbox.cc'), addressList(m.cc)] as [string, string]] : []),
    [t('outbox.date'), formatDateTime(m.sentAt ?? m.createdAt)],
    ...(m.messageId ? [[t('outbox.messageId'), m.messageId] as [string, string]] : []),
  ];

  return (
    <Stack gap="md" maw={960} mx="auto">
      <Anchor component={Link} to="/outbox" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('outbox.back')}
        </Group>
      </Anchor>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Title order={1} size="h3" className="rete-break">
              {m.subject}
            </Title>
            <MailStatusBadge mail={m} />
          </Group>
          <Group gap="xs">
            <Badge size="sm" variant="outline" color="gray" tt="none">
              {t(`outbox.kinds.${m.kind}`)}
            </Badge>
            {m.introId && (
              <Anchor component={Link} to={`/intros/${m.introId}`} size="sm">
                {t('outbox.seeIntro')}
              </Anchor>
            )}
            {m.askId && (
              <Anchor component={Link} to="/intros#asks" size="sm">
                {t('outbox.seeAsk')}
              </Anchor>
            )}
          </Group>
          <Table variant="vertical" layout="fixed" withTableBorder={false} fz="sm" aria-label={t('outbox.headers')}>
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={{ base: 90, sm: 130 }} fw={500} c="dimmed">
                    {k}
                  </Table.Th>
                  <Table.Td className="rete-break">{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <MailProblem mail={m} />
        </Stack>
      </Paper>

      {asks && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="answer-links">
          <Stack gap="xs">
            <Title order={2} size="h5" id="answer-links">
              {t('outbox.answerLinks')}
            </Title>
            {accept || decline ? (
              <>
                <Text size="sm" c="dimmed">
                  {t('outbox.answerLinksHelp')}
                </Text>
                <Group gap="sm">
                  {accept && (
                    <Button
                      component="a"
                      href={accept.href}
                      target="_blank"
                      rel="noreferrer"
                      leftSection={<IconCheck size={16} />}
                      rightSection={<IconExternalLink size={14} />}
                    >
                      {t(isAsk ? 'outbox.openYes' : 'outbox.openAccept')}
                    </Button>
                  )}
                  {decline && (
                    <Button
                      component="a"
                      href={decline.href}
                      target="_blank"
                      rel="noreferrer"
                      variant="default"
                      leftSection={<IconX size={16} />}
                      rightSection={<IconExternalLink size={14} />}
                    >
                      {t(isAsk ? 'outbox.openNo' : 'outbox.openDecline')}
                    </Button>
                  )}
                </Group>
              </>
            ) : (
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconInfoCircle size={18} color="var(--mantine-color-gray-6)" aria-hidden="true" style={{ flexShrink: 0 }} />
                <Text size="sm" c="dimmed">
                  {m.status === 'queued' && !m.errorReason
                    ? t('outbox.linksWhenSent')
                    : m.status !== 'sent'
                      ? t('outbox.linksWhenDelivered')
                      : m.delivery === 'smtp'
                        ? t('outbox.linksNotKept')
                        : t('outbox.noLinks')}
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
      )}

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Tabs defaultValue="text">
          <Tabs.List>
            <Tabs.Tab value="text">{t('outbox.textPart')}</Tabs.Tab>
            <Tabs.Tab value="html" disabled={!m.html}>
              {t('outbox.htmlPart')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="text" pt="md">
            {m.text ? (
              <LinkedText text={m.text} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('outbox.noText')}
              </Text>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="html" pt="md">
            {m.html && (
              <Box>
                <Text size="xs" c="dimmed" mb={6}>
                  {t('outbox.htmlHelp')}
                </Text>
                {/* No scripts, no forms, no navigation: the HTML part is only looked at. */}
                <iframe
                  sandbox=""
                  srcDoc={m.html}
                  title={t('outbox.htmlPart')}
                  referrerPolicy="no-referrer"
                  style={{
                    width: '100%',
                    height: 560,
                    border: '1px solid var(--mantine-color-gray-3)',
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: '#fff',
                  }}
                />
              </Box>
            )}
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
