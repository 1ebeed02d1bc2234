import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, keys, type CreatePersonInput, type Language } from '../../api/client.ts';
import { reportFormError } from '../../components/errors.ts';
import { useInvalidateNetwork } from './hooks.ts';

interface Values {
  name: string;
  company: string;
  role: string;
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
  city: '',
  country: '',
  language: null,
  email: '',
  phone: '',
  link: '',
  tags: [],
};

/** The server's paths for the one email, phone and link this form has. */
const PATHS: Record<string, keyof Values> = { 'emails.0.value': 'email', 'phones.0.value': 'phone', 'links.0.value': 'link' };

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateNetwork();
  const facets = useQuery({ queryKey: keys.facets, queryFn: api.facets, enabled: opened });
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      link: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : t('person.linkInvalid')),
    },
  });

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreatePersonInput = {
        name: v.name.trim(),
        company: v.company,
        role: v.role,
        city: v.city,
        country: v.country,
        language: (v.language as Language | null) ?? null,
        tags: v.tags,
        emails: v.email.trim() ? [{ value: v.email.trim() }] : [],
        phones: v.phone.trim() ? [{ value: v.phone.trim() }] : [],
        links: v.link.trim() ? [{ value: v.link.trim() }] : [],
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
        ['name', 'company', 'role', 'city', 'country', 'language', 'tags', 'emails', 'phones', 'links'],
        (path, m) => form.setFieldError(PATHS[path] ?? path.split('.')[0] ?? path, m),
      ),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('people.addTitle')} size="lg" centered>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('person.name')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('person.company')} {...form.getInputProps('company')} />
            <TextInput label={t('person.role')} {...form.getInputProps('role')} />
            <TextInput label={t('person.city')} {...form.getInputProps('city')} />
            <TextInput label={t('person.country')} {...form.getInputProps('country')} />
            <TextInput label={t('person.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('person.phone')} type="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <TextInput label={t('person.link')} placeholder="https://www.linkedin.com/in/…" {...form.getInputProps('link')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('person.language')}
              placeholder={t('common.notSet')}
              clearable
              data={[
                { value: 'it', label: t('language.it') },
                { value: 'en', label: t('language.en') },
              ]}
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
