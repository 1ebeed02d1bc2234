import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type ItemKind, type ItemStatus } from '../../api/client.ts';
import { fieldErrors, notifyError } from '../../components/errors.ts';
import { SaveCancel } from '../../components/InlineEdit.tsx';
import { relativeTime } from '../../components/format.ts';
import { useInvalidateNetwork } from './hooks.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { RowActions } from '../../components/RowActions.tsx';

interface Props {
  personId: string;
  kind: ItemKind;
  items: Item[];
  title: string;
  description?: string;
  emptyText: string;
  addLabel: string;
  placeholder: string;
  icon?: ReactNode;
}

function textError(err: unknown): string | null {
  const fe = fieldErrors(err);
  return fe.text ?? null;
}

/** Needs or offers of one person (or of me): add, edit, toggle open/satisfied, delete. */
export function ItemsSection({ personId, kind, items, title, description, emptyText, addLabel, placeholder, icon }: Props) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (text: string) => api.addItem(kind, personId, { text }),
    meta: { silent: true },
    onSuccess: async () => {
      setDraft('');
      setAddError(null);
      await invalidate();
    },
    onError: (err) => {
      const m = textError(err);
      if (m) setAddError(m);
      else notifyError(err);
    },
  });

  const submit = () => {
    const text = draft.trim();
    if (text.length < 2) {
      setAddError(t('items.tooShort'));
      return;
    }
    add.mutate(text);
  };

  const sorted = [...items].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
  const open = items.filter((i) => i.status === 'open').length;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            {icon}
            <Title order={3} size="h4">
              {title}
            </Title>
            {items.length > 0 && (
              <Badge variant="light" color={open > 0 ? 'teal' : 'gray'}>
                {t(`items.${kind}.openCount`, { count: open })}
              </Badge>
            )}
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {items.length === 0 ? (
          <EmptyNote>{emptyText}</EmptyNote>
        ) : (
          <Stack gap={6}>
            {sorted.map((item) => (
              <ItemRow key={item.id} kind={kind} item={item} />
            ))}
          </Stack>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Textarea
              aria-label={addLabel}
              placeholder={placeholder}
              value={draft}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
                if (addError) setAddError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  submit();
                }
              }}
              autosize
              minRows={1}
              maxRows={6}
              maxLength={2000}
              error={addError}
              style={{ flex: 1 }}
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} variant="light" visibleFrom="xs">
              {t('common.add')}
            </Button>
            <ActionIcon
              type="submit"
              size={36}
              variant="light"
              loading={add.isPending}
              hiddenFrom="xs"
              aria-label={t('common.add')}
            >
              <IconPlus size={18} />
            </ActionIcon>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}

function ItemRow({ kind, item }: { kind: ItemKind; item: Item }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateNetwork();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const [error, setError] = useState<string | null>(null);
  const satisfied = item.status === 'satisfied';

  const update = useMutation({
    mutationFn: (body: { text?: string; status?: ItemStatus }) => api.updateItem(kind, item.id, body),
    meta: { silent: true },
    onSuccess: async () => {
      setEditing(false);
      setError(null);
      await invalidate();
    },
    onError: (err) => {
      const m = textError(err);
      if (m && editing) setError(m);
      else notifyError(err);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.deleteItem(kind, item.id),
    onSuccess: () => invalidate(),
  });

  if (editing) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (text.length < 2) return setError(t('items.tooShort'));
          update.mutate({ text });
        }}
      >
        <Stack gap="xs">
          <Textarea
            aria-label={t('items.editText')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autosize
            minRows={2}
            autoFocus
            maxLength={2000}
            error={error}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
          />
          <SaveCancel onCancel={() => setEditing(false)} saving={update.isPending} />
        </Stack>
      </form>
    );
  }

  const toggleLabel = satisfied ? t(`items.${kind}.markOpen`) : t(`items.${kind}.markSatisfied`);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" className="rete-editable" py={4} px={4} mx={-4} data-testid={`${kind}-item`}>
      <Tooltip label={toggleLabel} openDelay={300}>
        <ActionIcon
          variant="subtle"
          color={satisfied ? 'teal' : 'gray'}
          onClick={() => update.mutate({ status: satisfied ? 'open' : 'satisfied' })}
          loading={update.isPending}
          aria-label={toggleLabel}
          aria-pressed={satisfied}
        >
          {satisfied ? <IconCircleCheckFilled size={20} /> : <IconCircle size={20} />}
        </ActionIcon>
      </Tooltip>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" className="rete-pre" td={satisfied ? 'line-through' : undefined} c={satisfied ? 'dimmed' : undefined}>
          {item.text}
        </Text>
        <Group gap={6}>
          <Badge size="xs" variant="light" color={satisfied ? 'gray' : 'teal'}>
            {satisfied ? t(`items.${kind}.satisfied`) : t(`items.${kind}.open`)}
          </Badge>
          {item.language && (
            <Badge size="xs" variant="outline" color="gray">
              {item.language.toUpperCase()}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {relativeTime(item.updatedAt)}
          </Text>
        </Group>
      </Stack>
      <RowActions
        onEdit={() => {
          setDraft(item.text);
          setError(null);
          setEditing(true);
        }}
        onDelete={() => remove.mutate()}
        deleting={remove.isPending}
      />
    </Group>
  );
}
