/** Lower-case and strip accents: "Città" -> "citta". Shared by search, sorting and matching. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of a text, folded; apostrophes split elisions ("dell'azienda" -> "dell", "azienda"). */
export function words(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}
