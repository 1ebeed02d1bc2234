import { ActionIcon, TextInput, Tooltip } from '@mantine/core';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export const MIN_NEED_LENGTH = 2;

export function findUrl(q: string): string {
  return `/find?${new URLSearchParams({ q: q.trim() }).toString()}`;
}

/**
 * "I need…": a need in either language, answered on /find. In the header on wide screens; the error
 * shows as a tooltip so that the header keeps its height.
 */
export function NeedBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (draft.trim().length < MIN_NEED_LENGTH) {
      setError(t('find.tooShort', { count: MIN_NEED_LENGTH }));
      return;
    }
    setError(null);
    void navigate(findUrl(draft));
    setDraft('');
  };

  return (
    <form
      role="search"
      aria-label={t('find.label')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      style={{ flex: 1, maxWidth: 460, minWidth: 0 }}
    >
      <Tooltip label={error} opened={!!error} color="red" position="bottom-start" withArrow>
        <TextInput
          aria-label={t('find.label')}
          placeholder={t('find.placeholder')}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            if (error) setError(null);
          }}
          onBlur={() => setError(null)}
          error={!!error}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          radius="xl"
          maxLength={1000}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          rightSection={
            <ActionIcon type="submit" radius="xl" variant="light" aria-label={t('find.submit')}>
              <IconArrowRight size={16} />
            </ActionIcon>
          }
        />
      </Tooltip>
      {error && (
        <span id={errorId} role="alert" className="rete-sr-only">
          {error}
        </span>
      )}
    </form>
  );
}
