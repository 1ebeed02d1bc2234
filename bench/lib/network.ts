/**
 * A deterministic generator of a large, believable, bilingual (about two thirds Italian, one third
 * English) personal network for benchmarks: names, professions, companies, cities, tags, notes,
 * channels, and 1–3 needs and 1–3 offers per person written as people write them. Seeded, so the
 * same `--people` gives the same data (and the same query words) on every run.
 */
import type { CreatePersonBody } from '#shared/api/people.ts';
import { Rng, Zipf } from './prng.ts';

export interface GenItem {
  text: string;
  status: 'open' | 'satisfied';
}

export interface GenPerson {
  person: CreatePersonBody;
  needs: GenItem[];
  offers: GenItem[];
}

// --- names -------------------------------------------------------------------------------------

const FIRST_IT = (
  'Giulia Marco Francesca Luca Chiara Alessandro Sara Matteo Elena Andrea Valentina Davide Martina Lorenzo Federica Simone ' +
  'Silvia Stefano Paola Giorgio Laura Roberto Anna Fabio Alessia Riccardo Elisa Paolo Giovanna Tommaso Roberta Nicola Ilaria ' +
  'Emanuele Claudia Pietro Serena Filippo Cristina Gabriele Beatrice Antonio Camilla Giacomo Monica Daniele Eleonora Michele ' +
  'Veronica Massimo Noemi Enrico Arianna Vittorio Ludovica Carlo Greta Edoardo Irene Leonardo Benedetta Salvatore Margherita ' +
  'Raffaele Ginevra Ottavio Costanza Umberto Lucrezia Ettore Rebecca Jacopo Viola Guido Nicoletta Dario Agnese Corrado Tiziana'
).split(' ');
const FIRST_EN = (
  'James Emma Oliver Sophie William Charlotte Henry Amelia Thomas Olivia George Grace Jack Hannah Daniel Lucy Samuel Emily ' +
  'Benjamin Chloe Edward Isabel Harry Ruth Michael Sarah David Rachel Patrick Claire Matthew Alice Andrew Megan Christopher ' +
  'Laura Joseph Katherine Ryan Fiona Nathan Imogen Owen Harriet Liam Eleanor Connor Bridget Aidan Siobhan Rory Maeve Callum ' +
  'Isla Hamish Priya Arjun Aisha Omar Mei Kenji'
).split(' ');
const LAST_IT = (
  'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De\u00a0Luca Mancini Costa Giordano ' +
  'Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli ' +
  'Vitale Lombardo Serra Coppola De\u00a0Santis D\u2019Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso ' +
  'Valentini Messina Sala De\u00a0Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri ' +
  'Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino ' +
  'Fiore De\u00a0Rosa Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri Costantini Milani Pagano Ruggiero ' +
  'Sorrentino D\u2019Amico Orlando Damico Negri Bellucci Zanetti Brambilla Bassi Pozzi Tedesco Cirillo Fumagalli Colombini ' +
  'Mazzoleni Pedrazzini Scaglione Quaranta Spadoni Tagliabue Zanardi Bortolotti Brunetti Castelli Corradi Fiorentino ' +
  'Lazzari Magnani Nardi Olivieri Pace Pastore Rota Santini Tosi Venturi Zanella Bonetti Callegari Dal\u00a0Molin Frigerio ' +
  'Gualtieri Inzaghi Lanfranchi Mastrangelo Occhipinti Pizzuti Quagliarella Righetti Scarpellini Trevisan Uccello Vianello'
)
  .split(' ')
  .map((s) => s.replace(/\u00a0/g, ' ').replace(/\u2019/g, "'"));
const LAST_EN = (
  'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White ' +
  'Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King ' +
  'Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook ' +
  'Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh ' +
  'Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes ' +
  "O'Brien O'Sullivan McCarthy Fitzgerald Gallagher Whitfield Ashworth Pemberton Hargreaves Blackwood Thistlewood"
).split(' ');

// --- professions: [role, sector, tags] ------------------------------------------------------------

type Prof = readonly [string, string, readonly string[]];
const PROF_IT: readonly Prof[] = [
  ['Commercialista', 'fisco', ['fisco', 'fornitori']],
  ['Consulente del lavoro', 'hr', ['hr', 'fornitori']],
  ['Avvocato giuslavorista', 'legale', ['legale', 'lavoro']],
  ['Avvocato societario', 'legale', ['legale', 'startup']],
  ['Notaio', 'legale', ['legale']],
  ['Sviluppatore frontend', 'tech', ['tech', 'freelance']],
  ['Sviluppatrice backend', 'tech', ['tech', 'freelance']],
  ['Responsabile IT', 'tech', ['tech', 'clienti']],
  ['UX/UI designer', 'design', ['design', 'freelance']],
  ['Graphic designer', 'design', ['design', 'freelance']],
  ['Architetto', 'immobiliare', ['architettura', 'partner']],
  ['Ingegnere energetico', 'energia', ['energia', 'partner']],
  ['Fotografo', 'media', ['media', 'freelance']],
  ['Videomaker', 'media', ['media', 'freelance']],
  ['Giornalista economico', 'media', ['media', 'stampa']],
  ['Ufficio stampa e PR', 'media', ['stampa', 'marketing']],
  ['Social media manager', 'marketing', ['marketing', 'social']],
  ['SEO specialist', 'marketing', ['marketing', 'seo']],
  ['Copywriter', 'marketing', ['marketing', 'freelance']],
  ['Direttore commerciale', 'vendite', ['vendite', 'clienti']],
  ['Agente di commercio', 'vendite', ['vendite', 'agenti']],
  ['Temporary export manager', 'export', ['export', 'partner']],
  ['Titolare di una casa di spedizioni', 'logistica', ['logistica', 'fornitori']],
  ['Responsabile acquisti', 'manifattura', ['acquisti', 'clienti']],
  ['Buyer della grande distribuzione', 'food', ['food', 'gdo']],
  ['Produttrice di vino', 'food', ['vino', 'food']],
  ['Ristoratore', 'food', ['food', 'ristorazione']],
  ['Chef e consulente food', 'food', ['food', 'ristorazione']],
  ['Business angel', 'finanza', ['investitori', 'startup']],
  ['Consulente finanziario', 'finanza', ['finanza', 'fornitori']],
  ['Broker assicurativo', 'finanza', ['assicurazioni', 'fornitori']],
  ['Consulente bandi e finanza agevolata', 'finanza', ['bandi', 'finanza']],
  ['Agente immobiliare', 'immobiliare', ['immobiliare']],
  ['Formatrice soft skills', 'formazione', ['formazione', 'hr']],
  ['Recruiter e head hunter', 'hr', ['hr', 'recruiting']],
  ['Executive coach', 'formazione', ['coaching', 'formazione']],
  ['Event planner', 'eventi', ['eventi', 'fornitori']],
  ['Traduttrice e interprete', 'lingue', ['traduzioni', 'freelance']],
  ['Consulente privacy e DPO', 'legale', ['privacy', 'legale']],
  ['CEO e co-founder', 'startup', ['startup', 'founder']],
  ['CTO', 'tech', ['tech', 'startup']],
  ['Product manager', 'tech', ['prodotto', 'tech']],
  ['Data scientist', 'tech', ['dati', 'tech']],
  ['Responsabile marketing', 'marketing', ['marketing', 'clienti']],
  ['E-commerce manager', 'marketing', ['ecommerce', 'marketing']],
  ['Artigiano falegname', 'manifattura', ['artigiani', 'fornitori']],
  ['Titolare di una tipografia', 'manifattura', ['stampa', 'fornitori']],
  ['Medico di base', 'salute', ['salute']],
  ['Fisioterapista', 'salute', ['salute', 'sport']],
  ['Docente universitario', 'formazione', ['università', 'ricerca']],
  ['Ricercatrice in biotecnologie', 'salute', ['ricerca', 'biotech']],
  ['Assessore alle attività produttive', 'pubblico', ['istituzioni']],
  ['Direttrice di un incubatore', 'startup', ['startup', 'community']],
  ['Responsabile sostenibilità', 'energia', ['sostenibilità', 'esg']],
  ['Consulente di moda', 'moda', ['moda', 'design']],
  ['Guida turistica', 'turismo', ['turismo']],
  ['Albergatore', 'turismo', ['turismo', 'ospitalità']],
];
const PROF_EN: readonly Prof[] = [
  ['Accountant', 'finance', ['finance', 'suppliers']],
  ['Employment lawyer', 'legal', ['legal', 'hr']],
  ['Corporate lawyer', 'legal', ['legal', 'startups']],
  ['Frontend developer', 'tech', ['tech', 'freelance']],
  ['Backend engineer', 'tech', ['tech', 'freelance']],
  ['Engineering manager', 'tech', ['tech', 'hiring']],
  ['UX designer', 'design', ['design', 'freelance']],
  ['Brand designer', 'design', ['design', 'branding']],
  ['Photographer', 'media', ['media', 'freelance']],
  ['Journalist', 'media', ['media', 'press']],
  ['PR consultant', 'media', ['press', 'marketing']],
  ['Growth marketer', 'marketing', ['marketing', 'growth']],
  ['Content strategist', 'marketing', ['marketing', 'content']],
  ['Head of sales', 'sales', ['sales', 'clients']],
  ['Account executive', 'sales', ['sales']],
  ['Supply chain manager', 'logistics', ['logistics', 'suppliers']],
  ['Wine importer', 'food', ['wine', 'food', 'import']],
  ['Specialty food buyer', 'food', ['food', 'retail']],
  ['Angel investor', 'finance', ['investors', 'startups']],
  ['Venture capital associate', 'finance', ['investors', 'vc']],
  ['Financial adviser', 'finance', ['finance']],
  ['Management consultant', 'consulting', ['consulting', 'strategy']],
  ['Executive coach', 'training', ['coaching', 'leadership']],
  ['Talent partner', 'hr', ['hiring', 'hr']],
  ['Events manager', 'events', ['events']],
  ['Translator', 'languages', ['translation', 'freelance']],
  ['Data protection officer', 'legal', ['privacy', 'gdpr']],
  ['Founder and CEO', 'startups', ['startups', 'founder']],
  ['Product manager', 'tech', ['product', 'tech']],
  ['Data scientist', 'tech', ['data', 'ai']],
  ['Machine learning engineer', 'tech', ['ai', 'tech']],
  ['Architect', 'real estate', ['architecture']],
  ['Sustainability lead', 'energy', ['sustainability', 'esg']],
  ['University lecturer', 'education', ['university', 'research']],
  ['Hotel general manager', 'tourism', ['hospitality', 'tourism']],
  ['Fashion buyer', 'fashion', ['fashion', 'retail']],
];

// --- companies: brand roots (rare words in the tail) -------------------------------------------

const SYL_A =
  'Lum Ner Ardi Vel Tess Orb Cal Fior Brix Alt Mar Sol Quer Ven Zef Aur Bor Cor Dav Eli Fal Gra Ist Lev Mir Nov Ott Pol Riv Sil Tor Ulm Vit'.split(
    ' ',
  );
const SYL_B = 'en ia ora ix um etta ona ide aro ex ica eo ano ys alis'.split(' ');
const ROOTS = SYL_A.flatMap((a) => SYL_B.map((b) => a + b));
const CO_IT = [
  '{root} srl',
  '{root} Digital srl',
  'Studio {last} Commercialisti',
  '{last} & Associati',
  '{root} Logistica spa',
  'Cantina {root}',
  'Gruppo {root}',
  '{root} Consulting',
  'Officine {root}',
  '{root} Design',
  'Fondazione {root}',
  'Tipografia {last}',
  '{root} Energia srl',
  'Banca {root}',
  '{root} Immobiliare',
];
const CO_EN = [
  '{root} Ltd',
  '{root} Labs',
  '{root} Capital',
  '{last} & Partners LLP',
  '{root} Analytics',
  '{root} Studio',
  '{root} Foods Ltd',
  '{root} Ventures',
  'The {root} Group',
  '{root} Health',
];

// --- places, ordered by how often they come up ----------------------------------------------------

const CITIES_IT: ReadonlyArray<readonly [string, string]> = [
  'Milano',
  'Roma',
  'Torino',
  'Bologna',
  'Firenze',
  'Napoli',
  'Verona',
  'Padova',
  'Bergamo',
  'Brescia',
  'Genova',
  'Bari',
  'Venezia',
  'Trento',
  'Parma',
  'Modena',
  'Palermo',
  'Trieste',
  'Monza',
  'Como',
  'Vicenza',
  'Treviso',
  'Catania',
  'Pisa',
  'Perugia',
  'Ancona',
  'Lecce',
  'Cagliari',
  'Udine',
  'Bolzano',
  'Reggio Emilia',
  'Lucca',
  'Varese',
  'Pavia',
  'Cremona',
  'Mantova',
  'Asti',
  'Cuneo',
  'Novara',
  'Siena',
  'Arezzo',
  'Rimini',
  'Ravenna',
  'Forlì',
  'Matera',
  'Sassari',
  'Aosta',
].map((c) => [c, 'IT'] as const);
const CITIES_EN: ReadonlyArray<readonly [string, string]> = [
  ['London', 'GB'],
  ['Dublin', 'IE'],
  ['Manchester', 'GB'],
  ['Edinburgh', 'GB'],
  ['Bristol', 'GB'],
  ['New York', 'US'],
  ['Berlin', 'DE'],
  ['Amsterdam', 'NL'],
  ['Cambridge', 'GB'],
  ['Oxford', 'GB'],
  ['Leeds', 'GB'],
  ['Glasgow', 'GB'],
  ['Boston', 'US'],
  ['San Francisco', 'US'],
  ['Cork', 'IE'],
  ['Brighton', 'GB'],
  ['Toronto', 'CA'],
  ['Zurich', 'CH'],
];

// --- needs and offers ----------------------------------------------------------------------------

const NEED_IT = [
  'Cerco {prof} per {topic}',
  'Mi serve {prof} che conosca bene {topic}',
  'Cerchiamo {prof} a {city}, anche part-time',
  'Un contatto in {sector} per capire come muoverci su {topic}',
  'Qualcuno che abbia esperienza di {topic}: siamo in difficoltà',
  'Trovare {prof} per un progetto che parte a {month}',
  'Una presentazione a {prof} che lavori con aziende del settore {sector}',
  'Consigli su {topic} prima di firmare con un nuovo cliente',
];
const OFFER_IT = [
  'Consulenza su {topic} per PMI e professionisti',
  'Posso presentare {prof} di fiducia a {city}',
  'Un\u2019ora gratuita per ragionare di {topic}',
  'Contatti nel settore {sector} in Italia e all\u2019estero',
  'Esperienza di {topic}, anche in inglese',
  'Seguo progetti di {topic} dall\u2019analisi alla consegna',
  'Mentoring per chi parte con una startup nel settore {sector}',
];
const NEED_EN = [
  'Looking for {prof} who knows {topic}',
  'Need an introduction to {prof} in {city}',
  'Someone with hands-on experience of {topic}',
  'We are hiring {prof}, ideally remote-friendly',
  'Advice on {topic} before we expand to Italy',
  'A warm intro to people in {sector} for a pilot project',
];
const OFFER_EN = [
  'Happy to advise on {topic} for early-stage teams',
  'Can introduce you to {prof} I trust in {city}',
  'Free 30-minute call on {topic}',
  'Contacts across {sector} in the UK and Ireland',
  'Hands-on help with {topic}, in English or Italian',
  'Mentoring for founders in {sector}',
];
const NEED_PROF_IT = [
  'un commercialista',
  'un avvocato giuslavorista',
  'una traduttrice legale',
  'un fotografo',
  'uno sviluppatore frontend',
  'una sviluppatrice mobile',
  'un consulente IT',
  'un copywriter madrelingua inglese',
  'un grafico',
  'un videomaker',
  'un esperto di bandi europei',
  'un broker assicurativo',
  'una recruiter',
  'un ufficio stampa',
  'un architetto',
  'un ingegnere strutturista',
  'un consulente privacy',
  'un agente di commercio',
  'un distributore in Germania',
  'un business angel',
  'un notaio',
  'un interprete',
  'una social media manager',
  'un data analyst',
  'un falegname',
];
const NEED_PROF_EN = [
  'an accountant',
  'an employment lawyer',
  'a legal translator',
  'a photographer',
  'a frontend developer',
  'a mobile developer',
  'an IT consultant',
  'a native English copywriter',
  'a brand designer',
  'a growth marketer',
  'an angel investor',
  'a distributor in Italy',
  'a recruiter',
  'a PR agency',
  'a data engineer',
  'a UX researcher',
  'a supply chain expert',
];
const TOPIC_IT = [
  'regime forfettario',
  'fatturazione elettronica',
  'contratti di lavoro',
  'bandi europei',
  'SEO internazionale',
  'e-commerce su Shopify',
  'passaggio generazionale',
  'marchi e brevetti',
  'privacy e GDPR',
  'export negli Stati Uniti',
  'recupero crediti',
  'anticipo fatture',
  'welfare aziendale',
  'smart working',
  'certificazioni ISO',
  'efficienza energetica',
  'fotovoltaico per capannoni',
  'logistica del freddo',
  'packaging sostenibile',
  'vendite su Amazon',
  'LinkedIn per i commerciali',
  'apertura di una filiale in Svizzera',
  'assunzione di dipendenti stranieri',
  'crowdfunding',
  'finanza agevolata',
  'transizione 5.0',
  'cybersecurity per studi professionali',
  'migrazione al cloud',
  'intelligenza artificiale in azienda',
  'traduzione di contratti',
  'fiere in Germania',
  'vini naturali',
  'ristrutturazione di uffici',
  'affitti brevi',
];
const TOPIC_EN = [
  'fundraising',
  'pricing strategy',
  'GDPR compliance',
  'go-to-market in Italy',
  'hiring engineers',
  'UK VAT',
  'brand identity',
  'B2B sales',
  'product discovery',
  'data pipelines',
  'machine learning in production',
  'cloud costs',
  'employer branding',
  'export to the EU',
  'food import regulations',
  'sustainability reporting',
  'remote team management',
  'customer success',
  'investor relations',
  'open banking',
  'clinical trials',
  'sourcing from Italian suppliers',
  'trade shows',
  'podcast production',
];
const SECTORS_IT = [
  'food',
  'moda',
  'arredo',
  'meccanica',
  'turismo',
  'energia',
  'sanità',
  'logistica',
  'edilizia',
  'fintech',
  'vino',
  'cosmetica',
  'editoria',
  'formazione',
  'automotive',
];
const SECTORS_EN = [
  'fintech',
  'healthtech',
  'food and drink',
  'fashion',
  'climate tech',
  'logistics',
  'education',
  'media',
  'SaaS',
  'hospitality',
  'biotech',
];
const MONTHS_IT = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'settembre', 'ottobre', 'novembre'];

const TAGS_EXTRA_IT = [
  'milano',
  'alumni',
  'bocconi',
  'polimi',
  'rotary',
  'confindustria',
  'amici',
  'ex colleghi',
  'clienti',
  'da richiamare',
  'mentor',
  'vip',
  'estero',
  'community',
];
const TAGS_EXTRA_EN = [
  'london',
  'alumni',
  'mentor',
  'clients',
  'ex colleagues',
  'follow up',
  'investors',
  'speakers',
  'community',
  'vip',
];

const NOTES_IT = [
  'Molto disponibile, risponde in giornata.',
  'Conosce mezza città, ottimo per presentazioni.',
  'Diretto e pratico; preferisce il telefono alle mail.',
  'Ci siamo visti a un aperitivo di networking: da richiamare dopo l\u2019estate.',
  'Parla bene inglese e tedesco; lavora spesso con clienti esteri.',
  'Ha un figlio che studia ingegneria al Politecnico.',
];
const NOTES_EN = [
  'Very generous with introductions.',
  'Prefers email; replies within a week.',
  'Moved from Milan to London in 2019, still well connected in Italy.',
  'Met at a founders dinner; keen on Italian food suppliers.',
];
const HOW_MET_IT = [
  'Aperitivo Confcommercio',
  'Convegno AIDP',
  'Fiera Host',
  'Vinitaly',
  'Salone del Mobile',
  'Corso MBA',
  'Riunione Rotary',
  'Evento Talent Garden',
  'Presentato da un cliente',
  'Compagno di università',
];
const HOW_MET_EN = [
  'Web Summit',
  'London Tech Week',
  'A founders dinner',
  'Slush',
  'Introduced by a client',
  'University alumni event',
  'A podcast interview',
];

function fill(tpl: string, slots: Record<string, string | undefined>): string {
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? '');
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

export class NetworkGenerator {
  private readonly rng: Rng;
  private readonly firstIt = new Zipf(FIRST_IT, 0.6);
  private readonly firstEn = new Zipf(FIRST_EN, 0.6);
  private readonly lastIt = new Zipf(LAST_IT, 0.9);
  private readonly lastEn = new Zipf(LAST_EN, 0.9);
  private readonly profIt = new Zipf(PROF_IT, 0.5);
  private readonly profEn = new Zipf(PROF_EN, 0.5);
  private readonly roots = new Zipf(ROOTS, 1.05);
  private readonly citiesIt = new Zipf(CITIES_IT, 1.1);
  private readonly citiesEn = new Zipf(CITIES_EN, 1.1);
  private readonly topicIt = new Zipf(TOPIC_IT, 0.7);
  private readonly topicEn = new Zipf(TOPIC_EN, 0.7);
  private n = 0;

  constructor(seed = 20260101) {
    this.rng = new Rng(seed);
  }

  next(): GenPerson {
    const r = this.rng;
    const i = this.n++;
    const it = r.next() < 2 / 3;
    const first = (it ? this.firstIt : this.firstEn).pick(r);
    const last = (it ? this.lastIt : this.lastEn).pick(r);
    const name = `${first} ${last}`;
    const [role, , roleTags] = (it ? this.profIt : this.profEn).pick(r);
    const [city, country] = (it ? this.citiesIt : this.citiesEn).pick(r);
    const root = this.roots.pick(r);
    const company = r.chance(0.85)
      ? fill(r.pick(it ? CO_IT : CO_EN), { root, last: (it ? this.lastIt : this.lastEn).pick(r) })
      : null;
    const tags = new Set<string>(roleTags.slice(0, r.int(1, roleTags.length)));
    if (r.chance(0.5)) tags.add(r.pick(it ? TAGS_EXTRA_IT : TAGS_EXTRA_EN));
    if (r.chance(0.15)) tags.add(city.toLowerCase());
    const handle = `${slug(first)}.${slug(last)}`;
    const domain = company ? `${slug(root)}.example` : it ? 'example.it' : 'example.com';
    const person: CreatePersonBody = {
      name,
      company,
      role,
      city,
      country,
      language: it ? 'it' : 'en',
      notes: r.chance(0.35) ? r.pick(it ? NOTES_IT : NOTES_EN) : null,
      howMet: r.chance(0.4) ? `${r.pick(it ? HOW_MET_IT : HOW_MET_EN)}, ${r.int(2015, 2025)}` : null,
      emails: [{ value: `${handle}${i % 97 === 0 ? i : ''}@${domain}`, label: r.chance(0.5) ? (it ? 'lavoro' : 'work') : null }],
      phones: r.chance(0.7)
        ? [
            {
              value: it
                ? `+39 3${r.int(20, 49)} ${r.int(100, 999)} ${r.int(1000, 9999)}`
                : `+44 7${r.int(100, 999)} ${r.int(100000, 999999)}`,
              label: null,
            },
          ]
        : [],
      links: r.chance(0.6)
        ? [{ value: `https://www.linkedin.com/in/${handle.replace(/\./g, '-')}-${(i * 7919) % 100000}`, label: 'LinkedIn' }]
        : [],
      tags: [...tags],
    };
    const item = (tpls: readonly string[], satisfiedRate: number): GenItem => {
      const slots = it
        ? {
            prof: r.pick(NEED_PROF_IT),
            topic: this.topicIt.pick(r),
            city: this.citiesIt.pick(r)[0],
            sector: r.pick(SECTORS_IT),
            month: r.pick(MONTHS_IT),
          }
        : { prof: r.pick(NEED_PROF_EN), topic: this.topicEn.pick(r), city: this.citiesEn.pick(r)[0], sector: r.pick(SECTORS_EN) };
      return { text: fill(r.pick(tpls), slots), status: r.chance(satisfiedRate) ? 'satisfied' : 'open' };
    };
    const needs = Array.from({ length: r.int(1, 3) }, () => item(it ? NEED_IT : NEED_EN, 0.25));
    const offers = Array.from({ length: r.int(1, 3) }, () => item(it ? OFFER_IT : OFFER_EN, 0.05));
    // Offers name the person's own field now and then, as people do.
    if (r.chance(0.5))
      offers[0] = {
        text: `${role}: ${(offers[0] as GenItem).text.charAt(0).toLowerCase()}${(offers[0] as GenItem).text.slice(1)}`,
        status: 'open',
      };
    return { person, needs, offers };
  }
}
