/**
 * City names in Italian and English, for the "ask tied to a place" bonus: "un furgone a Napoli"
 * should prefer the van owner in Naples. Canonical names are the Italian ones for Italian
 * cities and the English ones elsewhere; variants include exonyms ("Turin", "Milan").
 */
import { fold } from './normalize.ts';

const CITIES: ReadonlyArray<readonly string[]> = [
  ['milano', 'milan'],
  ['roma', 'rome'],
  ['torino', 'turin'],
  ['napoli', 'naples'],
  ['firenze', 'florence'],
  ['venezia', 'venice'],
  ['genova', 'genoa'],
  ['bologna'],
  ['padova', 'padua'],
  ['verona'],
  ['vicenza'],
  ['treviso'],
  ['trieste'],
  ['trento'],
  ['bolzano', 'bozen'],
  ['brescia'],
  ['bergamo'],
  ['como'],
  ['monza'],
  ['varese'],
  ['lecco'],
  ['pavia'],
  ['cremona'],
  ['mantova', 'mantua'],
  ['lodi'],
  ['piacenza'],
  ['parma'],
  ['reggio emilia'],
  ['modena'],
  ['ferrara'],
  ['ravenna'],
  ['rimini'],
  ['forli'],
  ['cesena'],
  ['pesaro'],
  ['ancona'],
  ['perugia'],
  ['terni'],
  ['pisa'],
  ['livorno'],
  ['lucca'],
  ['siena'],
  ['arezzo'],
  ['prato'],
  ['pistoia'],
  ['la spezia'],
  ['savona'],
  ['sanremo'],
  ['cuneo'],
  ['asti'],
  ['alessandria'],
  ['novara'],
  ['biella'],
  ['aosta'],
  ['udine'],
  ['pordenone'],
  ['pescara'],
  ['chieti'],
  ['l aquila', 'laquila'],
  ['teramo'],
  ['campobasso'],
  ['caserta'],
  ['salerno'],
  ['avellino'],
  ['benevento'],
  ['bari'],
  ['taranto'],
  ['brindisi'],
  ['lecce'],
  ['foggia'],
  ['matera'],
  ['cosenza'],
  ['catanzaro'],
  ['reggio calabria'],
  ['palermo'],
  ['catania'],
  ['messina'],
  ['siracusa', 'syracuse'],
  ['trapani'],
  ['ragusa'],
  ['cagliari'],
  ['sassari'],
  ['olbia'],
  ['london', 'londra'],
  ['paris', 'parigi'],
  ['berlin', 'berlino'],
  ['munich', 'monaco di baviera', 'munchen'],
  ['vienna', 'wien'],
  ['zurich', 'zurigo'],
  ['geneva', 'ginevra'],
  ['amsterdam'],
  ['rotterdam'],
  ['brussels', 'bruxelles'],
  ['madrid'],
  ['barcelona', 'barcellona'],
  ['lisbon', 'lisbona'],
  ['dublin', 'dublino'],
  ['manchester'],
  ['new york'],
  ['dubai'],
  ['tokyo'],
  ['zagreb', 'zagabria'],
];

const variantToCity = new Map<string, number>();
const firstWords = new Set<string>();
CITIES.forEach((names, i) => {
  for (const n of names) {
    variantToCity.set(fold(n), i);
    firstWords.add(fold(n).split(' ')[0] ?? '');
  }
});

export function cityIndex(name: string | undefined | null): number {
  if (!name) return -1;
  return (
    variantToCity.get(
      fold(name)
        .replace(/[^a-z ]+/g, ' ')
        .trim(),
    ) ?? -1
  );
}

/** City indexes named in a token sequence (single words and two/three-word names). */
export function citiesIn(norms: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < norms.length; i++) {
    if (!firstWords.has(norms[i] ?? '')) continue;
    for (let n = 3; n >= 1; n--) {
      if (i + n > norms.length) continue;
      const key = norms.slice(i, i + n).join(' ');
      const idx = variantToCity.get(key);
      if (idx !== undefined) {
        if (!out.includes(idx)) out.push(idx);
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
