/**
 * Text normalisation and tokenisation shared by the concept matcher and the lexical index.
 *
 * People write needs the way they chat: accents or not ("perche"/"perché"), elisions
 * ("dell'azienda"), chat abbreviations ("x", "ns", "cmq"), stretched letters ("aiutooo"),
 * hyphenated loanwords ("e-commerce", "pop-up"). Everything here maps those variants onto one
 * form so that the later stages can stay simple.
 */
import { fold } from '#shared/text/fold.ts';

export interface Token {
  /** Folded form (lower case, no accents), after abbreviation expansion. */
  norm: string;
  /** Character offsets in the original text, for human-readable reasons. */
  start: number;
  end: number;
  /** True for function words: kept for phrase positions, ignored for scoring. */
  stop: boolean;
}

/** Lower-case, strip accents. */
export { fold };

// Chat and note-taking abbreviations that carry meaning; expanding them lets stop words and
// concept phrases apply ("x" = "per", "ns" = "nostro").
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['x', 'per'],
  ['xche', 'perche'],
  ['xke', 'perche'],
  ['ns', 'nostro'],
  ['vs', 'vostro'],
  ['nn', 'non'],
  ['cmq', 'comunque'],
  ['qlc', 'qualche'],
  ['qlcn', 'qualcuno'],
  ['tt', 'tutti'],
  ['sett', 'settimana'],
  ['info', 'informazioni'],
  ['pls', 'please'],
  ['govt', 'government'],
  ['mgmt', 'management'],
  ['dev', 'developer'],
  ['devs', 'developers'],
  ['biz', 'business'],
  ['im', 'i'],
  ['ive', 'i'],
  // English negative contractions lose their "t" as a separate token: the negation stays.
  ['dont', 'not'],
  ['cant', 'not'],
  ['didn', 'not'],
  ['doesn', 'not'],
  ['don', 'not'],
  ['isn', 'not'],
  ['aren', 'not'],
  ['wasn', 'not'],
  ['weren', 'not'],
  ['haven', 'not'],
  ['hasn', 'not'],
  ['hadn', 'not'],
  ['wouldn', 'not'],
  ['couldn', 'not'],
  ['shouldn', 'not'],
]);

const IT_STOP =
  'a al alla alle allo ai agli all anche ancora avere abbiamo avete hanno ha ho hai c ci che chi cio col con come cosa cui d da dai dal dalla dalle dallo dagli degli dei del dell della delle dello di dove e ed era essere fa fare gia gli ha i il in io la le lei li lo loro lui l ma mi mia mie miei mio ne nei nel nella nelle nello negli noi nostra nostre nostri nostro o od ogni per perche piu po poi qua qual quale quali qualche quando quanto quella quelle quelli quello questa queste questi questo qui se sei si sia siamo siete sono su sua sue sui sul sulla sulle suo suoi ti tra fra tu tua tue tuo tuoi tutto tutti tutta tutte un una uno vi voi vostra vostro gia cosi molto molta molti tanto tanta tanti tante stato stata sto sta stiamo stanno sara essere fatto ecc etc eccetera cerco cerchiamo cercando cerca serve servono servirebbe servirebbero mi ci bisogno vorrei vorremmo voglio vogliamo qualcuno qualcuna qualcosa nessuno niente nulla aiuto aiutare aiuti aiutarci aiutarmi potete puo puoi posso possiamo sapete sa so idee idea grazie ciao buongiorno salve oppure invece pero quindi allora comunque magari tipo dopo adesso ora oggi ieri domani sempre mai proprio davvero solo anzi altro altra altri altre stesso stessa chiunque dove'.split(
    ' ',
  );

const EN_STOP =
  'a about above after again all also am an and any are as at be been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my myself no nor of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself s t d ll m re ve don isn aren wasn weren doesn didn need needs needed looking look want wants wanted someone somebody anyone anybody something anything help helps please thanks hi hello us get got getting really actually just currently maybe kind sort like one ones let lets does who whose good great best'.split(
    ' ',
  );

// Negations are kept as tokens: "i clienti non pagano" is a problem statement, and concept
// phrases may contain them.
const NEGATIONS = new Set(['non', 'not', 'no', 'senza', 'without', 'never', 'mai', 'nothing', 'niente', 'nulla', 'nessuno']);

const STOP: ReadonlySet<string> = new Set([...IT_STOP, ...EN_STOP].filter((w) => !NEGATIONS.has(w)));

// Capitalised, these are acronyms with a meaning of their own (information technology,
// artificial intelligence, the United States, public relations in Italian "PR" is not a stop word anyway).
const ACRONYMS: ReadonlySet<string> = new Set(['it', 'ai', 'us', 'hr', 'ui']);

export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

export function isNegation(w: string): boolean {
  return NEGATIONS.has(w);
}

// Letters and digits form words; a hyphen joins two parts when one of them is a short
// prefix/particle ("e-commerce", "pop-up", "check-in"), otherwise it separates them
// ("Italia-Giappone").
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const SEPARATOR = /[-'’.]/;

function collapseRuns(w: string): string {
  // "aiutooo" -> "aiuto"; real words never repeat a letter three times.
  for (let i = 2; i < w.length; i++) {
    if (w[i] === w[i - 1] && w[i] === w[i - 2]) return w.replace(/(\p{L})\1{2,}/gu, '$1');
  }
  return w;
}

/**
 * Splits a text into tokens with offsets into the original string. Works on the folded text,
 * whose length equals the NFC original for the Latin scripts we handle except for decomposed
 * characters, so offsets are mapped through an index table.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Folding precomposed Latin letters keeps the length, so offsets map 1:1; otherwise fold
  // character by character to keep a map from folded offsets to original offsets.
  let folded = fold(text);
  let map: number[] | null = null;
  if (folded.length !== text.length) {
    folded = '';
    map = [];
    for (let i = 0; i < text.length; i++) {
      const f = fold(text[i] ?? '');
      for (let k = 0; k < f.length; k++) map.push(i);
      folded += f;
    }
    map.push(text.length);
  }
  const at = (i: number): number => (map ? (map[i] ?? text.length) : i);
  for (const m of folded.matchAll(WORD)) {
    const raw = m[0];
    const base = m.index ?? 0;
    if (!SEPARATOR.test(raw)) {
      // Fast path: a plain word, no hyphen, apostrophe or dot inside.
      let norm = collapseRuns(raw);
      norm = ABBREVIATIONS.get(norm) ?? norm;
      const start = at(base);
      const end = at(base + raw.length);
      let stop = STOP.has(norm) || (norm.length === 1 && !/\d/.test(norm));
      if (stop && ACRONYMS.has(norm) && text.slice(start, end) === norm.toUpperCase()) stop = false;
      out.push({ norm, start, end, stop });
      continue;
    }
    // Split the compound into parts, remembering offsets.
    const parts: Array<{ s: string; off: number; sep: string }> = [];
    let cur = '';
    let curOff = 0;
    let sep = '';
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] ?? '';
      if (ch === '-' || ch === "'" || ch === '’' || ch === '.') {
        parts.push({ s: cur, off: curOff, sep });
        sep = ch;
        cur = '';
        curOff = i + 1;
      } else {
        cur += ch;
      }
    }
    parts.push({ s: cur, off: curOff, sep });
    // Re-join hyphenated particles and dotted abbreviations ("e-commerce", "s.r.l.", "Ho.Re.Ca.").
    const dotted = parts.length > 1 && parts.every((p) => p.s.length <= 3 && (p.sep === '' || p.sep === '.'));
    const merged: Array<{ s: string; off: number; len: number }> = [];
    for (const p of parts) {
      const prev = merged[merged.length - 1];
      const joinHyphen = p.sep === '-' && prev !== undefined && (prev.s.length <= 2 || p.s.length <= 3) && !/^\d+$/.test(p.s);
      const joinDot = p.sep === '.' && prev !== undefined && dotted;
      if (prev && (joinHyphen || joinDot)) {
        prev.s += p.s;
        prev.len = p.off + p.s.length - prev.off;
      } else {
        merged.push({ s: p.s, off: p.off, len: p.s.length });
      }
    }
    for (const p of merged) {
      if (p.s.length === 0) continue;
      let norm = collapseRuns(p.s);
      norm = ABBREVIATIONS.get(norm) ?? norm;
      const start = at(base + p.off);
      const end = at(base + p.off + p.len);
      let stop = STOP.has(norm) || (norm.length === 1 && !/\d/.test(norm));
      // "IT", "AI", "US" written in capitals are acronyms, not the function words "it", "ai", "us".
      if (stop && ACRONYMS.has(norm) && text.slice(start, end) === norm.toUpperCase()) stop = false;
      out.push({ norm, start, end, stop });
    }
  }
  return out;
}
