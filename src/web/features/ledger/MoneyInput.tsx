import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { CURRENCIES } from './money.ts';

export interface MoneyValue {
  amount: number | string;
  currency: string;
}

/** An amount and its currency, side by side; separators follow the interface language. */
export function MoneyInput({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: MoneyValue;
  onChange: (v: MoneyValue) => void;
  error?: string | null | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const it = currentLanguage() === 'it';
  const currencies = CURRENCIES.includes(value.currency) ? CURRENCIES : [value.currency, ...CURRENCIES];
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        label={label}
        value={value.amount}
        onChange={(amount) => onChange({ ...value, amount })}
        min={0}
        max={99_999_999_999}
        decimalScale={2}
        decimalSeparator={it ? ',' : '.'}
        thousandSeparator={it ? '.' : ','}
        allowNegative={false}
        hideControls
        inputMode="decimal"
        error={error}
        required={required}
        style={{ flex: 1 }}
      />
      <Select
        label={t('ledger.currency')}
        data={currencies}
        value={value.currency}
        onChange={(c) => c && onChange({ ...value, currency: c })}
        allowDeselect={false}
        searchable
        w={110}
        comboboxProps={{ withinPortal: true }}
      />
    </Group>
  );
}
