import { Anchor, Avatar, Badge, Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleDashed, IconLink, IconRoute, IconUser, IconUserQuestion } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Helper, MatchPath, MatchPerson, MatchReason } from '../../api/client.ts';
import { initials, relativeTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** How many intermediaries a "through…" path names. */
const MAX_VIA = 3;

function clampStrength(n: number | null | undefined): 1 | 2 | 3 | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return n <= 1 ? 1 : n >= 3 ? 3 : 2;
}

/** ●●○: tie strength out of three, read aloud as words. */
export function StrengthDots({ value }: { value: number }) {
  const { t } = useTranslation();
  const n = clampStrength(value) ?? 1;
  return (
    <>
      <span aria-hidden="true" className="rete-dots">
        {'●'.repeat(n) + '○'.repeat(3 - n)}
      </span>
      <VisuallyHidden component="span">{t('match.strengthOf', { n })}</VisuallyHidden>
    </>
  );
}

/** Why a person matched: a concept of the catalogue (in the interface language) or a shared word. */
export function ReasonChips({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  const lang = currentLanguage();
  return (
    <div className="rete-why">
      <Text size="xs" c="dimmed" className="rete-why-label" aria-hidden="true">
        {t('match.why')}
      </Text>
      <Box component="ul" className="rete-chips" aria-label={t('match.why')}>
        {reasons.map((r, i) => {
          const label = r.kind === 'concept' ? ((lang === 'it' ? r.labelIt : r.labelEn) ?? r.labelEn ?? r.labelIt) : null;
          const same = r.needText.trim().toLowerCase() === r.offerText.trim().toLowerCase();
          const words =
            r.kind === 'place'
              ? r.km !== null && r.km > 0
                ? t('match.placeKm', { town: r.offerText, km: r.km, place: r.needText })
                : t('match.placeSame', { town: r.offerText })
              : label
                ? t('match.reasonPair', { need: r.needText, offer: r.offerText })
                : same
                  ? r.needText
                  : t('match.termPair', { need: r.needText, offer: r.offerText });
          return (
            <li
              key={`${r.kind}-${label ?? ''}-${r.needText}-${r.offerText}-${i}`}
              className="rete-chip"
              data-testid="match-reason"
              data-source={r.source}
            >
              {label && <span className="rete-chip-label">{label}</span>}
              <span className="rete-chip-words">
                {words}
                {r.source === 'role' && r.kind !== 'place' && `, ${t('match.fromRole')}`}
              </span>
            </li>
          );
        })}
      </Box>
    </div>
  );
}

/** How to reach a person (`name`): it is me, a direct contact, through people I know, or no tie yet. */
export function PathLine({ path, name }: { path: MatchPath; name: string }) {
  const { t } = useTranslation();
  const seen = (iso: string | null) => (iso ? t('match.path.lastSeen', { when: relativeTime(iso) }) : null);

  let icon = <IconCircleDashed size={16} />;
  let content: React.ReactNode;
  switch (path.kind) {
    case 'self':
      icon = <IconUser size={16} />;
      content = t('match.path.self');
      break;
    case 'direct': {
      icon = <IconLink size={16} />;
      const strength = clampStrength(path.strength);
      const last = seen(path.lastInteractionAt);
      content = (
        <>
          {t('match.path.direct')}
          {strength && (
            <>
              {' · '}
              {t('match.path.tie')} <StrengthDots value={strength} />
            </>
          )}
          {last && ` · ${last}`}
        </>
      );
      break;
    }
    case 'via': {
      icon = <IconRoute size={16} />;
      const via = path.via.slice(0, MAX_VIA);
      content = (
        <>
          {t('match.path.through')}{' '}
          {via.map((v, i) => {
            const s = clampStrength(v.theirStrength) ?? 1;
            return (
              <Fragment key={v.personId}>
                {i > 0 && (i === via.length - 1 ? ` ${t('match.path.or')} ` : ', ')}
                <Anchor component={Link} to={`/people/${v.personId}`} size="xs" fw={500}>
                  {v.name}
                </Anchor>
                {`, ${t('match.path.who', { strength: t(`match.path.strength.${s}`, { name }) })} (`}
                <StrengthDots value={s} />)
              </Fragment>
            );
          })}
          {path.via.length > MAX_VIA && ` ${t('match.path.andMore', { n: path.via.length - MAX_VIA })}`}
        </>
      );
      break;
    }
    case 'none': {
      const last = seen(path.lastInteractionAt);
      content = (
        <>
          {t('match.path.none')}
          {last && ` · ${last}`}
        </>
      );
      break;
    }
  }

  return (
    <Group gap={6} wrap="nowrap" align="flex-start" c="dimmed" data-testid="match-path" data-path={path.kind}>
      <Box mt={1} style={{ flexShrink: 0, display: 'flex' }} aria-hidden="true">
        {icon}
      </Box>
      <Text size="xs" c="dark.4" className="rete-break">
        <VisuallyHidden component="span">{t('match.path.label')}: </VisuallyHidden>
        {content}
      </Text>
    </Group>
  );
}

interface MatchRowProps {
  person: MatchPerson;
  /** The offer that answers a need (a helper), or the need an offer answers (a seeker); null for someone known only by their role. */
  item: { kind: 'offer' | 'need'; text: string } | null;
  reasons: MatchReason[];
  path: MatchPath;
  /** Hidden for my own offers, where the person is obviously me. */
  showPerson?: boolean;
  /** What I can do with this match, e.g. introduce the two people. */
  action?: React.ReactNode;
}

/** One helper or seeker: who, what they offer or need, why it matched and how to reach them. */
/** The row of a helper (someone whose offer or role answers a need): who, which offer, why, and how to reach them. */
export const helperRow = (h: Helper) => ({
  person: h.person,
  item: h.offer && { kind: 'offer' as const, text: h.offer.text },
  reasons: h.reasons,
  path: h.path,
});

export function MatchRow({ person, item, reasons, path, showPerson = true, action }: MatchRowProps) {
  const { t } = useTranslation();
  const details = [person.role, person.company, person.city].filter(Boolean).join(' · ');
  return (
    <li className="rete-match" data-testid="match-row">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {showPerson && (
          <Avatar size={36} radius="xl" color="initials" name={person.name} aria-hidden="true" visibleFrom="xs">
            {initials(person.name)}
          </Avatar>
        )}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          {showPerson && (
            <div>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm" className="rete-break">
                  {person.name}
                </Anchor>
                {person.isSelf && (
                  <Badge size="xs" variant="light">
                    {t('match.you')}
                  </Badge>
                )}
              </Group>
              {details && (
                <Text size="xs" c="dimmed" className="rete-break">
                  {details}
                </Text>
              )}
            </div>
          )}
          {item && (
            <Text size="sm" className="rete-pre rete-match-item">
              <Text span size="xs" c="dimmed" fw={500}>
                {item.kind === 'offer' ? t('match.offers') : t('match.needs')}
              </Text>{' '}
              {item.text}
            </Text>
          )}
          <ReasonChips reasons={reasons} />
          {showPerson && <PathLine path={path} name={person.name} />}
          {action}
        </Stack>
      </Group>
    </li>
  );
}

/** "Nobody in your network fits, yet", and what to do next. */
export function NobodyFits() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="nobody-fits">
      <IconUserQuestion size={22} color="var(--mantine-color-gray-6)" aria-hidden="true" style={{ flexShrink: 0 }} />
      <div>
        <Text size="sm" fw={600}>
          {t('match.nobody.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('match.nobody.next')}
        </Text>
      </div>
    </Group>
  );
}

/** A list of match rows, with the right semantics and separators. */
export function MatchList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box component="ul" className="rete-match-list" aria-label={label}>
      {children}
    </Box>
  );
}
