import { Alert, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, keys } from '../../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { AskThroughButton } from '../intros/AskThroughButton.tsx';
import { FeedbackButtons, TeachWordsLink } from './FeedbackButtons.tsx';
import { helperRow, MatchList, MatchRow, NobodyFits } from './MatchRow.tsx';
import { findUrl, MIN_NEED_LENGTH } from './NeedBox.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

/** "I need…": ranked helpers in my network for a need typed in either language. */
export default function FindPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const valid = q.length >= MIN_NEED_LENGTH;
  const results = useQuery({ queryKey: keys.match(q), queryFn: () => api.match(q, 20), enabled: valid });
  const user = useUser();
  const me = { id: user.selfPersonId, name: user.displayName, isSelf: true };

  return (
    <Stack gap="md" maw={900} mx="auto">
      <PageHeader title={t('find.title')} subtitle={t('find.subtitle')} />

      {/* Keyed by the query: a new search from the header box shows in this box too. */}
      <FindForm key={q} initial={q} />

      {valid && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="find-results-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="find-results-title" className="rete-break">
              {t('find.resultsFor', { q })}
            </Title>
            {results.isPending ? (
              <Stack gap="sm" aria-hidden="true">
                <Skeleton height={64} />
                <Skeleton height={64} />
                <Skeleton height={64} />
              </Stack>
            ) : results.isError ? (
              <Alert color="red" variant="light" title={t('errors.title')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('valueFinder.loadError')}</Text>
                  <Button size="xs" variant="light" color="red" onClick={() => void results.refetch()}>
                    {t('common.retry')}
                  </Button>
                </Stack>
              </Alert>
            ) : results.data.shown === 0 ? (
              <>
                <NobodyFits />
                <TeachWordsLink />
              </>
            ) : (
              <>
                <Text size="sm" c="dimmed" mt={-6}>
                  {t('find.count', { count: results.data.shown })}
                </Text>
                <MatchList label={t('find.resultsFor', { q })}>
                  {results.data.items.slice(0, results.data.shown).map((h) => (
                    <MatchRow
                      key={`${h.person.id}-${h.offer?.id ?? 'role'}`}
                      {...helperRow(h)}
                      action={
                        <Group gap="xs" wrap="wrap" align="center">
                          {h.path.kind === 'via' && (
                            <AskThroughButton
                              via={h.path.via}
                              helper={h.person}
                              seeker={me}
                              need={{ text: q }}
                              offerId={h.offer?.id ?? null}
                            />
                          )}
                          <FeedbackButtons asked={{ kind: 'ask', text: q }} person={h.person} verdict={h.feedback} />
                        </Group>
                      }
                    />
                  ))}
                </MatchList>
                <TeachWordsLink />
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function FindForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (draft.trim().length < MIN_NEED_LENGTH) {
      setError(t('find.tooShort', { count: MIN_NEED_LENGTH }));
      return;
    }
    void navigate(findUrl(draft));
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <form
        role="search"
        aria-label={t('find.label')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('find.label')}
            placeholder={t('find.placeholder')}
            value={draft}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error}
            autoFocus={!initial}
            maxLength={1000}
            size="md"
            leftSection={<IconSearch size={18} aria-hidden="true" />}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" size="md">
            {t('find.submit')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
