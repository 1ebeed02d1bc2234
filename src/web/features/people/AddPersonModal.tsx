import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Input,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LOCALES, type Locale } from '#shared/api/values.ts';
import { isWebAddress, withWebScheme } from '#shared/text/link.ts';
import { api, keys, type CreatePersonInput, type ItemKind } from '../../api/client.ts';
import { reportFormError } from '../../components/errors.ts';
import { useInvalidateNetwork } from './hooks.ts';

interface Values {
  name: string;
  company: string;
  role: string;
  needs: string[];
  offers: string[];
  howMet: string;
  notes: string;
  city: string;
  country: string;
  language: string | null;
  email: string;
  phone: string;
  link: string;
  tags: string[];
}

const EMPTY: Values = {
  name: '',
  company: '',
  role: '',
  needs: [''],
  offers: [''],
  howMet: '',
  notes: '',
  city: '',
  country: '',
  language: null,
  email: '',
  phone: '',
  link: '',
  tags: [],
};

/** The server's paths for the one email, phone and link this form has, and for the texts of needs and offers. */
function fieldOf(path: string): string {
  const single: Record<string, keyof Values> = { 'emails.0.value': 'email', 'phones.0.value': 'phone', 'links.0.value': 'link' };
  return single[path] ?? path.replace(/^((?:needs|offers)\.\d+)\.text$/, '$1');
}

const filled = (list: string[]) => list.map((s) => s.trim()).filter((s) => s !== '');

/** Fields checked as one types, once they have been left or once they show an error. */
const LIVE: ReadonlyArray<keyof Values> = ['email', 'link'];

/**
 * A new person with what matters most at once: what they need and what they offer, how we met and
 * notes, next to their details. Everything is saved in one request, all of it or nothing.
 */
export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateNetwork();
  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets, enabled: opened });
  const form = useForm<Values>({
    initialValues: EMPTY,
    validateInputOnBlur: [...LIVE],
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      link: (v) => (!v.trim() || isWebAddress(withWebScheme(v)) ? null : t('person.linkInvalid')),
    },
  });

  /** A field being fixed is checked at each keystroke: its error goes as soon as the value is right. */
  const live = (name: keyof Values) => {
    const props = form.getInputProps(name);
    return {
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        form.setFieldValue(name, e.currentTarget.value);
        if (form.errors[name]) form.validateField(name);
      },
    };
  };

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreatePersonInput = {
        name: v.name.trim(),
        company: v.company,
        role: v.role,
        city: v.city,
        country: v.country,
        language: (v.language as Locale | null) ?? null,
        howMet: v.howMet,
        notes: v.notes,
        tags: v.tags,
        emails: v.email.trim() ? [{ value: v.email.trim() }] : [],
        phones: v.phone.trim() ? [{ value: v.phone.trim() }] : [],
        links: v.link.trim() ? [{ value: withWebScheme(v.link) }] : [],
        needs: filled(v.needs).map((text) => ({ text })),
        offers: filled(v.offers).map((text) => ({ text })),
      };
      return api.createPerson(body);
    },
    meta: { silent: true },
    onSuccess: async (p) => {
      await invalidate();
      form.reset();
      onClose();
      void navigate(`/people/${p.id}`);
    },
    onError: (err) =>
      reportFormError(
        err,
        [
          'name',
          'company',
          'role',
          'city',
          'country',
          'language',
          'tags',
          'emails',
          'phones',
          'links',
          'howMet',
          'notes',
          'needs',
          'offers',
        ],
        (path, m) => form.setFieldError(fieldOf(path), m),
      ),
  });

  const submit = form.onSubmit((v) => {
    // Needs and offers of one letter are refused by the server: say so next to them first.
    let ok = true;
    for (const kind of ['needs', 'offers'] as const) {
      v[kind].forEach((text, i) => {
        if (text.trim() !== '' && text.trim().length < 2) {
          form.setFieldError(`${kind}.${i}`, t('items.tooShort'));
          ok = false;
        }
      });
    }
    if (ok) create.mutate(v);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('people.addTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('person.name')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('person.company')} {...form.getInputProps('company')} />
            <TextInput label={t('person.role')} {...form.getInputProps('role')} />
          </SimpleGrid>

          <ItemList kind="needs" form={form} />
          <ItemList kind="offers" form={form} />

          <TextInput
            label={t('person.howMet')}
            placeholder={t('people.howMetPlaceholder')}
            maxLength={1000}
            {...form.getInputProps('howMet')}
          />
          <Textarea label={t('person.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />

          <Divider label={t('people.contactDetails')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('person.city')} {...form.getInputProps('city')} />
            <TextInput label={t('person.country')} {...form.getInputProps('country')} />
            <TextInput label={t('person.email')} type="email" {...live('email')} />
            <TextInput label={t('person.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <TextInput
            label={t('person.link')}
            placeholder="www.linkedin.com/in/…"
            inputMode="url"
            autoComplete="url"
            description={
              form.values.link.trim() && !form.errors.link && withWebScheme(form.values.link) !== form.values.link.trim()
                ? t('person.linkSavedAs', { url: withWebScheme(form.values.link) })
                : undefined
            }
            {...live('link')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('person.language')}
              placeholder={t('common.notSet')}
              clearable
              data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              {...form.getInputProps('language')}
            />
            <TagsInput
              label={t('person.tags')}
              placeholder={t('person.tagsPlaceholder')}
              data={(facets.data?.tags ?? []).map((x) => x.value)}
              clearable
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('people.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Needs or offers of the new person: one line each, as many as wanted. */
function ItemList({ kind, form }: { kind: ItemKind; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const list = form.values[kind];
  const title = t(kind === 'needs' ? 'items.needsTitle' : 'items.offersTitle');
  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <div>
        <Input.Label component="legend" p={0}>
          {title}
        </Input.Label>
        <Input.Description>{t(kind === 'needs' ? 'people.addNeedsHelp' : 'people.addOffersHelp')}</Input.Description>
      </div>
      {list.map((_, i) => (
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t(kind === 'needs' ? 'people.needN' : 'people.offerN', { n: i + 1 })}
            placeholder={i === 0 ? t(kind === 'needs' ? 'items.needPlaceholder' : 'items.offerPlaceholder') : undefined}
            maxLength={2000}
            style={{ flex: 1, minWidth: 0 }}
            {...form.getInputProps(`${kind}.${i}`)}
          />
          {list.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              onClick={() => form.removeListItem(kind, i)}
              aria-label={t(kind === 'needs' ? 'people.removeNeedN' : 'people.removeOfferN', { n: i + 1 })}
            >
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => form.insertListItem(kind, '')}
      >
        {t(kind === 'needs' ? 'items.addNeed' : 'items.addOffer')}
      </Button>
    </Stack>
  );
}
