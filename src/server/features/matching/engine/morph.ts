/**
 * Inflected forms of a verb, so that the catalogue can name a verb once ("+pagare", "+owe") and
 * match it however people conjugate it: "mi deve", "mi devono", "ci hanno pagato solo metà",
 * "non ha mai pagato", "they never paid", "owes us". Regular Italian conjugations (-are, -ere,
 * -ire, with -isc-) and English inflection are generated; the irregular forms people use in needs
 * are listed. Forms, not stems: a Snowball stem of "pagano" would also be the stem of the English
 * "page", while the forms of "pagare" never are.
 */
import type { Locale } from '#shared/api/values.ts';

// Irregular Italian past participles (masculine singular; the other endings are derived).
const IT_PARTICIPLES: Readonly<Record<string, string>> = {
  aprire: 'aperto',
  chiedere: 'chiesto',
  chiudere: 'chiuso',
  coprire: 'coperto',
  correre: 'corso',
  crescere: 'cresciuto',
  conoscere: 'conosciuto',
  decidere: 'deciso',
  dire: 'detto',
  dividere: 'diviso',
  essere: 'stato',
  fare: 'fatto',
  leggere: 'letto',
  mettere: 'messo',
  morire: 'morto',
  muovere: 'mosso',
  nascere: 'nato',
  offrire: 'offerto',
  perdere: 'perso',
  prendere: 'preso',
  produrre: 'prodotto',
  ridurre: 'ridotto',
  rimanere: 'rimasto',
  rispondere: 'risposto',
  rompere: 'rotto',
  scegliere: 'scelto',
  scendere: 'sceso',
  scrivere: 'scritto',
  spegnere: 'spento',
  spendere: 'speso',
  accendere: 'acceso',
  sospendere: 'sospeso',
  rendere: 'reso',
  tradurre: 'tradotto',
  vedere: 'visto',
  venire: 'venuto',
  vincere: 'vinto',
  bere: 'bevuto',
  soffrire: 'sofferto',
  scoprire: 'scoperto',
  togliere: 'tolto',
  cogliere: 'colto',
  piangere: 'pianto',
  spingere: 'spinto',
  assumere: 'assunto',
  esprimere: 'espresso',
  succedere: 'successo',
  discutere: 'discusso',
  iscrivere: 'iscritto',
};

// Irregular Italian present-tense (and a few other) forms.
const IT_IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  dovere: ['devo', 'devi', 'deve', 'dobbiamo', 'dovete', 'devono', 'debbono', 'dovra', 'dovranno', 'dovrebbe', 'dovrebbero'],
  potere: ['posso', 'puoi', 'puo', 'possiamo', 'potete', 'possono', 'potra', 'potranno', 'potrebbe'],
  volere: ['voglio', 'vuoi', 'vuole', 'vogliamo', 'volete', 'vogliono', 'vorra', 'vorrebbe'],
  fare: ['faccio', 'fai', 'fa', 'facciamo', 'fate', 'fanno', 'faceva', 'facevano', 'fara', 'faranno', 'farebbe'],
  dare: ['do', 'dai', 'da', 'diamo', 'date', 'danno', 'dava', 'davano', 'dara', 'daranno'],
  andare: ['vado', 'vai', 'va', 'andiamo', 'andate', 'vanno', 'andra', 'andranno'],
  venire: ['vengo', 'vieni', 'viene', 'veniamo', 'venite', 'vengono', 'verra', 'verranno'],
  uscire: ['esco', 'esci', 'esce', 'usciamo', 'uscite', 'escono'],
  tenere: ['tengo', 'tieni', 'tiene', 'teniamo', 'tenete', 'tengono'],
  rimanere: ['rimango', 'rimani', 'rimane', 'rimaniamo', 'rimangono'],
  sapere: ['so', 'sai', 'sa', 'sappiamo', 'sapete', 'sanno'],
  dire: ['dico', 'dici', 'dice', 'diciamo', 'dite', 'dicono', 'diceva', 'dicevano'],
  stare: ['sto', 'stai', 'sta', 'stiamo', 'state', 'stanno'],
  bere: ['bevo', 'bevi', 'beve', 'beviamo', 'bevono'],
  tradurre: ['traduco', 'traduci', 'traduce', 'traduciamo', 'traducono', 'traduceva', 'tradurra'],
  produrre: ['produco', 'produci', 'produce', 'produciamo', 'producono', 'produceva', 'produrra'],
  ridurre: ['riduco', 'riduci', 'riduce', 'riduciamo', 'riducono', 'ridurra'],
  spegnere: ['spengo', 'spegni', 'spegne', 'spegniamo', 'spengono'],
  scegliere: ['scelgo', 'scegli', 'sceglie', 'scegliamo', 'scelgono'],
  togliere: ['tolgo', 'togli', 'toglie', 'togliamo', 'tolgono'],
  morire: ['muoio', 'muori', 'muore', 'moriamo', 'muoiono'],
  muovere: ['muovo', 'muovi', 'muove', 'muoviamo', 'muovono'],
};

// -ire verbs conjugated without -isc- (the others take it: finisco, capisce, pulisce).
const IT_IRE_PLAIN = new Set([
  'aprire',
  'coprire',
  'scoprire',
  'offrire',
  'soffrire',
  'dormire',
  'partire',
  'sentire',
  'seguire',
  'servire',
  'vestire',
  'fuggire',
  'bollire',
  'cucire',
  'avvertire',
  'divertire',
  'convertire',
  'investire',
  'morire',
  'venire',
  'uscire',
]);

function participleForms(p: string): string[] {
  const base = p.slice(0, -1);
  return [p, base + 'a', base + 'i', base + 'e'];
}

function italianForms(inf: string): string[] {
  const out = new Set<string>([inf]);
  const add = (...xs: string[]): void => {
    for (const x of xs) out.add(x);
  };
  for (const x of IT_IRREGULAR[inf] ?? []) out.add(x);
  const irregularP = IT_PARTICIPLES[inf];
  if (irregularP) add(...participleForms(irregularP));
  const m = /^(.*)(are|ere|ire|rre)$/.exec(inf);
  if (!m) return [...out];
  const root = m[1] ?? '';
  const kind = m[2];
  if (kind === 'rre') return [...out];
  // Clitic infinitives: "pagarmi", "ripararla", "farci".
  const infStem = inf.slice(0, -1);
  for (const cl of ['mi', 'ci', 'ti', 'vi', 'lo', 'la', 'li', 'le', 'ne', 'gli']) out.add(infStem + cl);
  if (kind === 'are') {
    // -care/-gare keep the hard sound before e and i: pagherà, paghi.
    const h = /[cg]$/.test(root) ? root + 'h' : root;
    // -iare drops its i before i: "cambi", not "cambii".
    const ri = root.endsWith('i') ? root.slice(0, -1) : h;
    add(root + 'o', ri + 'i', root + 'a', ri + 'iamo', root + 'ate', root + 'ano');
    if (!irregularP) add(...participleForms(root + 'ato'));
    add(root + 'ando', root + 'avo', root + 'ava', root + 'avamo', root + 'avano');
    add(h + 'ero', h + 'era', h + 'eremo', h + 'eranno', h + 'erei', h + 'erebbe', h + 'erebbero');
    add(root + 'assi', root + 'asse', root + 'assero', root + 'ai', root + 'o', root + 'arono');
  } else if (kind === 'ere') {
    add(root + 'o', root + 'i', root + 'e', root + 'iamo', root + 'ete', root + 'ono');
    if (!irregularP) add(...participleForms(root + 'uto'));
    add(root + 'endo', root + 'evo', root + 'eva', root + 'evamo', root + 'evano');
    add(root + 'ero', root + 'era', root + 'eremo', root + 'eranno', root + 'erei', root + 'erebbe', root + 'erebbero');
    add(root + 'esse', root + 'essero');
  } else {
    const isc = !IT_IRE_PLAIN.has(inf);
    if (isc) add(root + 'isco', root + 'isci', root + 'isce', root + 'iscono');
    else add(root + 'o', root + 'i', root + 'e', root + 'ono');
    add(root + 'iamo', root + 'ite');
    if (!irregularP) add(...participleForms(root + 'ito'));
    add(root + 'endo', root + 'ivo', root + 'iva', root + 'ivamo', root + 'ivano');
    add(root + 'iro', root + 'ira', root + 'iremo', root + 'iranno', root + 'irei', root + 'irebbe');
    add(root + 'isse', root + 'issero');
  }
  return [...out];
}

// Irregular English verbs: past and past participle.
const EN_IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  pay: ['paid'],
  owe: [],
  break: ['broke', 'broken'],
  lose: ['lost'],
  sell: ['sold'],
  buy: ['bought'],
  build: ['built'],
  send: ['sent'],
  spend: ['spent'],
  take: ['took', 'taken'],
  steal: ['stole', 'stolen'],
  fall: ['fell', 'fallen'],
  leave: ['left'],
  keep: ['kept'],
  make: ['made'],
  find: ['found'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
  teach: ['taught'],
  think: ['thought'],
  bring: ['brought'],
  catch: ['caught'],
  fight: ['fought'],
  freeze: ['froze', 'frozen'],
  hurt: ['hurt'],
  cut: ['cut'],
  shut: ['shut'],
  hit: ['hit'],
  run: ['ran'],
  sit: ['sat'],
  stand: ['stood'],
  understand: ['understood'],
  hold: ['held'],
  feel: ['felt'],
  sleep: ['slept'],
  lend: ['lent'],
  leak: [],
  grow: ['grew', 'grown'],
  know: ['knew', 'known'],
  throw: ['threw', 'thrown'],
  drive: ['drove', 'driven'],
  ride: ['rode', 'ridden'],
  rise: ['rose', 'risen'],
  shake: ['shook', 'shaken'],
  wear: ['wore', 'worn'],
  tear: ['tore', 'torn'],
  bite: ['bit', 'bitten'],
  hide: ['hid', 'hidden'],
  forget: ['forgot', 'forgotten'],
  win: ['won'],
  begin: ['began', 'begun'],
  sink: ['sank', 'sunk'],
  sting: ['stung'],
  swell: ['swelled', 'swollen'],
  burn: ['burnt', 'burned'],
  sue: [],
  fire: [],
  hire: [],
  be: ['was', 'were', 'been', 'is', 'are'],
  have: ['had', 'has'],
  do: ['did', 'done', 'does'],
};

function englishForms(verb: string): string[] {
  const out = new Set<string>([verb]);
  for (const x of EN_IRREGULAR[verb] ?? []) out.add(x);
  const cons = /[^aeiou]$/.test(verb);
  // Third person: -es after sibilants, -ies after a consonant and y.
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) out.add(verb + 'es');
  else if (/[^aeiou]y$/.test(verb)) out.add(verb.slice(0, -1) + 'ies');
  else out.add(verb + 's');
  // Short consonant-vowel-consonant verbs double their last letter: stop -> stopped.
  const double = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb) ? verb + verb.slice(-1) : verb;
  if (verb.endsWith('e')) {
    out.add(verb + 'd');
    out.add(verb.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(verb)) {
    out.add(verb.slice(0, -1) + 'ied');
    out.add(verb + 'ing');
  } else if (EN_IRREGULAR[verb] === undefined || cons) {
    out.add(double + 'ed');
    out.add(double + 'ing');
  } else out.add(verb + 'ing');
  return [...out];
}

/** Every form of a verb given by its infinitive ("pagare", "owe"), in the folded spelling of texts. */
export function verbForms(lemma: string, lang: Locale): string[] {
  return lang === 'it' ? italianForms(lemma) : englishForms(lemma);
}

/** Whether a word looks like an Italian infinitive (for choosing how to expand a "+verb" term). */
export function isItalianInfinitive(word: string): boolean {
  return /(?:are|ere|ire|rre)$/.test(word) && word.length > 4;
}
