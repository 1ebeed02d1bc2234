/**
 * Reads a Rete JSON export (`rete export --format json`) back as contacts, so that an account
 * can be moved from one Rete to another. Untrusted input: every person goes through the same
 * schema as a person created through the API; one that does not fit is skipped with a problem.
 * `line` is the position of the person in the `people` array (1-based). Needs, offers, timeline
 * and relationships are not imported (yet).
 */
import { CreatePersonBody } from '#shared/api/people.ts';
import type { ParseProblem, ParsedContact } from './parse/index.ts';

/** A JSON object that says it is a Rete export. */
export function looksLikeReteExport(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b) return false; // "{"
  const head = Buffer.from(bytes.subarray(i, i + 200)).toString('utf8');
  return /"format"\s*:\s*"rete-export"/.test(head);
}

export function parseReteExport(bytes: Uint8Array): { contacts: ParsedContact[]; problems: ParseProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    return { contacts: [], problems: [{ line: 0, reason: 'the file is not valid JSON', severity: 'file' }] };
  }
  const people = (doc as { people?: unknown } | null)?.people;
  if (!Array.isArray(people)) {
    return { contacts: [], problems: [{ line: 0, reason: 'no "people" list: this is not a Rete export', severity: 'file' }] };
  }
  const contacts: ParsedContact[] = [];
  const problems: ParseProblem[] = [];
  people.forEach((raw: unknown, i) => {
    const line = i + 1;
    const p = (raw ?? {}) as Record<string, unknown>;
    const pick = (k: string) => (typeof p[k] === 'string' ? p[k] : undefined);
    const chans = (k: string) =>
      Array.isArray(p[k])
        ? (p[k] as Array<Record<string, unknown>>).map((c) => ({
            value: typeof c?.value === 'string' ? c.value : '',
            label: typeof c?.label === 'string' ? c.label : null,
          }))
        : [];
    const body = {
      name: pick('name') ?? '',
      company: pick('company'),
      role: pick('role'),
      city: pick('city'),
      country: pick('country'),
      notes: pick('notes'),
      howMet: pick('howMet'),
      emails: chans('emails'),
      phones: chans('phones'),
      links: chans('links'),
      tags: Array.isArray(p.tags) ? p.tags.filter((t): t is string => typeof t === 'string') : [],
    };
    const r = CreatePersonBody.safeParse(body);
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({
        line,
        reason: `person ${line}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
        severity: 'skipped',
      });
      return;
    }
    const v = r.data;
    const c: ParsedContact = {
      line,
      name: v.name,
      emails: (v.emails ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
      phones: (v.phones ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
      links: (v.links ?? []).map((e) => ({ value: e.value, label: e.label ?? null })),
      tags: v.tags ?? [],
      problems: [],
    };
    if (v.company) c.company = v.company;
    if (v.role) c.role = v.role;
    if (v.city) c.city = v.city;
    if (v.country) c.country = v.country;
    if (v.notes) c.notes = v.notes;
    if (v.howMet) c.howMet = v.howMet;
    contacts.push(c);
  });
  return { contacts, problems };
}
