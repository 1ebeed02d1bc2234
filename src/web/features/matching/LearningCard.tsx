import { ActionIcon, Badge, Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconTrash, IconVocabulary } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Locale } from '#shared/api/values.ts';
import { api, keys, type ConceptRef, type Feedback, type TaughtWord } from '../../api/client.ts';
import { notifySuccess, reportFormError } from '../../components/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { refreshAnswers } from './FeedbackButtons.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { SectionHeading } from '../../components/SectionHeading.tsx';

const MAX_CONCEPTS = 5;
/** Verdicts listed before "show more". */
const FIRST_VERDICTS = 5;

const labelOf = (c: ConceptRef, lang: Locale) => (lang === 'it' ? c.labelIt : c.labelEn);

/**
 * Settings: the words I taught Rete ("quelli del gestionale" → software consultants) and my
 * verdicts on suggestions. Both are mine only, exported with my data, never shared.
 */
export function LearningCard() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  // Opened from the Value Finder ("teach Rete your words"): bring the section into view.
  useEffect(() => {
    if (hash === '#words') document.getElementById('words')?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="words-title" id="words" style={{ scrollMarginTop: 72 }}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconVocabulary
            size={22}
            color="var(--mantine-color-teal-6)"
            aria-hidden="true"
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <div>
            <Title order={2} size="h4" id="words-title">
              {t('learning.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('learning.help')}
            </Text>
          </div>
        </Group>
        <TaughtWords />
        <Verdicts />
      </Stack>
    </Paper>
  );
}

function TaughtWords() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const qc = useQueryClient();
  const words = useQuery({ queryKey: keys.taughtWords, queryFn: api.taughtWords });
  const concepts = useQuery({ queryKey: keys.concepts, queryFn: api.concepts, staleTime: Infinity });
  const [phrase, setPhrase] = useState('');
  const [means, setMeans] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const options = useMemo(
    () =>
      (concepts.data?.items ?? [])
        .map((c) => ({ value: c.id, label: labelOf(c, lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [concepts.data, lang],
  );

  const teach = useMutation({
    mutationFn: () => api.teach({ phrase: phrase.trim(), words: means.trim(), concepts: picked }),
    meta: { silent: true },
    onSuccess: async (w) => {
      setPhrase('');
      setMeans('');
      setPicked([]);
      setErrors({});
      notifySuccess(t('learning.taught', { phrase: w.phrase }));
      await Promise.all([qc.invalidateQueries({ queryKey: keys.taughtWords }), refreshAnswers(qc)]);
    },
    onError: (err) =>
      reportFormError(err, ['phrase', 'words', 'concepts'], (path, message) =>
        setErrors((e) => ({ ...e, [path.split('.')[0] ?? path]: message })),
      ),
  });
  const forget = useMutation({
    mutationFn: (w: TaughtWord) => api.forgetTaughtWord(w.id),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: keys.taughtWords }), refreshAnswers(qc)]);
    },
  });

  const submit = () => {
    const e: Record<string, string> = {};
    if (phrase.trim().length < 2) e.phrase = t('learning.phraseRequired');
    if (!means.trim() && picked.length === 0) e.words = t('learning.meaningRequired');
    setErrors(e);
    if (Object.keys(e).length === 0) teach.mutate();
  };

  const items = words.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('learning.wordsTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        aria-label={t('learning.wordsTitle')}
      >
        <Stack gap="xs">
          <TextInput
            label={t('learning.phrase')}
            placeholder={t('learning.phrasePlaceholder')}
            value={phrase}
            onChange={(e) => setPhrase(e.currentTarget.value)}
            error={errors.phrase}
            maxLength={100}
          />
          <MultiSelect
            label={t('learning.concepts')}
            description={t('learning.conceptsHelp')}
            placeholder={picked.length === 0 ? t('learning.conceptsPlaceholder') : undefined}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            maxValues={MAX_CONCEPTS}
            nothingFoundMessage={t('learning.noConcept')}
            error={errors.concepts}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('learning.means')}
            description={t('learning.meansHelp')}
            placeholder={t('learning.meansPlaceholder')}
            value={means}
            onChange={(e) => setMeans(e.currentTarget.value)}
            error={errors.words}
            maxLength={300}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={teach.isPending}>
              {t('learning.teach')}
            </Button>
          </Group>
        </Stack>
      </form>
      {items.length === 0 ? (
        <EmptyNote>{t('learning.noWords')}</EmptyNote>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learning.wordsList')}>
          {items.map((w) => (
            <Group
              component="li"
              key={w.id}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              justify="space-between"
              data-testid="taught-word"
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} className="rete-break">
                  “{w.phrase}”
                </Text>
                <Text size="xs" c="dimmed" className="rete-break">
                  {t('learning.meansLine', {
                    meaning: [...w.concepts.map((c) => labelOf(c, lang)), ...(w.words ? [w.words] : [])].join(', '),
                  })}
                </Text>
                {w.understood.length > 0 && (
                  <Group gap={4} wrap="wrap" aria-label={t('learning.understood')}>
                    <Text size="xs" c="dimmed">
                      {t('learning.understood')}:
                    </Text>
                    {w.understood.map((c) => (
                      <Badge key={c.id} size="xs" variant="light" color="teal" tt="none">
                        {labelOf(c, lang)}
                      </Badge>
                    ))}
                  </Group>
                )}
                {w.understood.length === 0 && (
                  <Text size="xs" c="orange.8">
                    {t('learning.notUnderstood')}
                  </Text>
                )}
              </Stack>
              <Tooltip label={t('learning.forget')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('learning.forgetNamed', { phrase: w.phrase })}
                  onClick={() => forget.mutate(w)}
                  loading={forget.isPending && forget.variables.id === w.id}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Verdicts() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: keys.feedback, queryFn: api.feedback });
  const [all, setAll] = useState(false);
  const takeBack = useMutation({
    mutationFn: (f: Feedback) => api.deleteFeedback(f.id),
    onSuccess: () => refreshAnswers(qc),
  });
  const items = list.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST_VERDICTS);
  const what = (f: Feedback) =>
    f.itemText === null ? t('learning.removedItem') : t(`learning.for.${f.itemKind}`, { text: f.itemText });
  return (
    <Stack gap="sm">
      <SectionHeading order={3} size="h5" title={t('learning.verdictsTitle')} helpSize="xs" help={t('learning.verdictsHelp')} />
      {items.length === 0 ? (
        <EmptyNote>{t('learning.noVerdicts')}</EmptyNote>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('learning.verdictsTitle')}>
          {shown.map((f) => (
            <Group
              component="li"
              key={f.id}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              justify="space-between"
              data-testid="verdict"
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Badge size="xs" variant="light" color={f.verdict === 'good' ? 'teal' : 'gray'}>
                    {f.verdict === 'good' ? t('feedback.good') : t('feedback.notRelevant')}
                  </Badge>
                  <Text component={Link} to={`/people/${f.person.id}`} size="sm" fw={500} className="rete-break">
                    {f.person.name}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2} className="rete-break">
                  {what(f)}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant="subtle"
                style={{ flexShrink: 0 }}
                onClick={() => takeBack.mutate(f)}
                loading={takeBack.isPending && takeBack.variables.id === f.id}
                aria-label={t('learning.takeBackNamed', { name: f.person.name })}
              >
                {t('learning.takeBack')}
              </Button>
            </Group>
          ))}
          {items.length > FIRST_VERDICTS && (
            <li>
              <Button variant="subtle" size="compact-sm" onClick={() => setAll((v) => !v)}>
                {all ? t('valueFinder.showFewer') : t('valueFinder.showMore', { count: items.length - FIRST_VERDICTS })}
              </Button>
            </li>
          )}
        </Stack>
      )}
    </Stack>
  );
}
