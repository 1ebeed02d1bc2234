import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntroOrder } from './intros.api.ts';

/** Whom to ask first: both sides at once, or side A and then, once A agrees, side B. */
export function OrderChoice({
  value,
  onChange,
  names,
}: {
  value: IntroOrder;
  onChange: (order: IntroOrder) => void;
  names: { a: string; b: string };
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('intros.form.order')} value={value} onChange={(v) => onChange(v === 'a_first' ? 'a_first' : 'both')}>
      <Stack gap={6} mt={6}>
        <Radio value="both" label={t('intros.form.orderBoth')} />
        <Radio value="a_first" label={t('intros.form.orderAFirst', names)} />
      </Stack>
    </Radio.Group>
  );
}
