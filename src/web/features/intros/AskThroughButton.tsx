import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconMailForward, IconRoute } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLocale, LOCALES, type Locale } from '#shared/api/values.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../components/errors.ts';
import { FormActions } from '../../components/FormActions.tsx';
import i18n from '../../i18n/index.ts';
import { introKeys } from './intros.api.ts';
import { askFor, askKeys, asksApi, type AskDraft, type DraftAskInput, type IntroAsk } from './asks.api.ts';

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

export interface AskThroughProps {
  /** The people I know who know the helper, best first (the path's `via`). */
  via: Array<{ personId: string; name: string }>;
  helper: { id: string; name: string };
  /** Whose need it is: me, or one of my contacts. */
  seeker: { id: string; name: string; isSelf: boolean };
  need: { id?: string | null; text: string };
  /** The helper's offer that answers the need: it says why them. */
  offerId?: string | null;
}

/** The asks the app knows of, shared by every button of a page (one request). */
export function useRecentAsks() {
  return useQuery({ queryKey: askKeys.recent, queryFn: () => asksApi.list(), staleTime: 30_000 });
}

/**
 * The Value Finder's "through Enrico" as an action: "Ask Enrico to introduce you" opens the email
 * Enrico would get (drafted in his language, editable), and "Send to Enrico" sends it: two clicks.
 * While an ask with the same people waits, its state shows instead; after a yes, the way to the
 * introduction it drafted.
 */
export function AskThroughButton(p: AskThroughProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const asks = useRecentAsks();
  const first = p.via[0];
  if (!first) return null;
  const existing = (asks.data?.items ?? [])
    .filter((a) => p.via.some((v) => v.personId === a.via.id))
    .find((a) => askFor([a], { viaId: a.via.id, helperId: p.helper.id, seekerId: p.seeker.id }));
  if (existing?.status === 'asked') return <AskState ask={existing} />;
  if (existing?.status === 'yes' && existing.introId) {
    return (
      <Button
        component={Link}
        to={`/intros/${existing.introId}`}
        size="compact-xs"
        variant="light"
        color="teal"
        data-testid="ask-yes"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('asks.saidYes', { via: firstName(existing.via.name) })}
      </Button>
    );
  }
  const names = { via: firstName(first.name), helper: firstName(p.helper.name), seeker: firstName(p.seeker.name) };
  const full = { via: first.name, helper: p.helper.name, seeker: p.seeker.name };
  return (
    <>
      <Button
        size="compact-xs"
        variant="light"
        color="grape"
        leftSection={<IconRoute size={14} />}
        onClick={() => setOpened(true)}
        aria-label={p.seeker.isSelf ? t('asks.buttonAria.me', full) : t('asks.buttonAria.other', full)}
        data-testid="ask-through"
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto', minHeight: 22 } }}
      >
        {p.seeker.isSelf ? t('asks.button.me', names) : t('asks.button.other', names)}
      </Button>
      {opened && <AskThroughModal {...p} onClose={() => setOpened(false)} />}
    </>
  );
}

function AskState({ ask }: { ask: IntroAsk }) {
  const { t } = useTranslation();
  return (
    <Badge
      component={Link}
      to="/intros#asks"
      variant="light"
      color="grape"
      size="sm"
      tt="none"
      data-testid="ask-state"
      data-status={ask.status}
      style={{ cursor: 'pointer', alignSelf: 'flex-start', maxWidth: '100%' }}
    >
      {t('asks.waiting', { via: firstName(ask.via.name) })}
    </Badge>
  );
}

/** Why an ask could not go, in the user's language. */
function askErrorText(err: unknown, via: string, helper: string): string {
  const t = i18n.t.bind(i18n);
  if (!(err instanceof ApiError)) return errorMessage(err);
  if (err.status === 429) return t('intros.errors.rateLimited');
  if (err.status === 400 && err.details.some((d) => d.message.includes('no email'))) return t('asks.noEmail', { via });
  if (err.status === 409) {
    if (err.message.includes('no longer in touch')) return t('asks.lapsed', { via, helper });
    if (err.message.includes('asked not to be contacted')) return t('asks.doNotContact', { via });
    if (err.message.includes('already asked')) return t('asks.already', { via });
  }
  return errorMessage(err);
}

function AskThroughModal(p: AskThroughProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const qc = useQueryClient();
  const [viaId, setViaId] = useState(p.via[0]?.personId ?? '');
  const [language, setLanguage] = useState<Locale | undefined>(undefined);
  const [edits, setEdits] = useState<{ subject?: string; body?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const via = p.via.find((v) => v.personId === viaId) ?? p.via[0];
  const viaName = via?.name ?? '';
  const target: DraftAskInput = {
    viaPersonId: viaId,
    helperPersonId: p.helper.id,
    forPersonId: p.seeker.isSelf ? 'me' : p.seeker.id,
    ...(p.need.id ? { needId: p.need.id } : { needText: p.need.text }),
    ...(p.offerId ? { offerId: p.offerId } : {}),
    ...(language ? { language } : {}),
  };
  const draft = useQuery({ queryKey: askKeys.draft(target), queryFn: () => asksApi.draft(target), staleTime: Infinity });
  const d: AskDraft | undefined = draft.data;
  const subject = edits.subject ?? d?.message.subject ?? '';
  const body = edits.body ?? d?.message.body ?? '';

  const send = useMutation({
    mutationFn: () =>
      asksApi.create({
        ...target,
        language: d?.language ?? language,
        subject: subject.trim(),
        body: body.trim(),
      }),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async () => {
      notifySuccess(t('asks.sent', { via: viaName }));
      p.onClose();
      await Promise.all([qc.invalidateQueries({ queryKey: askKeys.all }), qc.invalidateQueries({ queryKey: introKeys.outbox })]);
    },
    onError: (err) => setError(askErrorText(err, viaName, p.helper.name)),
  });

  const names = { via: viaName, helper: p.helper.name, seeker: p.seeker.name };
  return (
    <Modal
      opened
      onClose={p.onClose}
      title={t('asks.title', { via: viaName })}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!d) return;
          if (!d.to.email) setError(t('asks.noEmail', { via: viaName }));
          else if (d.doNotContact) setError(t('asks.doNotContact', { via: viaName }));
          else if (d.lapsed) setError(t('asks.lapsed', names));
          else if (!subject.trim() || !body.trim()) setError(t('common.required'));
          else send.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {p.seeker.isSelf ? t('asks.lead.me', names) : t('asks.lead.other', names)}
          </Text>
          <Text size="sm" className="rete-pre rete-break">
            <Text span size="sm" c="dimmed">
              {p.seeker.isSelf ? t('asks.yourNeed') : t('asks.needOf', { seeker: p.seeker.name })}
            </Text>{' '}
            {p.need.text}
          </Text>
          {p.via.length > 1 && (
            <Radio.Group
              label={t('asks.chooseVia')}
              value={viaId}
              onChange={(v) => {
                setViaId(v);
                setEdits({});
                setLanguage(undefined);
              }}
            >
              <Stack gap={6} mt={6}>
                {p.via.map((v) => (
                  <Radio key={v.personId} value={v.personId} label={v.name} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {draft.isPending ? (
            <Stack gap="xs" aria-label={t('asks.loading')}>
              <Skeleton height={20} width="50%" />
              <Skeleton height={160} />
            </Stack>
          ) : draft.isError || !d ? (
            <Alert color="red" variant="light" title={t('errors.title')}>
              {errorMessage(draft.error)}
            </Alert>
          ) : (
            <>
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Text size="sm" className="rete-break">
                  <Text span c="dimmed" size="sm">
                    {t('asks.to')}:
                  </Text>{' '}
                  {d.to.email ? `${d.to.name} <${d.to.email}>` : d.to.name}
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-label={t('asks.language')}
                  value={d.language}
                  onChange={(v) => {
                    setLanguage(isLocale(v) ? v : 'it');
                    setEdits({});
                  }}
                  data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                />
              </Group>
              {!d.to.email && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="ask-no-email">
                  <Stack gap={4}>
                    <Text size="sm">{t('asks.noEmail', { via: viaName })}</Text>
                    <Anchor component={Link} to={`/people/${viaId}`} size="sm" onClick={p.onClose}>
                      {t('asks.openPerson', { via: viaName })}
                    </Anchor>
                  </Stack>
                </Alert>
              )}
              {d.doNotContact && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
                  {t('asks.doNotContact', { via: viaName })}
                </Alert>
              )}
              {d.lapsed && (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                  {t('asks.lapsed', names)}
                </Alert>
              )}
              <TextInput
                label={t('asks.subject')}
                value={subject}
                onChange={(e) => setEdits((x) => ({ ...x, subject: e.currentTarget.value }))}
                maxLength={200}
                required
              />
              <Textarea
                label={t('asks.body')}
                description={t('asks.bodyHelp', names)}
                value={body}
                onChange={(e) => setEdits((x) => ({ ...x, body: e.currentTarget.value }))}
                autosize
                minRows={8}
                maxRows={phone ? 14 : 22}
                maxLength={5000}
                required
              />
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconMailForward size={16} color="var(--mantine-color-gray-6)" aria-hidden="true" style={{ flexShrink: 0 }} />
                <Text size="xs" c="dimmed">
                  {t('asks.afterYes', names)}
                </Text>
              </Group>
            </>
          )}
          <FormActions
            error={error}
            onCancel={p.onClose}
            saving={send.isPending}
            submitLabel={t('asks.send', { via: firstName(viaName) })}
            errorTestId="ask-error"
          />
        </Stack>
      </form>
    </Modal>
  );
}
