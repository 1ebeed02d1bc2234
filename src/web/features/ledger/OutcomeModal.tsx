import { Checkbox, Chip, Group, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_KINDS } from '#shared/api/values.ts';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { introKeys } from '../intros/intros.api.ts';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { ledgerApi, ledgerKeys, type CreateOutcomeInput, type OutcomeKind } from './ledger.api.ts';
import { MoneyInput, type MoneyValue } from './MoneyInput.tsx';
import { toCents, today } from './money.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DateField } from './LedgerFields.tsx';

/** What came of a give: thanked, a meeting, business closed (with its value), the need satisfied, other. */
export function OutcomeModal({ giveId, opened, onClose }: { giveId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidateNetwork = useInvalidateNetwork();
  const give = useQuery({ queryKey: ledgerKeys.give(giveId), queryFn: () => ledgerApi.give(giveId), enabled: opened });
  const [kind, setKind] = useState<OutcomeKind>('thanked');
  const [date, setDate] = useState(today());
  const [money, setMoney] = useState<MoneyValue>({ amount: '', currency: 'EUR' });
  const [note, setNote] = useState('');
  const [closeNeed, setCloseNeed] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cents = toCents(money.amount);
  const need = give.data?.need ?? null;
  const valueMissing = kind === 'business' && cents === null;

  const save = useMutation({
    mutationFn: () => {
      const body: CreateOutcomeInput = { kind, date, note: note.trim() || undefined };
      if (kind === 'business' && cents !== null) body.value = { amountCents: cents, currency: money.currency };
      if (kind === 'need_satisfied' && need) body.closeNeed = closeNeed;
      return ledgerApi.addOutcome(giveId, body);
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t('ledger.outcome.saved'));
      onClose();
      await Promise.all([
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
        qc.invalidateQueries({ queryKey: introKeys.all }),
        kind === 'need_satisfied' && need ? invalidateNetwork() : Promise.resolve(),
      ]);
    },
    onError: (err) => setError(errorMessage(err)),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('ledger.outcome.title')}
      onSubmit={() => {
        setSubmitted(true);
        if (!valueMissing && date) save.mutate();
      }}
      error={error}
      saving={save.isPending}
      submitLabel={t('ledger.outcome.save')}
    >
      {give.data && (
        <Text size="sm" c="dimmed" className="rete-break" lineClamp={3}>
          {give.data.description}
        </Text>
      )}
      <div role="radiogroup" aria-label={t('ledger.outcome.kind')}>
        <Text size="sm" fw={500} mb={6} aria-hidden="true">
          {t('ledger.outcome.kind')}
        </Text>
        <Chip.Group multiple={false} value={kind} onChange={setKind}>
          <Group gap={6}>
            {OUTCOME_KINDS.map((k) => (
              <Chip key={k} value={k} type="radio" size="sm">
                {t(`ledger.outcomeKinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      {kind === 'business' && (
        <MoneyInput
          label={t('ledger.outcome.value')}
          value={money}
          onChange={setMoney}
          required
          error={submitted && valueMissing ? t('common.required') : null}
        />
      )}
      {kind === 'need_satisfied' && need && (
        <Checkbox
          checked={closeNeed}
          onChange={(e) => setCloseNeed(e.currentTarget.checked)}
          label={t('ledger.outcome.closeNeed', { need: need.text })}
        />
      )}
      <DateField value={date} onChange={setDate} max={today()} submitted={submitted} />
      <Textarea
        label={t('ledger.outcome.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
    </FormModal>
  );
}
