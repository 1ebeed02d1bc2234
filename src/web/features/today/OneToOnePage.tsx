import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconBulb,
  IconCheck,
  IconHeartHandshake,
  IconPlus,
  IconSparkles,
  IconUserQuestion,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isLocale, type Locale } from '#shared/api/values.ts';
import { api, keys, type PersonDetail } from '../../api/client.ts';
import { errorMessage, fieldErrors } from '../../components/errors.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ValueFinderPanel } from '../matching/ValueFinderPanel.tsx';
import { useInvalidateNetwork } from '../people/hooks.ts';
import { formatDay, isDay, localToday } from './days.ts';
import { NextStepFields, nextStepErrors, type NextStepDraft } from './NextStepFields.tsx';
import {
  ONE_TO_ONE_QUESTIONS,
  routineApi,
  routineKeys,
  type OneToOneAnswers,
  type OneToOneProposal,
  type OneToOneQuestion,
  type OneToOneResult,
} from './routine.api.ts';

/** A need or an offer heard, as it will be saved (`auto`: the server detects the language). */
interface Heard {
  key: number;
  text: string;
  language: Locale | 'auto';
}

type Step = { kind: 'ask'; index: number } | { kind: 'review' } | { kind: 'saved'; result: OneToOneResult };

export default function OneToOnePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(id), queryFn: () => api.person(id), meta: { silent: true } });
  if (person.isPending) return <FullPageLoader />;
  if (person.isError) {
    return (
      <LoadError
        error={person.error}
        icon={<IconUserQuestion size={28} />}
        notFound={{ title: t('person.notFoundTitle'), text: t('person.notFoundText') }}
        back={{ to: '/people', label: t('person.backToPeople') }}
      />
    );
  }
  return <OneToOne person={person.data} />;
}

let nextKey = 1;
const heardOf = (items: OneToOneProposal['needs']): Heard[] =>
  items.map((i) => ({ key: nextKey++, text: i.text, language: i.language ?? 'auto' }));

/**
 * The one-to-one conversation, on a phone during or right after a meeting: the questions that
 * uncover how to be useful (goals, achievements, interests, networks, skills, a good introduction,
 * what they look for now), one at a time; then what they said as needs and offers to check and a
 * next step; saved, the Value Finder answers at once on what was heard.
 */
function OneToOne({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const invalidateNetwork = useInvalidateNetwork();
  const today = localToday();
  const [step, setStep] = useState<Step>({ kind: 'ask', index: 0 });
  const [answers, setAnswers] = useState<Record<OneToOneQuestion, string>>(
    () => Object.fromEntries(ONE_TO_ONE_QUESTIONS.map((q) => [q, ''])) as Record<OneToOneQuestion, string>,
  );
  const [needs, setNeeds] = useState<Heard[]>([]);
  const [offers, setOffers] = useState<Heard[]>([]);
  const [next, setNext] = useState<NextStepDraft>({ on: true, text: '', dueOn: today });
  const [occurredOn, setOccurredOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrs, setFieldErrs] = useState<Record<string, string>>({});

  const given = (): OneToOneAnswers => {
    const out: OneToOneAnswers = {};
    for (const q of ONE_TO_ONE_QUESTIONS) if (answers[q].trim()) out[q] = answers[q].trim();
    return out;
  };

  const propose = useMutation({
    mutationFn: () => routineApi.proposeOneToOne(given()),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: (p) => {
      setNeeds(heardOf(p.needs));
      setOffers(heardOf(p.offers));
      setNext({ on: true, text: p.nextStep.text, dueOn: p.nextStep.dueOn });
      setStep({ kind: 'review' });
      window.scrollTo({ top: 0 });
    },
    onError: (err) => setError(errorMessage(err)),
  });

  const itemsOf = (list: Heard[]) =>
    list
      .filter((h) => h.text.trim())
      .map((h) => ({ text: h.text.trim(), ...(h.language === 'auto' ? {} : { language: h.language }) }));

  const save = useMutation({
    mutationFn: () =>
      routineApi.saveOneToOne(person.id, {
        ...(occurredOn === today ? {} : { occurredAt: occurredOn }),
        answers: given(),
        needs: itemsOf(needs),
        offers: itemsOf(offers),
        nextStep: next.on && next.text.trim() ? { text: next.text.trim(), dueOn: next.dueOn } : null,
      }),
    meta: { silent: true },
    onMutate: () => setError(null),
    onSuccess: async (result) => {
      setStep({ kind: 'saved', result });
      window.scrollTo({ top: 0 });
      // The Value Finder of this person answers on what was just heard.
      await Promise.all([
        invalidateNetwork(),
        qc.invalidateQueries({ queryKey: keys.valueFinder(person.id) }),
        qc.invalidateQueries({ queryKey: routineKeys.all }),
      ]);
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      setFieldErrs(fe);
      setError(errorMessage(err));
    },
  });

  const back = (
    <Anchor component={Link} to={`/people/${person.id}`} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('oneToOne.backTo', { name: person.name })}
      </Group>
    </Anchor>
  );

  return (
    <Stack gap="md" maw={680} mx="auto" data-testid="one-to-one">
      {back}
      <PageHeader title={t('oneToOne.title', { name: person.name })} subtitle={t('oneToOne.subtitle')} />
      {step.kind === 'ask' && (
        <AskStep
          index={step.index}
          answers={answers}
          onAnswer={(q, v) => setAnswers((a) => ({ ...a, [q]: v }))}
          onIndex={(index) => setStep({ kind: 'ask', index })}
          onPropose={() => {
            if (Object.keys(given()).length === 0) return setError(t('oneToOne.nothingHeard'));
            propose.mutate();
          }}
          proposing={propose.isPending}
          error={error}
          name={person.name}
        />
      )}
      {step.kind === 'review' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const errs: Record<string, string> = {};
            const ne = nextStepErrors(next, t('common.required'), t('timeline.dateRequired'));
            if (ne?.text) errs['nextStep.text'] = ne.text;
            if (ne?.dueOn) errs['nextStep.dueOn'] = ne.dueOn;
            if (!isDay(occurredOn) || occurredOn > today) errs.occurredAt = t('timeline.dateRequired');
            [...needs, ...offers].forEach((h) => {
              if (h.text.trim() && h.text.trim().length < 2) errs[`item.${h.key}`] = t('items.tooShort');
            });
            setFieldErrs(errs);
            if (Object.keys(errs).length === 0) save.mutate();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('oneToOne.reviewHelp', { name: person.name })}
            </Text>
            <HeardList
              title={t('oneToOne.needsHeard')}
              icon={<IconBulb size={18} color="var(--mantine-color-orange-6)" />}
              list={needs}
              onChange={setNeeds}
              addLabel={t('items.addNeed')}
              emptyText={t('oneToOne.noNeeds')}
              errors={fieldErrs}
              testId="heard-needs"
            />
            <HeardList
              title={t('oneToOne.offersHeard')}
              icon={<IconHeartHandshake size={18} color="var(--mantine-color-teal-6)" />}
              list={offers}
              onChange={setOffers}
              addLabel={t('items.addOffer')}
              emptyText={t('oneToOne.noOffers')}
              errors={fieldErrs}
              testId="heard-offers"
            />
            <Paper withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Switch
                  label={t('oneToOne.nextStep')}
                  checked={next.on}
                  onChange={(e) => setNext({ ...next, on: e.currentTarget.checked })}
                />
                {next.on && (
                  <NextStepFields
                    value={next}
                    onChange={setNext}
                    toggle={false}
                    errors={{ text: fieldErrs['nextStep.text'], dueOn: fieldErrs['nextStep.dueOn'] }}
                  />
                )}
              </Stack>
            </Paper>
            <TextInput
              type="date"
              label={t('oneToOne.when')}
              value={occurredOn}
              max={today}
              onChange={(e) => setOccurredOn(e.currentTarget.value)}
              error={fieldErrs.occurredAt}
              maw={220}
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="space-between" gap="sm">
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                onClick={() => setStep({ kind: 'ask', index: ONE_TO_ONE_QUESTIONS.length - 1 })}
              >
                {t('oneToOne.backToAnswers')}
              </Button>
              <Button type="submit" loading={save.isPending} leftSection={<IconCheck size={16} />}>
                {t('oneToOne.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {step.kind === 'saved' && <Saved person={person} result={step.result} />}
    </Stack>
  );
}

function AskStep({
  index,
  answers,
  onAnswer,
  onIndex,
  onPropose,
  proposing,
  error,
  name,
}: {
  index: number;
  answers: Record<OneToOneQuestion, string>;
  onAnswer: (q: OneToOneQuestion, v: string) => void;
  onIndex: (i: number) => void;
  onPropose: () => void;
  proposing: boolean;
  error: string | null;
  name: string;
}) {
  const { t } = useTranslation();
  const q = ONE_TO_ONE_QUESTIONS[index] ?? 'goals';
  const last = index === ONE_TO_ONE_QUESTIONS.length - 1;
  const total = ONE_TO_ONE_QUESTIONS.length;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (last) onPropose();
        else onIndex(index + 1);
      }}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('oneToOne.progress', { n: index + 1, total })}
          </Text>
          <Progress value={((index + 1) / total) * 100} size="sm" radius="xl" aria-hidden="true" />
        </Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Stack gap="xs">
            <Textarea
              key={q}
              label={t(`oneToOne.questions.${q}.ask`, { name })}
              description={t(`oneToOne.questions.${q}.hint`)}
              placeholder={t(`oneToOne.questions.${q}.placeholder`)}
              value={answers[q]}
              onChange={(e) => onAnswer(q, e.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={12}
              maxLength={2000}
              size="md"
              autoFocus
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600, marginBottom: 4 } }}
            />
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Button
            variant="default"
            onClick={() => onIndex(index - 1)}
            disabled={index === 0}
            leftSection={<IconArrowLeft size={16} />}
          >
            {t('oneToOne.previous')}
          </Button>
          {last ? (
            <Button type="submit" loading={proposing} leftSection={<IconSparkles size={16} />}>
              {t('oneToOne.propose')}
            </Button>
          ) : (
            <Button type="submit" rightSection={<IconArrowRight size={16} />}>
              {answers[q].trim() ? t('oneToOne.next') : t('oneToOne.skip')}
            </Button>
          )}
        </Group>
        {!last && (
          <Group justify="center">
            <Button variant="subtle" size="xs" onClick={onPropose} loading={proposing}>
              {t('oneToOne.proposeNow')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function HeardList({
  title,
  icon,
  list,
  onChange,
  addLabel,
  emptyText,
  errors,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  list: Heard[];
  onChange: (l: Heard[]) => void;
  addLabel: string;
  emptyText: string;
  errors: Record<string, string>;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<Heard>) => onChange(list.map((h) => (h.key === key ? { ...h, ...patch } : h)));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={2} size="h5">
            {title}
          </Title>
        </Group>
        {list.length === 0 && (
          <Text size="sm" c="dimmed" fs="italic">
            {emptyText}
          </Text>
        )}
        {list.map((h, i) => (
          <Stack key={h.key} gap={4} data-testid="heard-item">
            <Textarea
              aria-label={t('oneToOne.itemN', { title, n: i + 1 })}
              value={h.text}
              onChange={(e) => set(h.key, { text: e.currentTarget.value })}
              autosize
              minRows={1}
              maxRows={5}
              maxLength={2000}
              error={errors[`item.${h.key}`]}
            />
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <SegmentedControl
                size="xs"
                aria-label={t('oneToOne.language')}
                value={h.language}
                onChange={(v) => set(h.key, { language: isLocale(v) ? v : 'auto' })}
                data={[
                  { value: 'auto', label: t('oneToOne.languageAuto') },
                  { value: 'it', label: 'IT' },
                  { value: 'en', label: 'EN' },
                ]}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => onChange(list.filter((x) => x.key !== h.key))}
                aria-label={t('oneToOne.removeN', { title, n: i + 1 })}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          </Stack>
        ))}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...list, { key: nextKey++, text: '', language: 'auto' }])}
        >
          {addLabel}
        </Button>
      </Stack>
    </Paper>
  );
}

function Saved({ person, result }: { person: PersonDetail; result: OneToOneResult }) {
  const { t, i18n } = useTranslation();
  const first = person.name.trim().split(/\s+/)[0] ?? person.name;
  return (
    <Stack gap="md" data-testid="one-to-one-saved">
      <Alert color="teal" variant="light" icon={<IconCheck size={18} />} title={t('oneToOne.saved')}>
        <Text size="sm">
          {t('oneToOne.savedNeeds', { count: result.needs.length })} ·{' '}
          {t('oneToOne.savedOffers', { count: result.offers.length })}
          {result.followUp && ` · ${t('oneToOne.savedNext', { day: formatDay(result.followUp.dueOn, i18n.language) })}`}
        </Text>
      </Alert>
      <Title order={2} size="h3">
        {t('oneToOne.whoCanHelp', { name: first })}
      </Title>
      <ValueFinderPanel personId={person.id} personName={person.name} />
      <Group gap="sm">
        <Button component={Link} to={`/people/${person.id}`} variant="light">
          {t('oneToOne.openPerson', { name: person.name })}
        </Button>
        <Button component={Link} to="/today" variant="default">
          {t('oneToOne.backToToday')}
        </Button>
      </Group>
    </Stack>
  );
}
