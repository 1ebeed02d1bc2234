import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { PersonPicker, type PersonRef } from '../../components/PersonPicker.tsx';
import { ledgerApi, ledgerKeys, type CreateReceivedInput, type Received, type UpdateReceivedInput } from './ledger.api.ts';
import { MoneyInput, type MoneyValue } from './MoneyInput.tsx';
import { toCents, today } from './money.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DateField, DescriptionField } from './LedgerFields.tsx';

/** Business someone passed to me: what, when, its value, and who referred it. */
export function ReceivedModal({
  opened,
  onClose,
  received,
  referredBy: initialReferrer = null,
}: {
  opened: boolean;
  onClose: () => void;
  received?: Received | undefined;
  referredBy?: PersonRef | null;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [description, setDescription] = useState(received?.description ?? '');
  const [date, setDate] = useState(received?.date ?? today());
  const [money, setMoney] = useState<MoneyValue>({
    amount: received?.value ? received.value.amountCents / 100 : '',
    currency: received?.value?.currency ?? 'EUR',
  });
  const [referrer, setReferrer] = useState<PersonRef | null>(received?.referredBy ?? initialReferrer);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cents = toCents(money.amount);

  const save = useMutation({
    mutationFn: () => {
      const value = cents === null ? null : { amountCents: cents, currency: money.currency };
      if (received) {
        const body: UpdateReceivedInput = {
          description: description.trim(),
          date,
          value,
          referredById: referrer?.id ?? null,
        };
        return ledgerApi.updateReceived(received.id, body);
      }
      const body: CreateReceivedInput = { description: description.trim(), date };
      if (value) body.value = value;
      if (referrer) body.referredById = referrer.id;
      return ledgerApi.createReceived(body);
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t('ledger.received.saved'));
      onClose();
      await qc.invalidateQueries({ queryKey: ledgerKeys.all });
    },
    onError: (err) => setError(errorMessage(err)),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={received ? t('ledger.received.editTitle') : t('ledger.received.title')}
      onSubmit={() => {
        setSubmitted(true);
        if (description.trim() && date) save.mutate();
      }}
      error={error}
      saving={save.isPending}
    >
      <DescriptionField
        label={t('ledger.received.what')}
        placeholder={t('ledger.received.placeholder')}
        value={description}
        onChange={setDescription}
        submitted={submitted}
      />
      <PersonPicker label={t('ledger.received.referredBy')} value={referrer} onChange={setReferrer} />
      <MoneyInput label={t('ledger.received.value')} value={money} onChange={setMoney} />
      <DateField value={date} onChange={setDate} submitted={submitted} />
    </FormModal>
  );
}
