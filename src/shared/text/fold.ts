// Any character outside ASCII: only then can there be accents to take off.
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/** Lower-case and strip accents: "Città" -> "citta". Shared by search, sorting and matching. */
export function fold(s: string): string {
  // Plain ASCII (most names, companies and emails) has nothing to decompose: lower case is all.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of a text, folded; apostrophes split elisions ("dell'azienda" -> "dell", "azienda"). */
export function words(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}
