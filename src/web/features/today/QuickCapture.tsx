import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUserBolt } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, keys, type PersonSummary } from '../../api/client.ts';
import { errorMessage, fieldErrors } from '../../components/errors.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { routineKeys } from './routine.api.ts';

const QuickCaptureContext = createContext<() => void>(() => undefined);

/** Opens "Just met…" from anywhere inside the app's layout. */
export const useQuickCapture = () => useContext(QuickCaptureContext);

/** Holds the one "Just met…" dialog of the app; any page opens it with `useQuickCapture()`. */
export function QuickCaptureProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  // A new form each time: nothing of the last person stays in it.
  const [round, setRound] = useState(0);
  const open = useCallback(() => {
    setRound((r) => r + 1);
    setOpened(true);
  }, []);
  return (
    <QuickCaptureContext.Provider value={open}>
      {children}
      {opened && <QuickCaptureModal key={round} onClose={() => setOpened(false)} />}
    </QuickCaptureContext.Provider>
  );
}

/** The header's "Just met…": words on a wide screen, an icon on a phone. */
export function QuickCaptureButton() {
  const { t } = useTranslation();
  const open = useQuickCapture();
  return (
    <>
      <Button
        visibleFrom="sm"
        variant="light"
        size="sm"
        radius="xl"
        leftSection={<IconUserBolt size={18} />}
        onClick={open}
        data-testid="quick-capture"
      >
        {t('capture.open')}
      </Button>
      <ActionIcon
        hiddenFrom="sm"
        variant="light"
        radius="xl"
        size="lg"
        onClick={open}
        aria-label={t('capture.open')}
        data-testid="quick-capture-icon"
      >
        <IconUserBolt size={18} />
      </ActionIcon>
    </>
  );
}

/** People already in the network whose name holds every word typed: perhaps the same person. */
function usePossibleDuplicates(name: string): PersonSummary[] {
  const [q] = useDebouncedValue(name.trim(), 250);
  const search = useQuery({
    queryKey: keys.peopleSearch(q),
    queryFn: () => api.people({ q, limit: 20 }),
    enabled: q.length >= 2,
    staleTime: 10_000,
  });
  if (q.length < 2 || q !== name.trim()) return [];
  // `match` is null when every word was found in the name itself.
  return (search.data?.items ?? []).filter((p) => p.match === null).slice(0, 3);
}

/** One need (or offer) a line. */
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

interface Values {
  name: string;
  howMet: string;
  need: string;
  offer: string;
  email: string;
  phone: string;
}

/**
 * "Ho appena conosciuto… / Just met…": a name, where we met, what they need and what they offer
 * (an email and a phone if at hand), saved in one request in under half a minute on a phone.
 * People with the same name show while the name is typed, with a link to each.
 */
function QuickCaptureModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const invalidate = useInvalidateNetwork();
  const [v, setV] = useState<Values>({ name: '', howMet: '', need: '', offer: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const duplicates = usePossibleDuplicates(v.name);
  const set = (k: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((x) => ({ ...x, [k]: value }));
  };

  const create = useMutation({
    mutationFn: () =>
      api.createPerson({
        name: v.name.trim(),
        howMet: v.howMet.trim(),
        needs: lines(v.need).map((text) => ({ text })),
        offers: lines(v.offer).map((text) => ({ text })),
        emails: v.email.trim() ? [{ value: v.email.trim() }] : [],
        phones: v.phone.trim() ? [{ value: v.phone.trim() }] : [],
      }),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async (p) => {
      onClose();
      // Notifications live outside the router: the link navigates by hand.
      const id = `captured-${p.id}`;
      notifications.show({
        id,
        color: 'teal',
        autoClose: 8000,
        message: (
          <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="capture-saved">
            <span>{t('capture.saved', { name: p.name })}</span>
            <Button
              size="compact-xs"
              variant="light"
              style={{ flexShrink: 0 }}
              onClick={() => {
                notifications.hide(id);
                void navigate(`/people/${p.id}`);
              }}
            >
              {t('capture.openPerson')}
            </Button>
          </Group>
        ),
      });
      await Promise.all([invalidate(), qc.invalidateQueries({ queryKey: routineKeys.all })]);
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      const mapped: Partial<Record<keyof Values, string>> = {};
      for (const [path, m] of Object.entries(fe)) {
        const field: keyof Values | undefined = path.startsWith('needs')
          ? 'need'
          : path.startsWith('offers')
            ? 'offer'
            : path.startsWith('emails')
              ? 'email'
              : path.startsWith('phones')
                ? 'phone'
                : path === 'name' || path === 'howMet'
                  ? path
                  : undefined;
        if (field) mapped[field] ??= m;
      }
      setErrors(mapped);
      setError(Object.keys(mapped).length ? null : errorMessage(err));
    },
  });

  const submit = () => {
    const e: Partial<Record<keyof Values, string>> = {};
    if (!v.name.trim()) e.name = t('common.required');
    if (v.email.trim() && !/^\S+@\S+\.\S+$/.test(v.email.trim())) e.email = t('auth.emailInvalid');
    if (lines(v.need).some((l) => l.length < 2)) e.need = t('items.tooShort');
    if (lines(v.offer).some((l) => l.length < 2)) e.offer = t('items.tooShort');
    setErrors(e);
    if (Object.keys(e).length === 0) create.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('capture.title')}
      fullScreen={phone}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
        data-testid="quick-capture-form"
      >
        <Stack gap="sm">
          <TextInput
            label={t('person.name')}
            required
            data-autofocus
            autoComplete="off"
            maxLength={200}
            value={v.name}
            onChange={set('name')}
            error={errors.name}
          />
          {duplicates.length > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('capture.duplicatesTitle')}
              data-testid="capture-duplicates"
              role="status"
            >
              <Text size="sm">{t('capture.duplicatesText')}</Text>
              <List size="sm" mt={4}>
                {duplicates.map((p) => (
                  <List.Item key={p.id}>
                    <Anchor component={Link} to={`/people/${p.id}`} onClick={onClose} size="sm" fw={500}>
                      {p.name}
                    </Anchor>
                    {[p.company, p.city].filter(Boolean).length > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' · '}
                        {[p.company, p.city].filter(Boolean).join(', ')}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <TextInput
            label={t('capture.howMet')}
            placeholder={t('capture.howMetPlaceholder')}
            maxLength={1000}
            value={v.howMet}
            onChange={set('howMet')}
            error={errors.howMet}
          />
          <Textarea
            label={t('capture.need')}
            description={t('capture.oneALine')}
            placeholder={t('items.needPlaceholder')}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={2000}
            value={v.need}
            onChange={set('need')}
            error={errors.need}
          />
          <Textarea
            label={t('capture.offer')}
            description={t('capture.oneALine')}
            placeholder={t('items.offerPlaceholder')}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={2000}
            value={v.offer}
            onChange={set('offer')}
            error={errors.offer}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('person.email')}
              type="email"
              inputMode="email"
              autoComplete="off"
              value={v.email}
              onChange={set('email')}
              error={errors.email}
            />
            <TextInput
              label={t('person.phone')}
              type="tel"
              autoComplete="off"
              value={v.phone}
              onChange={set('phone')}
              error={errors.phone}
            />
          </SimpleGrid>
          <FormActions error={error} onCancel={onClose} saving={create.isPending} submitLabel={t('capture.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
