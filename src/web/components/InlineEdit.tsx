import { ActionIcon, Box, Button, Group, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError } from './errors.ts';

/**
 * Runs a save and turns a failure into the message to show next to the field (when the server
 * named one of `paths`), or into a notification. Resolves to true when saved.
 */
export async function saveWithErrors(
  save: () => Promise<unknown>,
  paths: readonly string[],
  setError: (msg: string | null, path?: string) => void,
): Promise<boolean> {
  try {
    await save();
    setError(null);
    return true;
  } catch (err) {
    const fe = fieldErrors(err);
    const hit = Object.entries(fe).find(([p]) => paths.some((k) => p === k || p.startsWith(`${k}.`)));
    if (hit) setError(hit[1], hit[0]);
    else notifyError(err);
    return false;
  }
}

interface ShellProps {
  label: string;
  editing: boolean;
  onEdit: () => void;
  display: ReactNode;
  editor: ReactNode;
  empty: boolean;
  emptyText?: string | undefined;
}

/** A labelled value with a pencil; in edit mode the editor takes its place. */
export function FieldShell({ label, editing, onEdit, display, editor, empty, emptyText }: ShellProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {editing ? (
        editor
      ) : (
        <Group gap={4} wrap="nowrap" align="flex-start" className="rete-editable" px={4} mx={-4}>
          <Box style={{ flex: 1, minWidth: 0 }} py={3}>
            {empty ? (
              <Text size="sm" c="dimmed" fs="italic">
                {emptyText ?? t('common.notSet')}
              </Text>
            ) : (
              display
            )}
          </Box>
          <Tooltip label={t('common.editField', { field: label })} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="md"
              onClick={onEdit}
              aria-label={t('common.editField', { field: label })}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
    </Stack>
  );
}

export function SaveCancel({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="flex-end">
      <Button variant="default" size="xs" onClick={onCancel} disabled={saving}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" size="xs" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

interface EditableTextProps {
  label: string;
  /** The field's name in the API, to find its error. */
  field: string;
  value: string | null;
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  emptyText?: string;
  render?: (value: string) => ReactNode;
}

export function EditableText({
  label,
  field,
  value,
  onSave,
  multiline,
  required,
  maxLength,
  emptyText,
  render,
}: EditableTextProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const start = () => {
    setDraft(value ?? '');
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setError(null);
  };
  const submit = async () => {
    if (required && !draft.trim()) {
      setError(t('common.required'));
      return;
    }
    if (draft.trim() === (value ?? '').trim()) {
      setEditing(false);
      return;
    }
    setSaving(true);
    const ok = await saveWithErrors(
      () => onSave(draft),
      [field],
      (m) => setError(m),
    );
    setSaving(false);
    if (ok) setEditing(false);
  };

  const common = {
    value: draft,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(e.currentTarget.value),
    error,
    autoFocus: true,
    maxLength,
    'aria-label': label,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      }
      if (multiline && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    },
  };

  return (
    <FieldShell
      label={label}
      editing={editing}
      onEdit={start}
      empty={!value}
      emptyText={emptyText}
      display={
        value && render ? (
          render(value)
        ) : (
          <Text size="sm" className={multiline ? 'rete-pre' : 'rete-break'}>
            {value}
          </Text>
        )
      }
      editor={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            {multiline ? <Textarea autosize minRows={3} maxRows={14} {...common} /> : <TextInput {...common} />}
            <SaveCancel onCancel={cancel} saving={saving} />
          </Stack>
        </form>
      }
    />
  );
}

interface EditableSelectProps {
  label: string;
  value: string | null;
  data: { value: string; label: string }[];
  onSave: (value: string | null) => Promise<unknown>;
  clearable?: boolean;
}

/** A choice among a few values: always a select, saved as soon as it is picked. */
export function EditableSelect({ label, value, data, onSave, clearable = true }: EditableSelectProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Select
        aria-label={label}
        data={data}
        value={value}
        placeholder={t('common.notSet')}
        clearable={clearable}
        disabled={saving}
        error={error}
        size="sm"
        onChange={(v) => {
          setSaving(true);
          void saveWithErrors(
            () => onSave(v),
            ['language'],
            (m) => setError(m),
          ).then(() => setSaving(false));
        }}
      />
    </Stack>
  );
}
