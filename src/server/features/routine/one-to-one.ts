/**
 * The one-to-one conversation (GAINS: goals, achievements, interests, networks, skills; and "what
 * is a good introduction for you?", "what are you looking for right now?"): what its answers
 * propose as the person's needs and offers, and the timeline entry that records it.
 */
import { ONE_TO_ONE_QUESTIONS, type OneToOneAnswers, type OneToOneProposal, type OneToOneQuestion } from '#shared/api/routine.ts';
import type { Locale } from '#shared/api/values.ts';
import { addDays } from '../../lib/time.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';

/** Answers that say what the person needs, and what they can give. */
const NEED_QUESTIONS: readonly OneToOneQuestion[] = ['lookingFor', 'goodIntroduction', 'goals'];
const OFFER_QUESTIONS: readonly OneToOneQuestion[] = ['skills', 'networks'];

const QUESTION_LABEL: Record<Locale, Record<OneToOneQuestion, string>> = {
  it: {
    goals: 'Obiettivi',
    achievements: 'Risultati recenti',
    interests: 'Interessi',
    networks: 'Reti e gruppi',
    skills: 'Competenze',
    goodIntroduction: 'Una presentazione utile',
    lookingFor: 'Cosa cerca ora',
  },
  en: {
    goals: 'Goals',
    achievements: 'Recent achievements',
    interests: 'Interests',
    networks: 'Networks',
    skills: 'Skills',
    goodIntroduction: 'A good introduction for them',
    lookingFor: 'Looking for right now',
  },
};

const NEXT_STEP: Record<Locale, string> = {
  it: 'Dopo il one-to-one: fare le presentazioni promesse e risentirsi',
  en: 'After the one-to-one: make the introductions promised and check in',
};

const TITLE: Record<Locale, string> = { it: 'One-to-one', en: 'One-to-one' };

/**
 * The separate things an answer says: one per line, or per `;` or bullet. Commas stay (they
 * often join the parts of one thing: "un commercialista, possibilmente a Milano").
 */
export function splitAnswer(answer: string): string[] {
  return answer
    .split(/\r?\n|;|•|\u2022/)
    .map((s) => s.replace(/^\s*(?:[-*–]|\d+[.)])\s+/, '').trim())
    .filter((s) => s.length >= 2)
    .map((s) => s.slice(0, 2_000));
}

export function proposeFromAnswers(answers: OneToOneAnswers, locale: Locale, today: string): OneToOneProposal {
  const items = (questions: readonly OneToOneQuestion[]) => {
    const seen = new Set<string>();
    return questions.flatMap((from) =>
      splitAnswer(answers[from] ?? '').flatMap((text) => {
        const key = text.toLowerCase();
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ text, language: detectTextLanguage(text), from }];
      }),
    );
  };
  return {
    needs: items(NEED_QUESTIONS),
    offers: items(OFFER_QUESTIONS),
    nextStep: { text: NEXT_STEP[locale], dueOn: addDays(today, 7) },
  };
}

/** The timeline entry's text: each answer under its question, in the user's language. */
export function oneToOneSummary(answers: OneToOneAnswers, locale: Locale): string {
  const parts = ONE_TO_ONE_QUESTIONS.flatMap((q) => {
    const a = answers[q]?.trim();
    return a ? [`${QUESTION_LABEL[locale][q]}: ${a}`] : [];
  });
  return [TITLE[locale], ...parts].join('\n').slice(0, 5_000);
}
