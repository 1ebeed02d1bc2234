import { detectAll } from 'tinyld';
import { words } from './fold.ts';

// Function words are the most reliable signal on the short texts people write as needs and offers.
const IT = new Set(
  'il lo la i gli le un uno una di del della dei delle degli da dal dalla in nel nella con per su tra fra che chi non mi ci si sono siamo ho abbiamo ha hanno cerco cerchiamo serve servono qualcuno come anche ma ed e o perche piu molto nostro nostra nostri mio mia miei suo sua al alla ai alle questo questa quello quella dove quando ogni tutto tutti'.split(
    ' ',
  ),
);
const EN = new Set(
  'the a an of to in on for with and or but is are was were be been we our us i my me you your he she they their it its this that these those who which what need needs looking someone anyone can could would should from at by as not do does have has had any some more most about into how when where'.split(
    ' ',
  ),
);

/** Italian or English, or null when the text gives no evidence either way. */
export function detectLanguage(text: string): 'it' | 'en' | null {
  let it = 0;
  let en = 0;
  for (const w of words(text)) {
    if (IT.has(w)) it++;
    if (EN.has(w)) en++;
  }
  if (it !== en) return it > en ? 'it' : 'en';
  let itScore = 0;
  let enScore = 0;
  for (const r of detectAll(text)) {
    if (r.lang === 'it') itScore = r.accuracy;
    if (r.lang === 'en') enScore = r.accuracy;
  }
  if (itScore === enScore) return null;
  return itScore > enScore ? 'it' : 'en';
}
