import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, type ApiToken, type CreatedToken } from '../../api/client.ts';
import { notifySuccess, reportFormError } from '../../components/errors.ts';
import { formatDate, relativeTime } from '../../components/format.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';

/** My personal API tokens (shown in Settings): make one, see it once, revoke it. */
export function TokensCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: api.tokens });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const create = useMutation({
    mutationFn: (n: string) => api.createToken(n),
    meta: { silent: true },
    onSuccess: async (c) => {
      setCreated(c);
      setName('');
      await qc.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (err) => reportFormError(err, ['name'], (_p, m) => setNameError(m)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: async () => {
      setRevoking(null);
      notifySuccess(t('tokens.revoked'));
      await qc.invalidateQueries({ queryKey: keys.tokens });
    },
  });

  const items = tokens.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SectionHeading title={t('tokens.title')} help={t('tokens.help')} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return setNameError(t('common.required'));
            setNameError(null);
            create.mutate(name.trim());
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError}
              maxLength={100}
              style={{ flex: 1 }}
            />
            <Button type="submit" leftSection={<IconKey size={16} />} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </form>
        {items.length === 0 ? (
          <EmptyNote>{t('tokens.empty')}</EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((tk) => (
                  <Table.Tr key={tk.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {tk.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{tk.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(tk.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {tk.lastUsedAt ? relativeTime(tk.lastUsedAt) : t('tokens.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Tooltip label={t('tokens.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(tk)}
                          aria-label={t('tokens.revokeNamed', { name: tk.name })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('tokens.createdTitle')} centered size="lg">
        {created && (
          <Stack gap="sm">
            <Alert color="orange" variant="light">
              {t('tokens.createdWarning')}
            </Alert>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="token-secret">
                {created.secret}
              </Code>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('tokens.copied') : t('tokens.copy')} withArrow>
                    <ActionIcon
                      color={copied ? 'teal' : 'gray'}
                      variant="light"
                      size="lg"
                      onClick={copy}
                      aria-label={t('tokens.copy')}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('tokens.usage')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)}>{t('tokens.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('tokens.revokeTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('tokens.revokeText', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
