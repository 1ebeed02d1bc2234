import { Select } from '@mantine/core';

/**
 * The select above a list that filters it by one choice (kept in the URL by useUrlChoice): "all"
 * first, then every choice under its label.
 */
export function ChoiceFilter<T extends string>({
  label,
  allLabel,
  choices,
  labelOf,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  value: T | undefined;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select
      label={label}
      data={[{ value: '', label: allLabel }, ...choices.map((c) => ({ value: c, label: labelOf(c) }))]}
      value={value ?? ''}
      onChange={onChange}
      allowDeselect={false}
      maw={{ base: '100%', xs: 280 }}
    />
  );
}
