import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The required date of a ledger record; marked missing once the form was submitted. */
export function DateField({
  value,
  onChange,
  submitted,
  max,
}: {
  value: string;
  onChange: (value: string) => void;
  submitted: boolean;
  max?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={t('ledger.date')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      max={max}
      required
      error={submitted && !value ? t('common.required') : null}
    />
  );
}

/** The required "what" of a ledger record, in a few growing lines. */
export function DescriptionField({
  label,
  placeholder,
  value,
  onChange,
  submitted,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  submitted: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autosize
      minRows={2}
      maxLength={2000}
      required
      error={submitted && !value.trim() ? t('common.required') : null}
    />
  );
}
