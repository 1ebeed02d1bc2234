import { Checkbox, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GIVE_KINDS } from '#shared/api/values.ts';
import { api, keys } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import type { PersonRef } from '../../components/PersonPicker.tsx';
import { useInvalidateNetwork } from '../people/hooks.ts';
import {
  ledgerApi,
  ledgerKeys,
  MANUAL_GIVE_KINDS,
  type CreateGiveInput,
  type Give,
  type GiveKind,
  type UpdateGiveInput,
} from './ledger.api.ts';
import { today } from './money.ts';
import { PeopleMultiPicker } from './PeopleMultiPicker.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { DateField, DescriptionField } from './LedgerFields.tsx';

/**
 * Record a give (or change one): the kind, to whom, what, when, and optionally the need of a
 * recipient it answered, which can be closed as satisfied from here.
 */
export function GiveModal({
  opened,
  onClose,
  give,
  recipients: initialRecipients = [],
}: {
  opened: boolean;
  onClose: () => void;
  give?: Give | undefined;
  recipients?: PersonRef[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidateNetwork = useInvalidateNetwork();
  const [kind, setKind] = useState<GiveKind>(give?.kind ?? 'referral');
  const [recipients, setRecipients] = useState<PersonRef[]>(give?.recipients ?? initialRecipients);
  const [description, setDescription] = useState(give?.description ?? '');
  const [date, setDate] = useState(give?.date ?? today());
  const [needId, setNeedId] = useState<string | null>(give?.need?.id ?? null);
  const [closeNeed, setCloseNeed] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The needs of the recipients, to say which one this give answers.
  const people = useQueries({
    queries: recipients.map((r) => ({ queryKey: keys.person(r.id), queryFn: () => api.person(r.id), enabled: opened })),
  });
  const needOptions = useMemo(() => {
    const out: Array<{ value: string; label: string }> = [];
    for (const q of people) {
      const p = q.data;
      if (!p) continue;
      for (const n of p.needs) {
        if (n.status === 'open' || n.id === give?.need?.id) out.push({ value: n.id, label: `${p.name}: ${n.text}` });
      }
    }
    return out;
  }, [people, give?.need?.id]);
  const chosenNeed = needOptions.some((o) => o.value === needId) ? needId : null;
  const currentNeedOpen = give?.need?.id === chosenNeed ? give?.need?.status !== 'satisfied' : true;

  const kinds = give?.kind === 'introduction' ? GIVE_KINDS : MANUAL_GIVE_KINDS;
  const invalid = !description.trim() || recipients.length === 0 || !date;

  const save = useMutation({
    mutationFn: () => {
      if (give) {
        const body: UpdateGiveInput = {
          kind,
          date,
          description: description.trim(),
          recipientIds: recipients.map((r) => r.id),
          needId: chosenNeed,
        };
        if (chosenNeed && closeNeed) body.closeNeed = true;
        return ledgerApi.updateGive(give.id, body);
      }
      const body: CreateGiveInput = { kind, date, description: description.trim(), recipientIds: recipients.map((r) => r.id) };
      if (chosenNeed) {
        body.needId = chosenNeed;
        if (closeNeed) body.closeNeed = true;
      }
      return ledgerApi.createGive(body);
    },
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(give ? t('ledger.give.updated') : t('ledger.give.saved'));
      onClose();
      await Promise.all([
        qc.invalidateQueries({ queryKey: ledgerKeys.all }),
        chosenNeed && closeNeed ? invalidateNetwork() : null,
      ]);
    },
    onError: (err) => setError(errorMessage(err)),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={give ? t('ledger.give.editTitle') : t('ledger.give.title')}
      onSubmit={() => {
        setSubmitted(true);
        if (!invalid) save.mutate();
      }}
      error={error}
      saving={save.isPending}
    >
      <div role="radiogroup" aria-label={t('ledger.give.kind')}>
        <Text size="sm" fw={500} mb={6} aria-hidden="true">
          {t('ledger.give.kind')}
        </Text>
        <Chip.Group multiple={false} value={kind} onChange={setKind}>
          <Group gap={6}>
            {kinds.map((k) => (
              <Chip key={k} value={k} type="radio" size="sm">
                {t(`ledger.kinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <PeopleMultiPicker
        label={t('ledger.give.recipients')}
        value={recipients}
        onChange={setRecipients}
        error={submitted && recipients.length === 0 ? t('ledger.give.recipientsRequired') : null}
      />
      <DescriptionField
        label={t('ledger.give.what')}
        placeholder={t(`ledger.give.placeholders.${kind}`)}
        value={description}
        onChange={setDescription}
        submitted={submitted}
      />
      <DateField value={date} onChange={setDate} submitted={submitted} />
      {needOptions.length > 0 && (
        <Stack gap={6}>
          <Select
            label={t('ledger.give.need')}
            description={t('ledger.give.needHelp')}
            placeholder={t('ledger.give.noNeed')}
            data={needOptions}
            value={chosenNeed}
            onChange={setNeedId}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          {chosenNeed && currentNeedOpen && (
            <Checkbox
              checked={closeNeed}
              onChange={(e) => setCloseNeed(e.currentTarget.checked)}
              label={t('ledger.give.closeNeed')}
            />
          )}
        </Stack>
      )}
    </FormModal>
  );
}
