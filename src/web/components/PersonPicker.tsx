import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys } from '../api/client.ts';

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

/** A searchable select of my contacts; it asks the server as one types. */
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
  const [debounced] = useDebouncedValue(search, 250);
  // While a picked name is shown in the box, that is not a search.
  const q = value && debounced === value.name ? '' : debounced;
  const results = useQuery({
    queryKey: keys.peopleSearch(q),
    queryFn: () => api.people({ q, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const data = useMemo<ComboboxItem[]>(() => {
    const seen = new Set<string>();
    const out: ComboboxItem[] = [];
    const add = (id: string, name: string, extra?: string | null) => {
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ value: id, label: extra ? `${name} · ${extra}` : name });
    };
    if (value) add(value.id, value.name);
    for (const p of results.data?.items ?? []) {
      if (exclude.includes(p.id)) continue;
      add(p.id, p.name, p.company ?? p.city);
    }
    return out;
  }, [results.data, value, exclude]);

  const names = useMemo(() => new Map((results.data?.items ?? []).map((p) => [p.id, p.name])), [results.data]);

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
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('people.noMatches')}
      onChange={(id) => {
        if (!id) return onChange(null);
        const name = names.get(id) ?? (value?.id === id ? value.name : null);
        if (name) onChange({ id, name });
      }}
      error={error}
      autoFocus={autoFocus}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}
