import { describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CODES } from '#shared/api/values.ts';
import en from '../../../../web/i18n/en.json' with { type: 'json' };
import itJson from '../../../../web/i18n/it.json' with { type: 'json' };
import { PROBLEM_TEXT, problemReason } from './problems.ts';

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();
/** Parameters the web words use that the English reason spells differently (`path` holds the field). */
const ALSO: Partial<Record<string, string[]>> = { json_person_invalid: ['field'], json_profile_invalid: ['field'] };

describe('import problems', () => {
  it('every code is worded in Italian and English, with parameters the server gives', () => {
    for (const [lang, json] of [
      ['en', en],
      ['it', itJson],
    ] as const) {
      const words = json.import.problemCodes as Record<string, string>;
      for (const code of IMPORT_PROBLEM_CODES) {
        const texts = [words[code], words[`${code}_one`], words[`${code}_other`]].filter((x): x is string => x !== undefined);
        expect(texts.length, `${lang}: import.problemCodes.${code}`).toBeGreaterThan(0);
        const known = new Set([...placeholders(PROBLEM_TEXT[code]), ...(ALSO[code] ?? [])]);
        for (const text of texts)
          for (const p of placeholders(text)) expect(known.has(p), `${lang} ${code} uses {{${p}}}`).toBe(true);
      }
      expect(Object.keys(words).filter((k) => !IMPORT_PROBLEM_CODES.some((c) => k === c || k.startsWith(`${c}_`)))).toEqual([]);
    }
  });

  it('words the English reason from the parameters', () => {
    expect(problemReason('email_invalid', { value: '"x@"' })).toBe('email "x@" is not an address Rete can store, dropped');
    expect(problemReason('no_name', { unit: 'row' })).toBe('row skipped: no name, company or email');
  });
});
