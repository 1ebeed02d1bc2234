import { Alert, Badge, Box, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb, IconHeartHandshake, IconSparkles, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, keys, type Helper, type MatchPerson, type Seeker, type ValueFinder } from '../../api/client.ts';
import { AskThroughButton } from '../intros/AskThroughButton.tsx';
import { IntroduceButton, sideOf } from '../intros/IntroduceButton.tsx';
import { FeedbackButtons, TeachWordsLink, type Asked } from './FeedbackButtons.tsx';
import { helperRow, MatchList, MatchRow, NobodyFits } from './MatchRow.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';

/** How many helpers or seekers show before "show more": the best few, so that the page stays short. */
const FIRST = 3;

export function useValueFinder(personId: string) {
  return useQuery({ queryKey: keys.valueFinder(personId), queryFn: () => api.valueFinder(personId) });
}

function PanelSkeleton() {
  return (
    <Stack gap="sm" aria-hidden="true">
      <Skeleton height={18} width="60%" />
      <Skeleton height={56} />
      <Skeleton height={56} />
    </Stack>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('valueFinder.loadError')}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The first few, then a button for the rest. */
function Expandable<T>({ items, render }: { items: T[]; render: (item: T) => React.ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <>
      {shown.map(render)}
      {items.length > FIRST && (
        <li>
          <Button variant="subtle" size="compact-sm" mt={6} onClick={() => setAll((v) => !v)}>
            {all ? t('valueFinder.showFewer') : t('valueFinder.showMore', { count: items.length - FIRST })}
          </Button>
        </li>
      )}
    </>
  );
}

/** What a helper gives, in words: their offer, or for someone known only by their role, the role. */
function offerWords(h: Helper): string {
  return h.offer?.text ?? ([h.person.role, h.person.company].filter(Boolean).join(', ') || h.person.name);
}

/** What I can do with a suggestion: introduce (when there is someone to introduce), and say whether it fits. */
function Actions({
  introduce,
  asked,
  person,
  verdict,
}: {
  introduce: React.ReactNode;
  asked: Asked;
  person: MatchPerson;
  verdict: 'good' | null;
}) {
  return (
    <Group gap="xs" wrap="wrap" align="center">
      {introduce}
      <FeedbackButtons asked={asked} person={person} verdict={verdict} />
    </Group>
  );
}

/** An "Introduce" button for a match between two people, unless both are me. */
function introduceAction(
  helper: MatchPerson,
  seeker: MatchPerson,
  item: { need: string; offer: string },
  t: (key: string, vars: Record<string, string>) => string,
) {
  if (helper.isSelf && seeker.isSelf) return undefined;
  const note = helper.isSelf
    ? t('intros.defaultNoteMe', { need: item.need, offer: item.offer })
    : seeker.isSelf
      ? t('intros.defaultNoteForMe', { need: item.need, offer: item.offer, helper: helper.name })
      : t('intros.defaultNote', { need: item.need, offer: item.offer, helper: helper.name, seeker: seeker.name });
  return (
    <IntroduceButton
      a={sideOf(helper)}
      b={sideOf(seeker)}
      note={note}
      label={helper.isSelf || seeker.isSelf ? t('intros.introduceMe', {}) : undefined}
    />
  );
}

function SeekerList({
  seekers,
  label,
  owner,
  offer,
  offerId,
}: {
  seekers: Seeker[];
  label: string;
  owner: MatchPerson;
  offer: string;
  offerId: string;
}) {
  const { t } = useTranslation();
  return (
    <MatchList label={label}>
      <Expandable
        items={seekers}
        render={(s) => (
          <MatchRow
            key={`${s.person.id}-${s.need.id}`}
            person={s.person}
            item={{ kind: 'need', text: s.need.text }}
            reasons={s.reasons}
            path={s.path}
            action={
              <Actions
                introduce={introduceAction(owner, s.person, { need: s.need.text, offer }, t)}
                asked={{ kind: 'offer', id: offerId }}
                person={s.person}
                verdict={s.feedback}
              />
            }
          />
        )}
      />
    </MatchList>
  );
}

function NeedBlock({ entry, owner }: { entry: ValueFinder['needs'][number]; owner: MatchPerson }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { need, mine, network } = entry;
  return (
    <Box component="article" aria-labelledby={headingId} className="rete-need-block" pl={{ base: 'xs', sm: 'md' }} py={4}>
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge variant="light" color="orange" size="sm" mt={2} style={{ flexShrink: 0 }}>
            {t('valueFinder.need')}
          </Badge>
          <Title order={3} size="h5" id={headingId} className="rete-pre" fw={600}>
            {need.text}
          </Title>
        </Group>

        {mine.length > 0 && (
          <Paper bg="teal.0" p="xs" radius="md">
            <Title order={4} size="h6" c="teal.9" mb={2}>
              <Group gap={6} component="span">
                <IconHeartHandshake size={16} aria-hidden="true" />
                {t('valueFinder.youCanHelp')}
              </Group>
            </Title>
            <MatchList label={t('valueFinder.youCanHelp')}>
              {mine.map((h) => (
                <MatchRow
                  key={h.offer?.id ?? h.person.id}
                  person={h.person}
                  item={h.offer && { kind: 'offer', text: h.offer.text }}
                  reasons={h.reasons}
                  path={h.path}
                  showPerson={false}
                  action={
                    <Actions
                      introduce={introduceAction(h.person, owner, { need: need.text, offer: offerWords(h) }, t)}
                      asked={{ kind: 'need', id: need.id }}
                      person={h.person}
                      verdict={h.feedback}
                    />
                  }
                />
              ))}
            </MatchList>
          </Paper>
        )}

        <div>
          <Title order={4} size="h6" c="dark.5">
            <Group gap={6} component="span">
              <IconUsersGroup size={16} aria-hidden="true" />
              {t('valueFinder.networkCanHelp')}
            </Group>
          </Title>
          {network.length === 0 ? (
            <Box mt={4}>
              <NobodyFits />
            </Box>
          ) : (
            <MatchList label={t('valueFinder.networkCanHelp')}>
              <Expandable
                items={network}
                render={(h) => (
                  <MatchRow
                    key={`${h.person.id}-${h.offer?.id ?? 'role'}`}
                    {...helperRow(h)}
                    action={
                      <Actions
                        introduce={
                          <>
                            {h.path.kind === 'via' && (
                              <AskThroughButton
                                via={h.path.via}
                                helper={h.person}
                                seeker={owner}
                                need={need}
                                offerId={h.offer?.id ?? null}
                              />
                            )}
                            {introduceAction(h.person, owner, { need: need.text, offer: offerWords(h) }, t)}
                          </>
                        }
                        asked={{ kind: 'need', id: need.id }}
                        person={h.person}
                        verdict={h.feedback}
                      />
                    }
                  />
                )}
              />
            </MatchList>
          )}
        </div>
      </Stack>
    </Box>
  );
}

function OfferBlock({
  entry,
  emptyText,
  owner,
}: {
  entry: ValueFinder['offers'][number];
  emptyText: string;
  owner: MatchPerson;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Box component="article" aria-labelledby={headingId} className="rete-offer-block" pl={{ base: 'xs', sm: 'md' }} py={4}>
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge variant="light" color="teal" size="sm" mt={2} style={{ flexShrink: 0 }}>
            {t('valueFinder.offer')}
          </Badge>
          <Title order={3} size="h5" id={headingId} className="rete-pre" fw={600}>
            {entry.offer.text}
          </Title>
        </Group>
        {entry.seekers.length === 0 ? (
          <EmptyNote>{emptyText}</EmptyNote>
        ) : (
          <SeekerList
            seekers={entry.seekers}
            label={t('valueFinder.seekersOf', { offer: entry.offer.text })}
            owner={owner}
            offer={entry.offer.text}
            offerId={entry.offer.id}
          />
        )}
      </Stack>
    </Box>
  );
}

/** On a person's page: how I can help them, who in my network can, and who needs what they offer. */
export function ValueFinderPanel({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const offersId = useId();
  const vf = useValueFinder(personId);

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-labelledby={titleId}
      style={{ borderColor: 'var(--mantine-color-teal-3)', borderWidth: 2 }}
      data-testid="value-finder"
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={36} radius="xl" variant="light" color="teal" aria-hidden="true">
            <IconSparkles size={20} />
          </ThemeIcon>
          <div>
            <Title order={2} size="h3" id={titleId}>
              {t('valueFinder.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('valueFinder.subtitle', { name: personName })}
            </Text>
          </div>
        </Group>

        {vf.isPending ? (
          <PanelSkeleton />
        ) : vf.isError ? (
          <LoadError onRetry={() => void vf.refetch()} />
        ) : (
          <>
            {vf.data.needs.length === 0 ? (
              <Group gap="sm" wrap="nowrap" align="flex-start" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
                <IconBulb size={20} color="var(--mantine-color-orange-6)" aria-hidden="true" style={{ flexShrink: 0 }} />
                <Text size="sm">{t('valueFinder.noNeeds', { name: personName })}</Text>
              </Group>
            ) : (
              <Stack gap="lg">
                {vf.data.needs.map((n) => (
                  <NeedBlock key={n.need.id} entry={n} owner={vf.data.person} />
                ))}
              </Stack>
            )}

            {vf.data.offers.length > 0 && (
              <Box component="section" aria-labelledby={offersId} pt="xs">
                <Stack gap="sm">
                  <Title order={3} size="h4" id={offersId}>
                    {t('valueFinder.whoNeeds', { name: personName })}
                  </Title>
                  <Text size="sm" c="dimmed" mt={-8}>
                    {t('valueFinder.whoNeedsHelp', { name: personName })}
                  </Text>
                  {vf.data.offers.map((o) => (
                    <OfferBlock key={o.offer.id} entry={o} emptyText={t('valueFinder.noSeekers')} owner={vf.data.person} />
                  ))}
                </Stack>
              </Box>
            )}
            {(vf.data.needs.length > 0 || vf.data.offers.length > 0) && <TeachWordsLink />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** On Me: for each of my open offers, who in my network needs it. */
export function GiveTodaySection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const vf = useValueFinder(personId);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={titleId} data-testid="give-today">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={32} radius="xl" variant="light" color="teal" aria-hidden="true">
            <IconHeartHandshake size={18} />
          </ThemeIcon>
          <div>
            <Title order={2} size="h4" id={titleId}>
              {t('giveToday.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('giveToday.help')}
            </Text>
          </div>
        </Group>
        {vf.isPending ? (
          <PanelSkeleton />
        ) : vf.isError ? (
          <LoadError onRetry={() => void vf.refetch()} />
        ) : vf.data.offers.length === 0 ? (
          <EmptyNote>{t('giveToday.noOffers')}</EmptyNote>
        ) : (
          <Stack gap="lg">
            {vf.data.offers.map((o) => (
              <OfferBlock key={o.offer.id} entry={o} emptyText={t('giveToday.noSeekers')} owner={vf.data.person} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
