import { Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, type PersonSummary } from '../api/client.ts';
import { matchText, whoLine } from './search-match.ts';

export interface PersonRef {
  id: string;
  name: string;
}

interface Props {
  label?: string;
  placeholder?: string;
  value: PersonRef | null;
  onChange: (p: PersonRef | null) => void;
  /** Ids that may not be picked (the person themself, people already linked). */
  exclude?: readonly string[];
  error?: string | null;
  autoFocus?: boolean;
  clearable?: boolean;
  'aria-label'?: string;
}

/**
 * A searchable select of my contacts; it asks the server as one types. The server ranks names that
 * start with the words typed first; each option says what tells it apart (company, city) or why it
 * is there (what matched). Options are only shown for the text in the box: while an answer for
 * newer text is on its way, older options are hidden, so that a quick pick never takes someone the
 * new text does not match.
 */
export function PersonPicker({
  label,
  placeholder,
  value,
  onChange,
  exclude = [],
  error,
  autoFocus,
  clearable = true,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  // While a picked name is shown in the box, that is not a search.
  const typed = value && search === value.name ? '' : search.trim();
  const q = value && debounced === value.name ? '' : debounced.trim();
  const results = useQuery({
    queryKey: keys.peopleSearch(q),
    queryFn: () => api.people({ q, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const current = q === typed && !results.isPlaceholderData;

  const { data, byId } = useMemo(() => {
    const byId = new Map<string, PersonSummary>();
    const out: ComboboxItem[] = [];
    if (value) out.push({ value: value.id, label: value.name });
    for (const p of current ? (results.data?.items ?? []) : []) {
      if (exclude.includes(p.id) || p.id === value?.id) continue;
      byId.set(p.id, p);
      out.push({ value: p.id, label: p.name });
    }
    return { data: out, byId };
  }, [results.data, current, value, exclude]);

  return (
    <Select
      label={label}
      aria-label={rest['aria-label'] ?? label}
      placeholder={placeholder ?? t('people.pickPerson')}
      leftSection={<IconSearch size={16} />}
      searchable
      clearable={clearable}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value?.id ?? null}
      filter={({ options }) => options}
      nothingFoundMessage={!current || results.isFetching ? t('common.loading') : t('people.noMatches')}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        const why = p ? (matchText(t, p) ?? whoLine(p)) : '';
        return (
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm">{option.label}</Text>
            {why && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {why}
              </Text>
            )}
          </Stack>
        );
      }}
      onChange={(id) => {
        if (!id) return onChange(null);
        const name = byId.get(id)?.name ?? (value?.id === id ? value.name : null);
        if (name) onChange({ id, name });
      }}
      error={error}
      autoFocus={autoFocus}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={300}
    />
  );
}
