import { describe, expect, it } from 'vitest';
import { ALL_CONCEPTS } from '../concepts/index.ts';
import { analyze } from './analyze.ts';
import { compileCatalogue } from './catalogue.ts';
import { MatchEngine, defaultCatalogue } from './index.ts';
import { detectLang } from './lang.ts';
import { tokenize } from './normalize.ts';
import { lightStem, snowballStem } from './stem.ts';

function topPeople(engine: MatchEngine, need: string, n = 3): string[] {
  return engine.queryPeople(need, { limit: n }).map((p) => p.personId);
}

describe('normalisation', () => {
  it('folds accents, splits elisions, joins hyphenated particles and expands abbreviations', () => {
    const norms = tokenize("Perché l'azienda x il ns e-commerce? Ho.Re.Ca. aiutooo").map((t) => t.norm);
    expect(norms).toEqual(['perche', 'l', 'azienda', 'per', 'il', 'nostro', 'ecommerce', 'horeca', 'aiuto']);
  });
  it('keeps offsets into the original text', () => {
    const text = 'Città già pronta';
    const [a] = tokenize(text);
    expect(a && text.slice(a.start, a.end)).toBe('Città');
  });
});

describe('stemming', () => {
  it('uses Snowball for the lexical index', () => {
    expect(snowballStem('fatture', 'it')).toBe(snowballStem('fattura', 'it'));
    expect(snowballStem('investors', 'en')).toBe('investor');
    expect(snowballStem('running', 'en')).toBe('run');
  });
  it('keeps a conservative stem for concepts (no commercialista = commerciale)', () => {
    expect(lightStem('commercialisti')).toBe(lightStem('commercialista'));
    expect(lightStem('commercialista')).not.toBe(lightStem('commerciale'));
    expect(lightStem('companies')).toBe('company');
    expect(lightStem('banche')).toBe(lightStem('banca'));
  });
});

describe('language detection', () => {
  const cases: Array<[string, 'it' | 'en']> = [
    ['Cerco un commercialista per la mia partita IVA', 'it'],
    ['Looking for an accountant for my small business', 'en'],
    ['Shopify expert needed to migrate our store', 'en'],
    ['Il nostro e-shop ha bisogno di SEO', 'it'],
    ['Pianificazione fiscale e ottimizzazione del carico', 'it'],
  ];
  for (const [text, lang] of cases) {
    it(`${lang}: ${text}`, () => expect(detectLang(text, tokenize(text))).toBe(lang));
  }
});

describe('catalogue', () => {
  it('compiles without problems and has several hundred concepts', () => {
    const cat = compileCatalogue(ALL_CONCEPTS);
    expect(cat.problems).toEqual([]);
    expect(cat.concepts.length).toBeGreaterThanOrEqual(250);
  });
  it('gives every concept an Italian and an English label and terms in both languages', () => {
    for (const c of ALL_CONCEPTS) {
      expect(c.it.trim().length, c.id).toBeGreaterThan(0);
      expect(c.en.trim().length, c.id).toBeGreaterThan(0);
      expect(c.itTerms.length, c.id).toBeGreaterThan(0);
      expect(c.enTerms.length, c.id).toBeGreaterThan(0);
    }
  });
  it('recognises concepts across languages', () => {
    const cat = defaultCatalogue();
    const ids = (t: string): string[] => analyze(cat, t).concepts.map((h) => cat.concepts[h.concept]?.id ?? '');
    expect(ids('Elaborazione buste paga')).toContain('work.payroll');
    expect(ids('We need someone to run payroll')).toContain('work.payroll');
    expect(ids('recupero crediti e decreti ingiuntivi')).toContain('legal.debt_collection');
  });
});

function network(): MatchEngine {
  const e = new MatchEngine();
  const add = (id: string, personId: string, text: string, headline: string, city?: string): void =>
    e.upsertOffer({ id, personId, text, headline, ...(city ? { city } : {}) });
  add('o1', 'accountant', 'Tenuta contabilità e dichiarazione dei redditi per forfettari', 'Commercialista');
  add('o2', 'payroll', 'Elaborazione buste paga e contratti per piccole aziende', 'Consulente del lavoro', 'Torino');
  add('o3', 'lawyer', 'Recupero crediti stragiudiziale e decreti ingiuntivi', 'Avvocato civilista');
  add('o4', 'webdev', 'I build fast websites and web apps for small businesses', 'Web developer');
  add('o5', 'archaeo', 'Rilievi e documentazione di scavi e siti archeologici', 'Archeologa');
  add('o6', 'fishnet', 'Vendita e riparazione di reti da pesca per pescherecci', 'Reti da pesca');
  add('o7', 'agent', 'Porto nuovi prodotti nei negozi, ho una rete vendita di agenti in Lombardia', 'Agente di commercio');
  add('o8', 'coffee', 'Specialty green coffee from Java and Ethiopia for roasters', 'Green coffee importer');
  add('o9', 'javadev', 'Sviluppo backend in Java e Spring Boot', 'Senior Java developer');
  add('o10', 'cowork', 'Domiciliazione della sede legale per srl', 'Coworking', 'Torino');
  add('o11', 'van', 'Ho un furgone, faccio piccoli traslochi', 'Trasporti', 'Napoli');
  add('o12', 'van2', 'Furgone con autista per traslochi e consegne', 'Trasporti', 'Milano');
  return e;
}

describe('ranking', () => {
  it('matches an English need to an Italian offer (payroll ↔ buste paga) and back', () => {
    const e = network();
    expect(topPeople(e, 'Need someone to run payroll for our first hires', 1)).toEqual(['payroll']);
    expect(topPeople(e, 'Cerco uno sviluppatore per il nuovo sito web', 1)).toEqual(['webdev']);
  });
  it('maps a problem to the profession that solves it', () => {
    const e = network();
    expect(topPeople(e, 'I clienti non pagano le fatture da mesi', 1)).toEqual(['lawyer']);
    expect(topPeople(e, 'A client owes us 20k and stopped answering', 1)).toEqual(['lawyer']);
    expect(topPeople(e, "Our registered office is my mum's flat", 1)).toEqual(['cowork']);
  });
  it('tells senses apart: website vs archaeological site, sales network vs fishing nets, Java', () => {
    const e = network();
    const web = topPeople(e, 'Il sito della nostra azienda è vecchio, va rifatto', 5);
    expect(web[0]).toBe('webdev');
    expect(web).not.toContain('archaeo');
    // "vendita" is a genuine shared word, so the net seller may trail far behind; it must never
    // get anywhere near the sales agent through the word "rete".
    const sales = e.queryPeople('Devo costruire una rete vendita di agenti', { limit: 12 });
    expect(sales[0]?.personId).toBe('agent');
    const fish = sales.find((p) => p.personId === 'fishnet');
    expect(fish === undefined || fish.score < 0.25 * (sales[0]?.score ?? 0)).toBe(true);
    expect(fish?.best.reasons.some((r) => r.needText.toLowerCase() === 'rete') ?? false).toBe(false);
    expect(topPeople(e, 'Supplier of Java beans for our roastery', 5)).not.toContain('javadev');
    expect(topPeople(e, 'Cerco sviluppatore Java senior', 5)).not.toContain('coffee');
  });
  it('does not read a self-description as a request', () => {
    const e = network();
    e.upsertOffer({ id: 'o13', personId: 'architect', text: 'Progetti di ristrutturazione', headline: 'Architetto' });
    expect(topPeople(e, "I'm an architect and need someone to build my portfolio website", 1)).toEqual(['webdev']);
  });
  it('prefers the helper in the city named by the need', () => {
    const e = network();
    expect(topPeople(e, 'Qualcuno ha un furgone per un trasloco a Napoli?', 1)).toEqual(['van']);
    expect(topPeople(e, 'Qualcuno ha un furgone per un trasloco a Milano?', 1)).toEqual(['van2']);
  });
  it('explains matches with the phrases of both sides', () => {
    const e = network();
    const [m] = e.query('Need someone to run payroll', { limit: 1 });
    expect(m?.offerId).toBe('o2');
    const reason = m?.reasons.find((r) => r.conceptId === 'work.payroll');
    expect(reason?.labelEn).toBe('payroll');
    expect(reason?.needText.toLowerCase()).toContain('payroll');
    expect(reason?.offerText.toLowerCase()).toContain('buste paga');
  });
  it('shows updates and removals in the next query', () => {
    const e = network();
    expect(topPeople(e, 'traduzione giurata in tedesco', 1)).toEqual([]);
    e.upsertOffer({ id: 'o14', personId: 'translator', text: 'Sworn translations German-Italian', headline: 'Translator' });
    expect(topPeople(e, 'traduzione giurata in tedesco', 1)).toEqual(['translator']);
    e.upsertOffer({ id: 'o14', personId: 'translator', text: 'Wedding photography', headline: 'Photographer' });
    expect(topPeople(e, 'traduzione giurata in tedesco', 1)).toEqual([]);
    e.removeOffer('o3');
    expect(topPeople(e, 'recupero crediti', 3)).not.toContain('lawyer');
    e.removePerson('payroll');
    expect(topPeople(e, 'buste paga', 3)).not.toContain('payroll');
  });
  it('excludes people on request and aggregates per person', () => {
    const e = network();
    const people = e.queryPeople('furgone per trasloco', { limit: 5, excludePersonIds: ['van'] });
    expect(people.map((p) => p.personId)).not.toContain('van');
    expect(new Set(people.map((p) => p.personId)).size).toBe(people.length);
  });
  it('works in the reverse direction: needs indexed, queried with an offer', () => {
    const needs = new MatchEngine();
    needs.upsertOffer({ id: 'n1', personId: 'shop', text: 'I clienti non mi pagano le fatture' });
    needs.upsertOffer({ id: 'n2', personId: 'cafe', text: 'Cerco un grafico per il logo' });
    expect(topPeople(needs, 'Recupero crediti e decreti ingiuntivi', 1)).toEqual(['shop']);
    expect(topPeople(needs, 'Brand identity and logo design', 1)).toEqual(['cafe']);
  });
});

describe('false friends and problem phrasing', () => {
  const ids = (text: string): string[] => new MatchEngine().analyzeText(text).concepts.map((c) => c.id);
  it('"custom" (su misura) is not "customs" (dogana)', () => {
    expect(ids('We need custom metal parts for our shop fittings')).not.toContain('intl.customs');
    expect(ids('We need custom metal parts for our shop fittings')).toContain('mfg.metalwork');
    expect(ids('Customs clearance for our exports')).toContain('intl.customs');
    expect(ids('Sdoganamento merci extra UE')).toContain('intl.customs');
  });
  it('reads long payment terms as late payment, and "paga" (pays) is not "paghe" (payroll)', () => {
    for (const t of [
      'I clienti pagano le fatture a 120 giorni',
      'Il cliente paga a 90 giorni',
      'our clients pay late',
      'overdue invoices',
    ])
      expect(ids(t)).toContain('prob.late_payment');
    expect(ids('Il cliente paga a 90 giorni')).not.toContain('work.payroll');
  });
  it('matches metal fabrication across languages, in both directions', () => {
    const needs = new MatchEngine();
    needs.upsertOffer({ id: 'n1', personId: 'tom', text: 'We need custom metal parts for our shop fittings' });
    needs.upsertOffer({ id: 'n2', personId: 'ann', text: 'Need a customs broker for imports from China' });
    expect(topPeople(needs, 'Lavorazioni di carpenteria metallica su misura', 1)).toEqual(['tom']);
  });
  it('reads capitalised IT and AI as acronyms, not as function words', () => {
    expect(ids('We need an IT consultant')).toContain('it.support');
    expect(ids('AI chatbot for our shop')).toContain('data.ai');
    expect(ids('it is hard to find')).toEqual([]);
  });
});
