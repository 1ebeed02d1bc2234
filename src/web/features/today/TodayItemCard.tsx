import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconMail, IconMessageCircle, IconPhone, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, keys } from '../../api/client.ts';
import { relativeTime } from '../../components/format.ts';
import { AskThroughButton } from '../intros/AskThroughButton.tsx';
import { IntroduceButton } from '../intros/IntroduceButton.tsx';
import { formatDay, relativeDay } from './days.ts';
import { LogInteractionModal } from './LogInteractionModal.tsx';
import { MarkButtons } from './MarkButtons.tsx';
import type { TodayHelper, TodayItem } from './routine.api.ts';

interface Ctx {
  today: string;
  weekStart: string;
}

function PersonLink({ person, fw = 600 }: { person: { id: string; name: string }; fw?: number }) {
  return (
    <Anchor component={Link} to={`/people/${person.id}`} fw={fw} size="sm" className="rete-break">
      {person.name}
    </Anchor>
  );
}

/** One thing to do today: what, about whom, what to do about it, and done / snooze / not relevant. */
export function TodayItemCard({ item, ctx }: { item: TodayItem; ctx: Ctx }) {
  const { t } = useTranslation();
  const body = (() => {
    switch (item.kind) {
      case 'give':
        return <GiveBody item={item} />;
      case 'intro_draft':
      case 'intro_waiting':
      case 'intro_outcome':
        return <IntroBody item={item} />;
      case 'follow_up':
        return <FollowUpBody item={item} ctx={ctx} />;
      case 'keep_in_touch':
      case 'going_cold':
        return <KeepInTouchBody item={item} />;
      case 'birthday':
        return <BirthdayBody item={item} ctx={ctx} />;
    }
  })();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid="today-item"
      data-kind={item.kind}
      data-key={item.key}
      style={item.isNew ? { borderLeft: '3px solid var(--mantine-color-teal-5)' } : undefined}
    >
      <Stack gap={8}>
        {item.isNew && (
          <Badge size="xs" variant="light" color="teal" style={{ alignSelf: 'flex-start' }} data-testid="today-new">
            {t('today.new')}
          </Badge>
        )}
        {body}
        <MarkButtons
          item={item}
          today={ctx.today}
          weekStart={ctx.weekStart}
          doneLabel={item.kind === 'give' ? t('today.give.handle') : undefined}
        />
      </Stack>
    </Paper>
  );
}

function Line({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" className="rete-break">
      {children}
    </Text>
  );
}

/** A need of a contact and who can meet it: introduce them, ask whoever knows the helper, or take it on myself. */
function GiveBody({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const person = item.person;
  const need = item.need;
  return (
    <>
      <div>
        <Text fw={600} size="sm" className="rete-pre" data-testid="today-need">
          {need?.text}
        </Text>
        {person && (
          <Text size="xs" c="dimmed">
            {t('today.give.of')} <PersonLink person={person} fw={500} />
          </Text>
        )}
      </div>
      {item.helpers.length > 0 && (
        <Box component="ul" className="rete-match-list" aria-label={t('today.give.helpers')}>
          {item.helpers.slice(0, 3).map((h) => (
            <HelperRow key={h.id} helper={h} item={item} />
          ))}
        </Box>
      )}
    </>
  );
}

function HelperRow({ helper: h, item }: { helper: TodayHelper; item: TodayItem }) {
  const { t } = useTranslation();
  const person = item.person;
  const need = item.need;
  return (
    <li className="rete-match" data-testid="today-helper">
      <Stack gap={4}>
        <Text size="sm">
          {h.isMe ? (
            <Text span fw={600} size="sm">
              {t('today.give.you')}
            </Text>
          ) : (
            <PersonLink person={h} />
          )}
          {h.via && (
            <Text span size="xs" c="dimmed">
              {' '}
              {t('today.give.via', { name: h.via.name })}
            </Text>
          )}
        </Text>
        {person && need && !h.isMe && (
          <Group gap={6} wrap="wrap">
            <IntroduceButton
              a={{ kind: 'person', person: { id: h.id, name: h.name } }}
              b={{ kind: 'person', person }}
              note={t('today.give.note', { need: need.text, helper: h.name, seeker: person.name })}
              size="compact-sm"
            />
            {h.via && (
              <AskThroughButton
                via={[{ personId: h.via.id, name: h.via.name }]}
                helper={{ id: h.id, name: h.name }}
                seeker={{ id: person.id, name: person.name, isSelf: false }}
                need={{ id: need.id, text: need.text }}
              />
            )}
          </Group>
        )}
      </Stack>
    </li>
  );
}

function IntroBody({ item }: { item: TodayItem }) {
  const { t } = useTranslation();
  const name = item.person?.name ?? t('intros.erased');
  const other = item.intro?.other?.name;
  const key = item.kind === 'intro_draft' ? 'draft' : item.kind === 'intro_waiting' ? 'waiting' : 'outcome';
  return (
    <>
      <div>
        <Text fw={600} size="sm" className="rete-break">
          {other ? t(`today.intro.${key}`, { name, other }) : t(`today.intro.${key}Me`, { name })}
        </Text>
        <Line>{t(`today.intro.${key}Help`)}</Line>
      </div>
      {item.intro && (
        <Button
          component={Link}
          to={`/intros/${item.intro.id}`}
          size="compact-sm"
          variant="light"
          rightSection={<IconArrowRight size={14} />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t(`today.intro.${key}Open`)}
        </Button>
      )}
    </>
  );
}

function dueWords(
  t: (k: string, v?: Record<string, string | number>) => string,
  lang: string,
  day: string | null,
  today: string,
): string {
  if (!day) return '';
  if (day === today) return t('today.dueToday');
  return `${relativeDay(day, today, lang)} · ${formatDay(day, lang)}`;
}

function FollowUpBody({ item, ctx }: { item: TodayItem; ctx: Ctx }) {
  const { t, i18n } = useTranslation();
  const fu = item.followUp;
  const person = item.person;
  return (
    <>
      <div>
        <Text fw={600} size="sm" className="rete-pre">
          {fu?.text}
        </Text>
        <Line>
          {person && (
            <>
              {t('today.followUp.with')} <PersonLink person={person} fw={500} />
              {' · '}
            </>
          )}
          {dueWords(t, i18n.language, item.date, ctx.today)}
          {fu?.dueTime && ` · ${fu.dueTime}`}
        </Line>
      </div>
      <Group gap={6} wrap="wrap">
        {person && fu?.kind === 'one_to_one' && (
          <Button component={Link} to={`/people/${person.id}/one-to-one`} size="compact-sm" variant="light">
            {t('oneToOne.start')}
          </Button>
        )}
        {fu?.intro && (
          <Button component={Link} to={`/intros/${fu.intro.id}`} size="compact-sm" variant="light">
            {t('today.followUp.openIntro')}
          </Button>
        )}
      </Group>
    </>
  );
}

/** "30 days ago" up to two months (a cadence counts days), then "3 months ago". */
function sinceWords(iso: string, lang: string): string {
  const days = Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
  if (days < 1 || days >= 60 || Number.isNaN(days)) return relativeTime(iso);
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-days, 'day');
}

function KeepInTouchBody({ item }: { item: TodayItem }) {
  const { t, i18n } = useTranslation();
  const [logging, setLogging] = useState(false);
  const person = item.person;
  if (!person) return null;
  const last = item.lastContactAt
    ? t('today.keep.last', { when: sinceWords(item.lastContactAt, i18n.language) })
    : t('today.keep.never');
  const why =
    item.kind === 'keep_in_touch'
      ? item.everyDays !== null
        ? t('today.keep.every', { count: item.everyDays })
        : t('today.keep.due')
      : t('today.keep.cold');
  const overdue =
    item.kind === 'keep_in_touch' && item.days !== null && item.days > 0 ? t('today.keep.overdue', { count: item.days }) : null;
  return (
    <>
      <div>
        <Group gap={6} wrap="nowrap">
          <IconUser size={16} aria-hidden="true" color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
          <PersonLink person={person} />
        </Group>
        <Line>
          {why} · {last}
          {overdue && ` · ${overdue}`}
        </Line>
      </div>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconPhone size={14} />}
        onClick={() => setLogging(true)}
        style={{ alignSelf: 'flex-start' }}
        aria-label={t('today.keep.logFor', { name: person.name })}
      >
        {t('today.keep.log')}
      </Button>
      {logging && <LogInteractionModal opened person={person} onClose={() => setLogging(false)} />}
    </>
  );
}

function BirthdayBody({ item, ctx }: { item: TodayItem; ctx: Ctx }) {
  const { t, i18n } = useTranslation();
  const person = item.person;
  // Whether they have an email decides between writing to them and opening their page.
  const detail = useQuery({
    queryKey: keys.person(person?.id ?? ''),
    queryFn: () => api.person(person?.id ?? ''),
    enabled: !!person,
  });
  if (!person) return null;
  const when = item.date === ctx.today ? t('today.birthday.today') : dueWords(t, i18n.language, item.date, ctx.today);
  const email = detail.data?.emails[0]?.value;
  const subject = t('today.birthday.subject');
  return (
    <>
      <div>
        <Group gap={6} wrap="nowrap">
          <IconUser size={16} aria-hidden="true" color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
          <PersonLink person={person} />
        </Group>
        <Line>
          {t('today.birthday.on', { when })}
          {item.age !== null && ` · ${t('today.birthday.turns', { count: item.age })}`}
        </Line>
      </div>
      {email ? (
        <Button
          component="a"
          href={`mailto:${encodeURIComponent(email).replace('%40', '@')}?subject=${encodeURIComponent(subject)}`}
          size="compact-sm"
          variant="light"
          leftSection={<IconMail size={14} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="birthday-note"
        >
          {t('today.birthday.note')}
        </Button>
      ) : (
        <Button
          component={Link}
          to={`/people/${person.id}`}
          size="compact-sm"
          variant="light"
          leftSection={<IconMessageCircle size={14} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="birthday-note"
        >
          {t('today.birthday.note')}
        </Button>
      )}
    </>
  );
}
