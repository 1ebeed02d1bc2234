/**
 * Demo network for Rete: a fictional but believable personal network of a
 * professional based in Milan, with a short history of gives: what the user gave, to whom, and
 * what came back. The user's own profile is never part of it.
 *
 * Pure and deterministic: no randomness, no clock access. Every date is
 * expressed as "days ago" and can be turned into an ISO string relative to a
 * caller-provided `now` via `daysAgoToIso`; birthdays are days from `now`.
 *
 * All people, companies, e-mail addresses and phone numbers are fictional.
 * E-mails use only reserved example domains.
 */
import type { ItemStatus, Locale } from '#shared/api/values.ts';
import { toBirthday } from '#shared/text/birthday.ts';
import { addDays, localDate, parseYmd } from '../../lib/time.ts';

export interface DemoPerson {
  key: string;
  name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  country: string | null;
  language: Locale;
  emails: string[];
  phones: string[];
  links: string[];
  tags: string[];
  notes: string | null;
  howMet: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is not known; a handful only, some in the coming days. */
  birthday: string | null;
  introducedByKey: string | null;
  needs: Array<{ text: string; status: ItemStatus; daysAgo: number }>;
  offers: Array<{ text: string; daysAgo: number }>;
  timeline: Array<{ kind: 'meeting' | 'call' | 'message' | 'note'; daysAgo: number; summary: string }>;
}

export interface DemoRelationship {
  a: string;
  b: string;
  strength: 1 | 2 | 3;
  note: string | null;
}

/** Words the user wrote in their ledger: in the user's language. */
export interface DemoText {
  it: string;
  en: string;
}

/** A give of the user's ledger, to demo people, with what came of it. */
export interface DemoGive {
  kind: 'introduction' | 'referral' | 'advice' | 'resource' | 'recommendation' | 'time';
  daysAgo: number;
  description: DemoText;
  recipients: string[];
  /** The recipient's need it answered: the key of the person and the start of the need's text. */
  need: { person: string; startsWith: string } | null;
  outcomes: Array<{
    kind: 'thanked' | 'meeting' | 'business' | 'need_satisfied';
    daysAgo: number;
    /** Euro cents, for business closed. */
    valueCents: number | null;
    note: DemoText | null;
  }>;
}

/** Business passed to the user, and who in the demo network referred it. */
export interface DemoReceived {
  daysAgo: number;
  description: DemoText;
  referredBy: string;
  valueCents: number;
}

/**
 * The demo network. It never describes the user: their own profile ("Me") is theirs alone.
 * Everything in it refers to demo people only, so that it can be removed whole.
 */
export interface DemoNetwork {
  people: DemoPerson[];
  relationships: DemoRelationship[];
  gives: DemoGive[];
  received: DemoReceived[];
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** ISO-8601 timestamp `days` days before `now`. */
export function daysAgoToIso(now: Date, days: number): string {
  return new Date(now.getTime() - days * MS_PER_DAY).toISOString();
}

// ---------------------------------------------------------------------------
// Seed format (compact, hand-written)
// ---------------------------------------------------------------------------

type Kind = 'meeting' | 'call' | 'message' | 'note';
/** [text, daysAgo, satisfied?] */
type NeedSeed = readonly [string, number, 'satisfied'?];
/** [text, daysAgo] */
type OfferSeed = readonly [string, number];
/** [kind, daysAgo, summary] */
type EventSeed = readonly [Kind, number, string];

interface Seed {
  key: string;
  name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  country: string;
  lang: Locale;
  tags: string[];
  notes: string | null;
  howMet: string | null;
  by?: string;
  needs: NeedSeed[];
  offers: OfferSeed[];
  tl: EventSeed[];
  emails?: string[];
  phones?: string[];
  links?: string[];
}

// ---------------------------------------------------------------------------
// Italian-speaking people
// ---------------------------------------------------------------------------

const SEEDS_IT: Seed[] = [
  {
    key: 'giulia-ferri',
    name: 'Giulia Ferri',
    company: 'Studio Ferri Commercialisti',
    role: 'Commercialista, socia fondatrice',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['fornitori', 'fisco', 'milano'],
    notes: 'Molto precisa, risponde in giornata. Segue tanti freelance e qualche startup, parla bene inglese.',
    howMet: 'Aperitivo networking Confcommercio Milano, 2023',
    needs: [
      ['Rifare il sito dello studio: quello attuale è del 2016 e non si legge da mobile', 40],
      ['Un consulente IT che ci aiuti a passare al cloud senza perdere i dati dei clienti', 210, 'satisfied'],
    ],
    offers: [
      ['Consulenza fiscale per freelance in regime forfettario, anche in inglese', 300],
      ['Fatturazione elettronica e gestione IVA verso clienti UE ed extra-UE', 300],
      ['Apertura partita IVA e check-up fiscale gratuito di 30 minuti', 120],
    ],
    tl: [
      ['meeting', 610, 'Primo caffè in Brera: parlato di forfettario e di clienti esteri'],
      ['call', 420, 'Chiarimento su fattura a cliente svizzero, reverse charge'],
      ['message', 210, 'Mi ha ringraziato per il contatto di Fabio per il cloud'],
      ['meeting', 45, 'Pranzo: vuole rifare il sito, le ho promesso un paio di nomi'],
    ],
  },
  {
    key: 'marco-bellini',
    name: 'Marco Bellini',
    company: 'Bellini & Associati',
    role: 'Avvocato giuslavorista',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['avvocati', 'lavoro', 'milano'],
    notes: 'Segue aziende medio-piccole sul diritto del lavoro. Diretto, pratico, odia il legalese.',
    howMet: 'Convegno AIDP sullo smart working, 2023',
    by: 'giulia-ferri',
    needs: [
      ['Un traduttore legale per contratti di lavoro in inglese: abbiamo sempre più clienti con dipendenti stranieri', 30],
      ['Fare più visibilità su LinkedIn, ma senza sembrare un influencer', 95],
    ],
    offers: [
      ['Contratti di lavoro, patti di non concorrenza e gestione dei licenziamenti', 500],
      ['Consulenza per aziende estere che assumono il primo dipendente in Italia', 150],
    ],
    tl: [
      ['meeting', 540, 'Conosciuto al convegno, scambio biglietti'],
      ['call', 300, 'Gli ho chiesto un parere su un cliente che voleva assumere uno stagista'],
      ['meeting', 95, 'Caffè: vuole lavorare sulla sua presenza LinkedIn'],
      ['note', 30, 'Cerca traduttore legale EN, pensare a Elena Marchetti'],
    ],
  },
  {
    key: 'chiara-rinaldi',
    name: 'Chiara Rinaldi',
    company: 'Lumen Digital srl',
    role: 'Founder e lead developer',
    city: 'Bologna',
    country: 'IT',
    lang: 'it',
    tags: ['fornitori', 'web', 'partner'],
    notes: "Team di 6 persone, fanno siti e e-commerce. Ottima qualità, tempi un po' lunghi ma affidabili.",
    howMet: 'WMF - We Make Future, Bologna 2023',
    needs: [
      ['I clienti pagano a 120 giorni e siamo sempre in affanno con la cassa', 20],
      ['Un senior frontend developer, anche full remote', 160, 'satisfied'],
    ],
    offers: [
      ['Siti veloci per studi professionali e PMI, con CMS facile da aggiornare', 400],
      ['E-commerce su Shopify e WooCommerce, migrazioni incluse', 400],
      ['Manutenzione e hosting gestito con SLA', 200],
    ],
    tl: [
      ['meeting', 560, 'Conosciuta al WMF, parlato di collaborazioni su siti per clienti miei'],
      ['call', 380, 'Brief progetto sito per un cliente food'],
      ['meeting', 160, 'Call di allineamento: cercava un frontend senior, girato il contatto di Matteo'],
      ['message', 20, 'Sfogo sui pagamenti a 120 giorni, chiede se conosco qualcuno per anticipo fatture'],
    ],
  },
  {
    key: 'luca-moretti',
    name: 'Luca Moretti',
    company: null,
    role: 'SEO specialist freelance',
    city: 'Torino',
    country: 'IT',
    lang: 'it',
    tags: ['seo', 'freelance', 'partner'],
    notes: "Molto tecnico, bravissimo sugli audit. Lavora spesso con e-commerce che vendono all'estero.",
    howMet: 'Gruppo Telegram di freelance del marketing, 2022',
    needs: [['Un copywriter madrelingua inglese per contenuti SEO di un cliente che entra nel mercato UK', 12]],
    offers: [
      ['Audit SEO tecnico con piano di priorità, consegna in 10 giorni', 350],
      ['SEO internazionale: hreflang, struttura multilingua, keyword research per mercato', 350],
    ],
    tl: [
      ['call', 700, 'Prima call conoscitiva dopo il gruppo Telegram'],
      ['message', 450, 'Mi ha passato un cliente che cercava una strategia social'],
      ['call', 240, 'Confronto su un audit per un cliente comune'],
      ['message', 12, 'Cerca copywriter inglese madrelingua'],
    ],
  },
  {
    key: 'francesca-galli',
    name: 'Francesca Galli',
    company: 'Galli Social Lab',
    role: 'Social media manager',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['social', 'ristorazione', 'roma'],
    notes: 'Specializzata in ristoranti e locali. Sa fare reel che funzionano davvero.',
    howMet: 'Corso di formazione Instagram for Business, Roma 2023',
    needs: [
      ['Un fotografo food a Roma per i menu di tre ristoranti clienti', 25],
      ['Vorrei un commercialista che capisca il lavoro digitale, il mio attuale non sa cosa sia una ads', 330, 'satisfied'],
    ],
    offers: [
      ['Gestione Instagram e TikTok per ristoranti e locali, con piano editoriale mensile', 380],
      ['Gestione recensioni Google e risposta ai clienti per attività locali', 200],
    ],
    tl: [
      ['meeting', 620, 'Conosciuta al corso, lei era tra i docenti'],
      ['call', 330, 'Le ho presentato Giulia Ferri come commercialista'],
      ['message', 110, 'Auguri e aggiornamento: ha preso tre nuovi ristoranti'],
      ['call', 25, 'Cerca fotografo food a Roma, pensare a Davide Conti'],
    ],
  },
  {
    key: 'davide-conti',
    name: 'Davide Conti',
    company: 'Conti Studio Fotografico',
    role: 'Fotografo',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['fotografi', 'fornitori', 'creativi'],
    notes: 'Fa sia food che ritratti. Lavora tra Milano e Roma, ha uno studio in zona Isola.',
    howMet: 'Shooting per un cliente comune, 2022',
    needs: [
      ['Uno studio da condividere a Roma un paio di settimane al mese', 60],
      ['Qualcuno che mi gestisca preventivi e fatture, perdo un giorno a settimana', 140],
    ],
    offers: [
      ['Food photography per menu, delivery e siti di ristoranti', 500],
      ['Ritratti corporate e headshot per LinkedIn, anche in sede dal cliente', 300],
    ],
    tl: [
      ['meeting', 690, 'Shooting insieme per un cliente del settore dolciario'],
      ['meeting', 400, "Aperitivo all'Isola, parlato di prezzi e di come trovare clienti"],
      ['message', 140, 'Si lamenta della burocrazia, gli ho suggerito uno studio che lo segua'],
      ['call', 60, 'Vuole spostarsi su Roma part-time, cerca uno studio condiviso'],
    ],
  },
  {
    key: 'sara-lombardi',
    name: 'Sara Lombardi',
    company: 'Lombardi Design',
    role: 'Graphic designer e brand designer',
    city: 'Brescia',
    country: 'IT',
    lang: 'it',
    tags: ['grafici', 'branding', 'partner'],
    notes: 'Brand identity e packaging, molto brava con le aziende alimentari. Lavora da sola con due collaboratori.',
    howMet: 'Evento Confartigianato Brescia, 2023',
    needs: [['Una tipografia che faccia packaging in piccole tirature (500-1000 pezzi) senza prezzi folli', 35]],
    offers: [
      ["Brand identity completa: logo, palette, manuale d'uso", 420],
      ['Packaging per prodotti alimentari e vino, dalla concept al file di stampa', 420],
    ],
    tl: [
      ['meeting', 520, "Conosciuta all'evento Confartigianato, parlato di clienti food"],
      ['call', 300, 'Progetto in comune per un oleificio, io strategia e lei packaging'],
      ['message', 35, 'Cerca tipografia per piccole tirature'],
    ],
  },
  {
    key: 'alessandro-greco',
    name: 'Alessandro Greco',
    company: 'Greco Film',
    role: 'Videomaker',
    city: 'Napoli',
    country: 'IT',
    lang: 'it',
    tags: ['video', 'creativi', 'sud'],
    notes: 'Video aziendali e documentari brevi, ha il patentino per il drone. Gira in tutta Italia.',
    howMet: 'Presentato da Francesca Galli, 2023',
    by: 'francesca-galli',
    needs: [
      ['Una location particolare al Nord per girare uno spot di due giorni a maggio', 50],
      ['Clienti corporate fuori dalla Campania', 200],
    ],
    offers: [
      ['Video aziendali e di employer branding, dalla sceneggiatura al montaggio', 350],
      ['Riprese con drone certificate per eventi, immobili e cantine', 350],
    ],
    tl: [
      ['call', 480, 'Call di presentazione tramite Francesca'],
      ['message', 200, 'Mi ha mandato lo showreel nuovo'],
      ['call', 50, 'Cerca location al Nord per uno spot, pensare a Villa Ortensia'],
    ],
  },
  {
    key: 'elena-marchetti',
    name: 'Elena Marchetti',
    company: null,
    role: 'Traduttrice e interprete EN/DE',
    city: 'Padova',
    country: 'IT',
    lang: 'it',
    tags: ['traduttori', 'fornitori', 'legale'],
    notes: 'Traduttrice giurata, molto affidabile sui testi tecnici e legali. Fa anche interpretariato in fiera.',
    howMet: 'Fiera Marmomac, Verona 2022',
    needs: [['Più clienti tra gli studi legali di Milano, ora lavoro soprattutto con aziende venete', 70]],
    offers: [
      ['Traduzioni giuridiche e asseverate inglese e tedesco (contratti, statuti, sentenze)', 600],
      ["Traduzione di manuali tecnici e schede prodotto per l'export", 600],
      ['Interpretariato in fiera e in trattativa', 250],
    ],
    tl: [
      ['meeting', 720, 'Conosciuta a Marmomac, faceva da interprete per un cliente tedesco'],
      ['message', 400, 'Le ho chiesto un preventivo per tradurre una brochure'],
      ['call', 70, 'Vuole entrare negli studi legali milanesi'],
    ],
  },
  {
    key: 'roberto-colombo',
    name: 'Roberto Colombo',
    company: 'Colombo Export Consulting',
    role: 'Temporary export manager',
    city: 'Bergamo',
    country: 'IT',
    lang: 'it',
    tags: ['export', 'consulenti', 'bergamo'],
    notes: "Ex direttore commerciale estero in un'azienda meccanica. Conosce benissimo USA e Canada.",
    howMet: "Seminario ICE sull'export negli USA, 2023",
    needs: [
      ['Uno spedizioniere affidabile per pallet verso il Regno Unito: dopo la Brexit le dogane sono un incubo', 15],
      ['Una banca che faccia credito documentario senza farmi impazzire', 260, 'satisfied'],
    ],
    offers: [
      ['Temporary export management per PMI che vogliono aprire USA e Canada', 450],
      ['Preparazione e accompagnamento alle fiere internazionali', 450],
    ],
    tl: [
      ['meeting', 560, 'Seduti vicini al seminario ICE, poi pranzo insieme'],
      ['call', 260, 'Gli ho presentato Federica Villa per il credito documentario'],
      ['meeting', 90, 'Caffè a Bergamo alta, mi ha parlato di due clienti nuovi'],
      ['message', 15, 'Cerca spedizioniere UK: presentare James Whitfield'],
    ],
  },
  {
    key: 'paolo-ricci',
    name: 'Paolo Ricci',
    company: 'Ricci Spedizioni srl',
    role: 'Titolare, casa di spedizioni',
    city: 'Verona',
    country: 'IT',
    lang: 'it',
    tags: ['logistica', 'spedizionieri', 'fornitori'],
    notes: "Azienda di famiglia, groupage e dogana. Gente seria, un po' all'antica sul digitale.",
    howMet: 'Presentato da Roberto Colombo, 2024',
    by: 'roberto-colombo',
    needs: [
      ['Un addetto customer service che parli bene inglese e tedesco, lo cerchiamo da mesi', 28],
      ['Un sito decente: il nostro ha ancora il contatore visite', 180],
    ],
    offers: [
      ['Groupage e camion completi Italia-Germania-Austria', 380],
      ['Pratiche doganali import/export e consulenza su origine preferenziale', 380],
    ],
    tl: [
      ['call', 380, 'Call di presentazione con Roberto'],
      ['meeting', 180, 'Visita in magazzino a Verona, parlato del sito'],
      ['message', 28, 'Cerca customer service bilingue, girare a Matteo Ferrara'],
    ],
  },
  {
    key: 'andrea-fontana',
    name: 'Andrea Fontana',
    company: null,
    role: 'Agente di commercio settore arredo',
    city: 'Verona',
    country: 'IT',
    lang: 'it',
    tags: ['agenti', 'arredo', 'vendite'],
    notes: 'Plurimandatario, copre Triveneto ed Emilia. Conosce tutti i rivenditori di arredo della zona.',
    howMet: 'Salone del Mobile, Milano 2023',
    needs: [['Nuovi mandati da artigiani o piccoli produttori di arredo di qualità', 40]],
    offers: [
      ['Rete di oltre 80 rivenditori di arredo in Triveneto ed Emilia-Romagna', 500],
      ['Feedback onesto sul listino e sul posizionamento prezzo di una collezione', 300],
    ],
    tl: [
      ['meeting', 530, 'Conosciuto al Salone, allo stand di un cliente'],
      ['call', 220, 'Aggiornamento: ha perso un mandato importante'],
      ['message', 40, 'Cerca nuovi mandati, pensare a Franco Testa'],
    ],
  },
  {
    key: 'valentina-bruno',
    name: 'Valentina Bruno',
    company: 'Supermercati Dimeglio spa',
    role: 'Buyer categoria freschi e gastronomia',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['gdo', 'buyer', 'food'],
    notes: 'Buyer di una catena regionale con 60 punti vendita. Cerca prodotti locali con storia, ma vuole volumi certi.',
    howMet: 'TuttoFood Milano, 2023',
    needs: [
      ['Produttori di olio extravergine e conserve pugliesi che reggano volumi da GDO', 18],
      ['Fornitori di formaggi lombardi a filiera corta per la linea premium', 240, 'satisfied'],
    ],
    offers: [['Consigli pratici su come presentarsi a un buyer GDO (listino, logistica, promo)', 400]],
    tl: [
      ['meeting', 560, 'Conosciuta a TuttoFood durante un talk sul locale in GDO'],
      ['call', 240, 'Le ho segnalato un caseificio della Valtaleggio'],
      ['message', 18, 'Cerca produttori pugliesi di olio e conserve'],
    ],
  },
  {
    key: 'giorgio-santoro',
    name: 'Giorgio Santoro',
    company: 'Santoro Capital',
    role: 'Business angel',
    city: 'Torino',
    country: 'IT',
    lang: 'it',
    tags: ['investitori', 'startup', 'mentor'],
    notes:
      "Ex manager nell'automotive, ora investe in pre-seed. Ama l'agritech e il foodtech. Risponde solo se la presentazione è breve.",
    howMet: 'Demo day di un incubatore a Torino, 2023',
    needs: [["Più deal flow di qualità nell'agritech e nel foodtech", 55]],
    offers: [
      ['Investimenti pre-seed da 50 a 150 mila euro', 400],
      ['Mentoring per founder su pricing e prime vendite B2B', 400],
    ],
    tl: [
      ['meeting', 600, 'Demo day a Torino, seduti allo stesso tavolo'],
      ['call', 320, 'Mi ha chiesto un parere su una startup di packaging'],
      ['message', 55, 'Cerca startup agritech: presentare Giacomo Longo'],
    ],
  },
  {
    key: 'federica-villa',
    name: 'Federica Villa',
    company: 'Banca Popolare delle Valli',
    role: 'Gestore imprese',
    city: 'Bergamo',
    country: 'IT',
    lang: 'it',
    tags: ['banche', 'finanza', 'bergamo'],
    notes: 'Gestore corporate molto disponibile, capisce le PMI. Preferisce incontri di persona.',
    howMet: 'Colazione di lavoro BNI Bergamo, 2022',
    needs: [["Nuovi clienti PMI che lavorano con l'estero", 45]],
    offers: [
      ['Anticipo fatture e factoring per PMI con clienti che pagano a 90-120 giorni', 500],
      ['Finanziamenti con garanzia del Fondo Centrale per investimenti e liquidità', 500],
      ["Crediti documentari e garanzie per l'export", 260],
    ],
    tl: [
      ['meeting', 710, 'BNI Bergamo, poi colazione a due'],
      ['meeting', 260, 'Incontro con Roberto Colombo per il credito documentario'],
      ['call', 45, 'Cerca clienti che esportano'],
    ],
  },
  {
    key: 'stefano-gatti',
    name: 'Stefano Gatti',
    company: 'Gatti Broker Assicurazioni',
    role: 'Broker assicurativo',
    city: 'Brescia',
    country: 'IT',
    lang: 'it',
    tags: ['assicurazioni', 'bni', 'brescia'],
    notes: 'Broker indipendente, bravo a spiegare le polizze senza fumo. Sta puntando sul rischio cyber.',
    howMet: 'BNI Brescia, 2023',
    needs: [['Un partner di cybersecurity che faccia assessment prima di emettere le polizze cyber', 22]],
    offers: [
      ['Polizze RC professionale per freelance e studi professionali', 450],
      ['Analisi gratuita delle polizze aziendali esistenti, spesso si risparmia', 300],
      ['Polizze cyber risk per PMI', 120],
    ],
    tl: [
      ['meeting', 560, 'BNI Brescia, mi ha rifatto la RC professionale'],
      ['call', 120, 'Parlato della nuova linea cyber'],
      ['message', 22, 'Cerca partner cybersecurity: Fabio Cattaneo'],
    ],
  },
  {
    key: 'martina-costa',
    name: 'Martina Costa',
    company: 'Costa Immobiliare Commerciale',
    role: 'Agente immobiliare (uffici e negozi)',
    city: 'Bologna',
    country: 'IT',
    lang: 'it',
    tags: ['immobiliare', 'bologna', 'uffici'],
    notes: 'Si occupa solo di immobili commerciali. Conosce ogni ufficio sfitto tra centro e Bolognina.',
    howMet: 'Presentata da Chiara Rinaldi, 2024',
    by: 'chiara-rinaldi',
    needs: [
      ["Una persona brava con l'home staging per uffici: gli spazi vuoti non si affittano", 33],
      ['Foto professionali degli immobili, quelle col telefono non bastano più', 150, 'satisfied'],
    ],
    offers: [
      ['Uffici, studi e piccoli spazi commerciali in affitto a Bologna, anche per pochi mesi', 350],
      ['Supporto per trattare il canone e le clausole di un contratto di locazione commerciale', 350],
    ],
    tl: [
      ['meeting', 350, 'Presentata da Chiara in un aperitivo a Bologna'],
      ['message', 150, 'Ha trovato un fotografo per gli immobili, grazie al contatto'],
      ['call', 33, 'Cerca home staging per uffici'],
    ],
  },
  {
    key: 'lorenzo-barbieri',
    name: 'Lorenzo Barbieri',
    company: 'Barbieri Architettura',
    role: 'Architetto',
    city: 'Firenze',
    country: 'IT',
    lang: 'it',
    tags: ['architetti', 'firenze', 'ristorazione'],
    notes: 'Progetta uffici e ristoranti. Stile pulito, molto attento ai budget.',
    howMet: 'Inaugurazione di un ristorante cliente, Firenze 2023',
    needs: [
      ['Un ingegnere energetico per diagnosi e pratiche sugli incentivi dei clienti', 38],
      ['Farmi conoscere fuori dalla Toscana, ho un portfolio ma nessuna strategia', 190],
    ],
    offers: [
      ['Progettazione di uffici e spazi di coworking', 420],
      ['Ristrutturazione di ristoranti e bar, dal layout della cucina agli arredi', 420],
    ],
    tl: [
      ['meeting', 500, "Conosciuto all'inaugurazione di un ristorante che aveva progettato"],
      ['call', 190, 'Gli ho dato qualche idea per il posizionamento'],
      ['message', 38, 'Cerca ingegnere energetico: presentare Simone De Luca'],
    ],
  },
  {
    key: 'simone-deluca',
    name: 'Simone De Luca',
    company: 'EnerSud Engineering',
    role: 'Ingegnere energetico',
    city: 'Bari',
    country: 'IT',
    lang: 'it',
    tags: ['energia', 'ingegneri', 'sud'],
    notes: 'Esperto di fotovoltaico per capannoni e comunità energetiche. Lavora in tutta Italia da remoto più sopralluoghi.',
    howMet: 'Webinar sulle comunità energetiche, 2023',
    needs: [['Commercialisti e consulenti che ci segnalino aziende interessate al fotovoltaico', 48]],
    offers: [
      ['Diagnosi energetica per aziende e analisi delle bollette', 400],
      ['Progettazione fotovoltaico aziendale e comunità energetiche rinnovabili (CER)', 400],
    ],
    tl: [
      ['call', 480, 'Conosciuto dopo il webinar, mi ha scritto su LinkedIn'],
      ['call', 200, 'Parlato di una campagna per PMI lombarde'],
      ['message', 48, 'Cerca segnalatori tra i commercialisti'],
    ],
  },
  {
    key: 'anna-pellegrini',
    name: 'Anna Pellegrini',
    company: 'Pellegrini Formazione',
    role: 'Formatrice soft skills',
    city: 'Padova',
    country: 'IT',
    lang: 'it',
    tags: ['formazione', 'padova', 'partner'],
    notes: 'Corsi su public speaking e leadership, usa molto i fondi interprofessionali. Energia contagiosa.',
    howMet: 'Corso di formazione formatori, Padova 2022',
    needs: [
      ['Una sala formazione per 20 persone tra Padova e Verona, con parcheggio', 26],
      ['Materiale in inglese per un cliente multinazionale', 280, 'satisfied'],
    ],
    offers: [
      ['Corsi di public speaking e comunicazione efficace per team aziendali', 500],
      ['Progettazione di piani formativi finanziati con Fondimpresa e For.Te.', 500],
    ],
    tl: [
      ['meeting', 700, 'Corso formatori, eravamo nello stesso gruppo'],
      ['call', 280, 'Le ho presentato Sean Murphy per la parte in inglese'],
      ['meeting', 120, 'Workshop insieme per un cliente di Vicenza'],
      ['message', 26, 'Cerca sala per corsi tra Padova e Verona'],
    ],
  },
  {
    key: 'matteo-ferrara',
    name: 'Matteo Ferrara',
    company: 'Talentia Search srl',
    role: 'Recruiter e head hunter',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['hr', 'recruiting', 'milano'],
    notes: 'Ricerca profili tech e commerciali. Tempi rapidi, fee onesta. Ex sviluppatore, quindi capisce i tecnici.',
    howMet: 'Meetup HR Tech Milano, 2023',
    needs: [['Un video di employer branding per un cliente che non riesce ad assumere', 36]],
    offers: [
      ['Ricerca e selezione di sviluppatori, data e profili commerciali', 450],
      ['Ricerca di personale bilingue per customer service e back office export', 300],
    ],
    tl: [
      ['meeting', 590, 'Meetup HR Tech, parlato di employer branding'],
      ['call', 160, 'Gli ho passato Chiara Rinaldi che cercava un frontend'],
      ['message', 36, 'Cerca videomaker per employer branding'],
    ],
  },
  {
    key: 'ilaria-serra',
    name: 'Ilaria Serra',
    company: null,
    role: 'Executive e business coach',
    city: 'Torino',
    country: 'IT',
    lang: 'it',
    tags: ['coach', 'torino', 'founder'],
    notes: 'Coach certificata ICF, lavora molto con founder e manager al primo ruolo di responsabilità.',
    howMet: 'Presentata da Giorgio Santoro, 2024',
    by: 'giorgio-santoro',
    needs: [['Una landing page per il nuovo percorso di gruppo per founder, entro settembre', 16]],
    offers: [
      ['Percorsi di executive coaching individuale, anche in inglese', 300],
      ['Coaching per founder nella fase di crescita del team', 300],
    ],
    tl: [
      ['call', 300, 'Presentazione tramite Giorgio'],
      ['meeting', 100, 'Colazione a Torino, mi ha raccontato il nuovo programma'],
      ['message', 16, 'Chiede una mano sulla landing del programma'],
    ],
  },
  {
    key: 'giovanni-mancini',
    name: 'Giovanni Mancini',
    company: 'Mancini Eventi',
    role: 'Event planner',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['eventi', 'roma', 'fornitori'],
    notes: 'Organizza convention e incentive. Ha una rubrica infinita di fornitori, ma è sempre di corsa.',
    howMet: 'BTM Italia, 2023',
    needs: [
      ['Un catering affidabile per una convention di 300 persone a ottobre', 24],
      ['Location per eventi aziendali al Nord, vicino a Milano o al Lago di Garda', 130],
    ],
    offers: [
      ['Organizzazione di convention, incentive e team building chiavi in mano', 400],
      ['Gestione ospiti e logistica per eventi internazionali', 400],
    ],
    tl: [
      ['meeting', 540, 'BTM, mi ha presentato due hotel romani'],
      ['call', 130, 'Cerca location al Nord per un cliente farmaceutico'],
      ['message', 24, 'Urgenza catering per 300 persone'],
    ],
  },
  {
    key: 'beatrice-fabbri',
    name: 'Beatrice Fabbri',
    company: 'Fabbri Catering',
    role: 'Titolare',
    city: 'Bologna',
    country: 'IT',
    lang: 'it',
    tags: ['catering', 'eventi', 'food'],
    notes: 'Catering emiliano di alto livello, lavorano anche fuori regione. Sta pensando di diventare Società Benefit.',
    howMet: 'Evento di un cliente in Fiera Bologna, 2023',
    needs: [
      ["Personale per l'alta stagione e capire come fare i contratti a chiamata senza rischi", 30],
      ['Vorremmo diventare Società Benefit o B Corp ma non sappiamo da dove partire', 90],
    ],
    offers: [
      ['Catering per eventi aziendali fino a 500 persone, anche fuori regione', 450],
      ['Corporate lunch e coffee break per riunioni e corsi', 450],
    ],
    tl: [
      ['meeting', 500, 'Assaggiato il loro catering a un evento in Fiera, poi presentate'],
      ['call', 90, 'Mi ha parlato del progetto Società Benefit'],
      ['message', 30, 'Alta stagione in arrivo, cerca personale e consulenza contratti'],
    ],
  },
  {
    key: 'tommaso-rizzo',
    name: 'Tommaso Rizzo',
    company: 'Villa Ortensia',
    role: 'Direttore location per eventi',
    city: 'Bergamo',
    country: 'IT',
    lang: 'it',
    tags: ['location', 'eventi', 'bergamo'],
    notes: 'Villa del Settecento sui colli bergamaschi, parco e sale per 250 persone. Vuole più matrimoni di stranieri.',
    howMet: 'Open day Villa Ortensia, 2023',
    needs: [
      ['Wedding planner stranieri che portino matrimoni internazionali', 42],
      ['Migliorare il sito in inglese, ora è tradotto con Google', 160],
    ],
    offers: [
      ['Villa storica per eventi aziendali, convention e cene di gala fino a 250 persone', 400],
      ['Location per shooting fotografici e riprese video in settimana', 250],
    ],
    tl: [
      ['meeting', 480, 'Open day della villa, giro completo'],
      ['call', 160, 'Parlato del sito in inglese'],
      ['message', 42, 'Vuole matrimoni internazionali: presentare Niamh Kelly'],
    ],
  },
  {
    key: 'nicola-esposito',
    name: 'Nicola Esposito',
    company: 'Trattoria da Nicola',
    role: 'Ristoratore',
    city: 'Napoli',
    country: 'IT',
    lang: 'it',
    tags: ['ristorazione', 'napoli', 'clienti'],
    notes: 'Trattoria storica al Vomero, terza generazione. Cucina eccezionale, social inesistenti.',
    howMet: 'Cena di lavoro con Alessandro Greco, 2024',
    by: 'alessandro-greco',
    needs: [
      ['Qualcuno che gestisca le recensioni e i social, io non ho tempo e non ci capisco niente', 14],
      ['Gruppi di turisti stranieri per le cene in settimana', 110],
    ],
    offers: [
      ['Sala privata per cene di lavoro fino a 30 persone', 300],
      ['Corsi di cucina napoletana per team building', 300],
    ],
    tl: [
      ['meeting', 300, 'Cena con Alessandro, Nicola si è seduto con noi a fine servizio'],
      ['call', 110, 'Parlato di turismo straniero, lui vorrebbe gruppi americani'],
      ['message', 14, 'Chiede aiuto con recensioni e Instagram'],
    ],
  },
  {
    key: 'caterina-marino',
    name: 'Caterina Marino',
    company: 'Cantina Marino',
    role: 'Produttrice di vino, titolare',
    city: 'Verona',
    country: 'IT',
    lang: 'it',
    tags: ['vino', 'clienti', 'export'],
    notes: 'Cantina in Valpolicella, 60 mila bottiglie. Amarone molto buono, vuole crescere negli USA e in Irlanda.',
    howMet: 'Vinitaly, Verona 2022',
    needs: [
      ['Un importatore negli Stati Uniti per Amarone e Valpolicella Superiore', 20],
      ['Un distributore in Irlanda o nel Regno Unito', 75],
      ['Rifare le etichette della linea base', 300, 'satisfied'],
    ],
    offers: [
      ['Degustazioni aziendali in cantina e online per team e clienti', 500],
      ['Confezioni regalo natalizie personalizzate per aziende', 200],
    ],
    tl: [
      ['meeting', 720, 'Vinitaly, degustazione allo stand'],
      ['meeting', 300, 'Progetto etichette con Sara Lombardi'],
      ['call', 75, "Parlato dell'export in Irlanda e UK"],
      ['message', 20, 'Cerca importatore USA: presentare Emily Carter'],
    ],
  },
  {
    key: 'franco-testa',
    name: 'Franco Testa',
    company: 'Falegnameria Testa',
    role: 'Artigiano falegname',
    city: 'Brescia',
    country: 'IT',
    lang: 'it',
    tags: ['artigiani', 'arredo', 'brescia'],
    notes: 'Arredi su misura in legno massello, lavoro bellissimo. Ha bisogno di vendere fuori dalla provincia.',
    howMet: 'Presentato da Sara Lombardi, 2023',
    by: 'sara-lombardi',
    needs: [
      ['Un agente di commercio che porti i miei arredi nei negozi fuori Lombardia', 44],
      ['Un sito con il catalogo, magari anche per vendere online', 210],
    ],
    offers: [
      ['Arredi su misura per uffici, negozi e ristoranti', 450],
      ['Restauro di mobili antichi', 450],
    ],
    tl: [
      ['meeting', 450, 'Visita in laboratorio con Sara'],
      ['call', 210, 'Parlato del sito e del catalogo'],
      ['message', 44, 'Cerca agente: presentare Andrea Fontana'],
    ],
  },
  {
    key: 'giacomo-longo',
    name: 'Giacomo Longo',
    company: 'Semina srl',
    role: 'CEO e co-founder',
    city: 'Bologna',
    country: 'IT',
    lang: 'it',
    tags: ['startup', 'agritech', 'founder'],
    notes: "Startup agritech: sensori e software per l'irrigazione di precisione. Team giovane e molto tecnico.",
    howMet: 'Startup weekend Bologna, 2023',
    needs: [
      ["Chiudere un seed da 800k entro l'anno, cerchiamo angel e VC", 10],
      ['Un avvocato per i patti parasociali del round', 35],
      ['Capire come funziona il regime delle startup innovative', 400, 'satisfied'],
    ],
    offers: [
      ['Beta test gratuito della nostra piattaforma di irrigazione per aziende agricole', 200],
      ["Dati e casi studio sull'agricoltura di precisione per articoli e eventi", 200],
    ],
    tl: [
      ['meeting', 560, 'Startup weekend, ero mentor del suo team'],
      ['call', 400, 'Gli ho presentato Pietro Monti per la parte startup innovativa'],
      ['call', 35, 'Round in partenza, serve avvocato per i patti'],
      ['message', 10, 'Aggiornamento pitch deck, cerca investitori'],
    ],
  },
  {
    key: 'laura-gentile',
    name: 'Laura Gentile',
    company: 'Gentile Legal',
    role: 'Avvocato societario',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['avvocati', 'startup', 'societario'],
    notes: 'Segue round di investimento, patti parasociali e M&A di piccole dimensioni. Lavora molto in inglese.',
    howMet: 'SMAU Milano, 2023',
    needs: [['Clienti esteri, soprattutto americani, che vogliono aprire una società in Italia', 60]],
    offers: [
      ['Patti parasociali, aumenti di capitale e round di investimento per startup', 450],
      ['Costituzione di SRL e startup innovative, anche per soci stranieri', 450],
    ],
    tl: [
      ['meeting', 540, 'SMAU, panel sulle startup innovative'],
      ['call', 200, 'Mi ha chiesto un confronto sul sito dello studio'],
      ['message', 60, 'Vuole clienti USA: presentare David Cohen'],
    ],
  },
  {
    key: 'riccardo-caruso',
    name: 'Riccardo Caruso',
    company: 'Studio Legale Caruso',
    role: 'Avvocato, recupero crediti',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['avvocati', 'recupero crediti', 'roma'],
    notes: 'Recupero crediti per aziende in tutta Italia. Tariffe chiare, molto rapido con i decreti ingiuntivi.',
    howMet: 'Presentato da Giovanni Mancini, 2024',
    by: 'giovanni-mancini',
    needs: [['Aziende estere con crediti non pagati da clienti italiani', 55]],
    offers: [
      ['Recupero crediti stragiudiziale e decreti ingiuntivi in tutta Italia', 350],
      ['Verifica della solvibilità di un cliente prima di firmare', 350],
    ],
    tl: [
      ['call', 350, 'Presentato da Giovanni, che lo usa per i clienti morosi'],
      ['message', 55, 'Chiede se conosco aziende estere con crediti in Italia'],
    ],
  },
  {
    key: 'silvia-ferraro',
    name: 'Silvia Ferraro',
    company: 'Studio Ferraro Consulenza del Lavoro',
    role: 'Consulente del lavoro',
    city: 'Bergamo',
    country: 'IT',
    lang: 'it',
    tags: ['lavoro', 'paghe', 'fornitori'],
    notes: 'Paghe e contratti, molto preparata su stagionali e agevolazioni. Studio piccolo, risposta rapida.',
    howMet: 'BNI Bergamo, 2022',
    needs: [['Migrare lo studio su un gestionale paghe in cloud, ci serve qualcuno che ci guidi', 65]],
    offers: [
      ['Elaborazione buste paga e adempimenti per piccole aziende', 600],
      ['Contratti stagionali, a chiamata e assunzioni agevolate', 600],
      ['Payroll per aziende estere con dipendenti in Italia', 180],
    ],
    tl: [
      ['meeting', 700, 'BNI Bergamo, stessa settimana di Federica'],
      ['call', 180, "Le ho mandato un'azienda olandese con un dipendente a Milano"],
      ['message', 65, 'Vuole passare al cloud, Fabio potrebbe aiutarla'],
    ],
  },
  {
    key: 'emanuele-sala',
    name: 'Emanuele Sala',
    company: null,
    role: 'Giornalista economico freelance',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['giornalisti', 'media', 'milano'],
    notes: 'Scrive di PMI e export per un paio di testate economiche. Vuole storie vere, non comunicati stampa.',
    howMet: "Festival dell'Economia di Trento, 2023",
    needs: [['Storie di PMI che esportano negli USA con numeri veri da raccontare', 19]],
    offers: [
      ["Media training per imprenditori prima di un'intervista", 350],
      ['Revisione di comunicati stampa perché vengano davvero letti', 350],
    ],
    tl: [
      ['meeting', 580, 'Festival di Trento, cena con amici comuni'],
      ['call', 250, 'Intervista breve su marketing e PMI'],
      ['message', 19, 'Cerca storie di export USA: Roberto e Caterina'],
    ],
  },
  {
    key: 'giorgia-pace',
    name: 'Giorgia Pace',
    company: 'Pace Comunicazione',
    role: 'PR e ufficio stampa',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['pr', 'media', 'roma'],
    notes: "Ufficio stampa per food, turismo e lifestyle. Ha ottimi contatti nelle testate italiane, meno all'estero.",
    howMet: 'Presentata da Francesca Galli, 2023',
    by: 'francesca-galli',
    needs: [['Contatti con giornalisti inglesi e americani per il lancio di un cliente nel food', 27]],
    offers: [
      ['Ufficio stampa e media relations per food, vino e turismo', 400],
      ['Organizzazione di press tour ed eventi stampa', 400],
    ],
    tl: [
      ['call', 450, 'Presentata da Francesca'],
      ['meeting', 200, 'Pranzo a Roma, parlato di clienti food comuni'],
      ['message', 27, 'Cerca giornalisti UK/USA: Katie Brooks'],
    ],
  },
  {
    key: 'fabio-cattaneo',
    name: 'Fabio Cattaneo',
    company: 'Securia srl',
    role: 'Cybersecurity consultant, CTO',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['it', 'cybersecurity', 'fornitori'],
    notes: 'Penetration test e compliance NIS2. Bravo anche a spiegare le cose ai non tecnici.',
    howMet: 'Evento Clusit, Milano 2023',
    needs: [["Un broker che offra polizze cyber ai nostri clienti dopo l'assessment", 25]],
    offers: [
      ['Penetration test e vulnerability assessment per PMI', 450],
      ['Adeguamento alla direttiva NIS2 e formazione del personale sul phishing', 300],
      ['Migrazione in cloud di studi professionali, backup compresi', 220],
    ],
    tl: [
      ['meeting', 530, 'Evento Clusit, mi ha spiegato NIS2 in 10 minuti'],
      ['call', 220, 'Presentato a Giulia Ferri per la migrazione in cloud'],
      ['message', 25, 'Cerca broker cyber: presentare Stefano Gatti'],
    ],
  },
  {
    key: 'marta-bianchi',
    name: 'Marta Bianchi',
    company: 'Atelier Bianchi',
    role: 'E-commerce manager',
    city: 'Firenze',
    country: 'IT',
    lang: 'it',
    tags: ['e-commerce', 'moda', 'firenze'],
    notes: "Gestisce l'online di un brand di pelletteria fiorentino. Vendite in crescita, logistica in crisi.",
    howMet: 'Netcomm Forum, Milano 2023',
    needs: [
      ["Un magazzino in outsourcing per l'e-commerce: a dicembre non riusciamo a spedire tutto", 17],
      ['Aprire su Amazon UK senza bruciarci margini', 85],
    ],
    offers: [
      ['Consulenza su Shopify Plus e marketplace per brand di moda', 350],
      ['Dati e benchmark su resi e conversioni nel fashion online', 350],
    ],
    tl: [
      ['meeting', 550, 'Netcomm Forum, seduti vicini a un workshop'],
      ['call', 85, 'Parlato di Amazon UK: Lucy Turner potrebbe aiutare'],
      ['message', 17, 'Disastro logistica natalizia, cerca un 3PL'],
    ],
  },
  {
    key: 'alberto-negri',
    name: 'Alberto Negri',
    company: 'Negri Logistics srl',
    role: 'Direttore commerciale',
    city: 'Bologna',
    country: 'IT',
    lang: 'it',
    tags: ['logistica', 'e-commerce', 'fornitori'],
    notes: 'Logistica 3PL per e-commerce, magazzino a Castel San Pietro. Piccoli abbastanza da seguire bene i clienti.',
    howMet: 'Presentato da Chiara Rinaldi, 2023',
    by: 'chiara-rinaldi',
    needs: [['Nuovi clienti e-commerce tra 500 e 5.000 ordini al mese', 29]],
    offers: [
      ['Magazzino e pick & pack per e-commerce, con integrazione Shopify', 400],
      ['Gestione resi e spedizioni in tutta Europa', 400],
    ],
    tl: [
      ['call', 400, 'Presentato da Chiara, lavora con due suoi clienti'],
      ['meeting', 140, 'Visita al magazzino'],
      ['message', 29, 'Cerca clienti e-commerce: Marta Bianchi'],
    ],
  },
  {
    key: 'paola-dangelo',
    name: "Paola D'Angelo",
    company: "D'Angelo Finanza Agevolata",
    role: 'Consulente bandi e finanza agevolata',
    city: 'Bari',
    country: 'IT',
    lang: 'it',
    tags: ['bandi', 'finanza', 'sud'],
    notes: 'Conosce tutti i bandi regionali pugliesi e campani. Dice sempre quando un bando non conviene.',
    howMet: 'Presentata da Simone De Luca, 2024',
    by: 'simone-deluca',
    needs: [['Startup e nuove imprese del Sud che vogliono usare Resto al Sud', 46]],
    offers: [
      ['Analisi gratuita dei bandi attivi per la tua azienda', 330],
      ['Gestione di domande per bandi regionali, PNRR e Resto al Sud', 330],
    ],
    tl: [
      ['call', 330, 'Presentata da Simone per un cliente fotovoltaico'],
      ['message', 46, 'Cerca startup al Sud: Daniele Mariani?'],
    ],
  },
  {
    key: 'claudio-vitale',
    name: 'Claudio Vitale',
    company: 'Vitale Wealth',
    role: 'Consulente finanziario',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['finanza', 'roma', 'bni'],
    notes: 'Consulente finanziario indipendente, lavora soprattutto con professionisti e imprenditori.',
    howMet: 'BNI Roma (ospite), 2023',
    needs: [
      ["Professionisti che hanno appena venduto l'azienda o lo studio", 80],
      ['Un sito che spieghi cosa faccio senza sembrare una banca', 230],
    ],
    offers: [
      ['Pianificazione finanziaria per professionisti e imprenditori', 420],
      ['Previdenza complementare per freelance', 420],
    ],
    tl: [
      ['meeting', 560, 'Ospite in un BNI a Roma'],
      ['call', 230, 'Parlato del suo sito'],
      ['message', 80, 'Cerca contatti di professionisti in uscita'],
    ],
  },
  {
    key: 'roberta-lombardo',
    name: 'Roberta Lombardo',
    company: 'Pixel Gentile',
    role: 'UX/UI designer',
    city: 'Torino',
    country: 'IT',
    lang: 'it',
    tags: ['ux', 'design', 'torino'],
    notes: 'UX designer con esperienza in fintech. Molto metodica, fa test con utenti veri.',
    howMet: 'UX Book Club Torino, 2023',
    needs: [['Una persona che faccia interviste utente in tedesco per un cliente che lancia in Germania', 23]],
    offers: [
      ['Progettazione UX di app e piattaforme web, con test utente', 380],
      ['Revisione UX di un e-commerce in una giornata', 380],
    ],
    tl: [
      ['meeting', 520, 'UX Book Club, parlato di accessibilità'],
      ['message', 23, 'Cerca intervistatrice tedesca: Hannah Müller'],
    ],
  },
  {
    key: 'enrico-farina',
    name: 'Enrico Farina',
    company: 'Tipografia Farina',
    role: 'Titolare tipografia',
    city: 'Bergamo',
    country: 'IT',
    lang: 'it',
    tags: ['stampa', 'fornitori', 'bergamo'],
    notes: 'Tipografia di famiglia, digitale e offset. Accetta anche tirature piccole, molto flessibile.',
    howMet: 'Presentato da Federica Villa, 2023',
    by: 'federica-villa',
    needs: [['Grafici e agenzie che ci portino lavori continuativi', 52]],
    offers: [
      ['Packaging e astucci in piccole tirature, da 300 pezzi', 400],
      ['Stampa digitale e offset con consegna in 48 ore in Lombardia', 400],
    ],
    tl: [
      ['meeting', 420, 'Visita in tipografia con Federica'],
      ['message', 52, 'Cerca grafici: presentare Sara Lombardi'],
    ],
  },
  {
    key: 'giada-morelli',
    name: 'Giada Morelli',
    company: null,
    role: 'Copywriter',
    city: 'Firenze',
    country: 'IT',
    lang: 'it',
    tags: ['copywriter', 'freelance', 'partner'],
    notes: 'Scrive testi per siti e newsletter con un tono molto umano. Ci lavoro spesso in coppia.',
    howMet: 'Workshop di scrittura a Firenze, 2022',
    needs: [["Un madrelingua inglese che adatti i miei testi per i clienti che vendono all'estero", 31]],
    offers: [
      ['Testi per siti web, pagine prodotto e newsletter in italiano', 500],
      ['Naming e tone of voice per nuovi brand', 500],
    ],
    tl: [
      ['meeting', 690, 'Workshop di scrittura, poi caffè'],
      ['call', 260, 'Progetto insieme per una cantina toscana'],
      ['message', 31, 'Cerca adattatore EN: Oliver Bennett'],
    ],
  },
  {
    key: 'michele-bassi',
    name: 'Michele Bassi',
    company: null,
    role: 'Agente di commercio food & beverage',
    city: 'Bari',
    country: 'IT',
    lang: 'it',
    tags: ['agenti', 'food', 'sud'],
    notes: "Rappresenta produttori pugliesi di olio, taralli e conserve. Conosce bene l'Ho.Re.Ca. pugliese.",
    howMet: "Presentato da Paola D'Angelo, 2024",
    by: 'paola-dangelo',
    needs: [
      ["Un mandato per vini del Nord da proporre all'Ho.Re.Ca. pugliese", 34],
      ['Buyer esteri per i produttori di olio che rappresento', 120],
    ],
    offers: [
      ['Produttori pugliesi di olio extravergine, taralli e conserve pronti per la GDO', 300],
      ['Rete di ristoranti, hotel e enoteche in Puglia', 300],
    ],
    tl: [
      ['call', 300, 'Presentato da Paola'],
      ['call', 120, 'Parlato di buyer tedeschi e irlandesi'],
      ['message', 34, 'Cerca vini del Nord: Caterina Marino'],
    ],
  },
  {
    key: 'alice-cristiani',
    name: 'Alice Cristiani',
    company: 'Cristiani Privacy',
    role: 'Consulente privacy e DPO',
    city: 'Padova',
    country: 'IT',
    lang: 'it',
    tags: ['privacy', 'gdpr', 'fornitori'],
    notes: 'DPO esterno per aziende e studi. Ha un approccio pratico, niente carte inutili.',
    howMet: 'Corso di formazione di Anna Pellegrini, 2023',
    by: 'anna-pellegrini',
    needs: [
      ['Un fornitore di formazione in aula per i corsi privacy aziendali', 100, 'satisfied'],
      ['Aziende software estere che vendono in Italia e devono sistemare il GDPR', 40],
    ],
    offers: [
      ['Adeguamento GDPR, registro dei trattamenti e informative fatte bene', 420],
      ['Servizio di DPO esterno e rappresentante UE per aziende extra-UE', 420],
    ],
    tl: [
      ['meeting', 500, 'Al corso di Anna, eravamo vicine di banco'],
      ['call', 100, 'Ha trovato un formatore grazie ad Anna'],
      ['message', 40, 'Cerca aziende software straniere'],
    ],
  },
  {
    key: 'daniele-mariani',
    name: 'Daniele Mariani',
    company: 'Appnest srl',
    role: 'Founder, sviluppatore mobile',
    city: 'Napoli',
    country: 'IT',
    lang: 'it',
    tags: ['startup', 'app', 'sud'],
    notes: 'Sviluppa app per ristoranti e piccoli negozi. Società nuova, cerca soldi e un designer.',
    howMet: 'Presentato da Alessandro Greco, 2024',
    by: 'alessandro-greco',
    needs: [
      ["Un designer UX per rifare l'onboarding della nostra app", 21],
      ['Capire se possiamo accedere a qualche bando per nuove imprese al Sud', 58],
    ],
    offers: [
      ['Sviluppo di app iOS e Android per ristoranti e negozi', 280],
      ['MVP in 8 settimane per startup non tecniche', 280],
    ],
    tl: [
      ['call', 280, 'Presentato da Alessandro'],
      ['call', 58, "Chiede di bandi: presentare Paola D'Angelo"],
      ['message', 21, 'Cerca UX: Roberta Lombardo'],
    ],
  },
  {
    key: 'sofia-grasso',
    name: 'Sofia Grasso',
    company: 'Grasso Interiors',
    role: 'Interior designer e home stager',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['interior', 'immobiliare', 'creativi'],
    notes: 'Home staging anche per uffici e negozi sfitti. Lavora tra Milano e Bologna.',
    howMet: 'Milano Design Week, 2023',
    needs: [['Un artigiano che realizzi arredi su misura per i miei progetti di home staging', 37]],
    offers: [
      ['Home staging di uffici e negozi per affittarli più in fretta', 360],
      ['Progettazione interni per studi professionali', 360],
    ],
    tl: [
      ['meeting', 560, 'Design Week, installazione in zona Tortona'],
      ['call', 37, 'Cerca falegname: Franco Testa'],
    ],
  },
  {
    key: 'pietro-monti',
    name: 'Pietro Monti',
    company: 'Monti & Partners',
    role: 'Commercialista, startup e stranieri',
    city: 'Torino',
    country: 'IT',
    lang: 'it',
    tags: ['fisco', 'startup', 'torino'],
    notes: 'Commercialista giovane, segue startup e molti stranieri che si trasferiscono in Italia.',
    howMet: 'Demo day a Torino, 2023',
    needs: [['Startup in fase di round da seguire sulla parte contabile', 66]],
    offers: [
      ['Regime impatriati e consulenza fiscale per chi si trasferisce in Italia', 420],
      ['Contabilità e bilanci per startup innovative', 420],
    ],
    tl: [
      ['meeting', 600, 'Demo day a Torino, presentato da Giorgio'],
      ['call', 400, 'Presentato a Giacomo Longo per la startup innovativa'],
      ['message', 66, 'Cerca startup in round'],
    ],
  },
  {
    key: 'irene-zanetti',
    name: 'Irene Zanetti',
    company: 'Zanetti Meccanica srl',
    role: 'Responsabile commerciale',
    city: 'Brescia',
    country: 'IT',
    lang: 'it',
    tags: ['manifattura', 'clienti', 'brescia'],
    notes: 'Azienda di lavorazioni meccaniche CNC conto terzi, 45 dipendenti. Vogliono clienti negli USA.',
    howMet: 'Cliente dal 2023',
    by: 'stefano-gatti',
    needs: [
      ['Clienti negli Stati Uniti per lavorazioni CNC di precisione', 13],
      ['Un sito in inglese che parli ai buyer industriali', 150, 'satisfied'],
    ],
    offers: [
      ['Lavorazioni meccaniche CNC conto terzi, anche piccoli lotti', 500],
      ['Visite in azienda per studenti e scuole tecniche', 500],
    ],
    tl: [
      ['meeting', 650, 'Primo incontro come cliente, strategia B2B'],
      ['meeting', 150, 'Consegnato il nuovo sito in inglese'],
      ['call', 13, 'Cercano buyer USA: Daniel Wright'],
    ],
  },
];

// ---------------------------------------------------------------------------
// English-speaking people (UK, US, Ireland, expats living in Italy)
// ---------------------------------------------------------------------------

const SEEDS_EN: Seed[] = [
  {
    key: 'james-whitfield',
    name: 'James Whitfield',
    company: 'Harbour Freight Ltd',
    role: 'Managing Director',
    city: 'Felixstowe',
    country: 'GB',
    lang: 'en',
    tags: ['logistics', 'uk', 'suppliers'],
    notes: 'Runs a mid-size forwarder out of Felixstowe. Very good on post-Brexit customs, dry sense of humour.',
    howMet: 'Multimodal trade show, Birmingham 2023',
    needs: [['An Italian forwarding partner for return loads from Northern Italy', 32]],
    offers: [
      ['UK customs clearance and import VAT handling for EU exporters', 420],
      ['Groupage Italy to UK, weekly departures from Milan and Verona', 420],
    ],
    tl: [
      ['meeting', 560, 'Met at the Birmingham show, chatted about Italian clients'],
      ['call', 200, 'Quarterly catch-up, volumes from Italy are growing'],
      ['message', 32, 'Looking for an Italian partner: introduce Paolo Ricci'],
    ],
  },
  {
    key: 'sarah-oconnell',
    name: "Sarah O'Connell",
    company: 'Emerald Fine Foods',
    role: 'Founder, specialty food importer',
    city: 'Dublin',
    country: 'IE',
    lang: 'en',
    tags: ['food', 'importers', 'ireland'],
    notes: 'Imports Italian and Spanish deli products into Irish independents. Wants small producers with a story.',
    howMet: 'Taste of Dublin, 2023',
    needs: [
      ['Small Italian wine producers for our Christmas range', 28],
      ['Southern Italian olive oil and preserves with clean labels', 90],
    ],
    offers: [
      ['Distribution to 120 independent delis and wine shops across Ireland', 400],
      ['Honest feedback on labels and pricing for the Irish market', 400],
    ],
    tl: [
      ['meeting', 520, 'Met at Taste of Dublin, at an Italian stand'],
      ['call', 90, 'Looking for olive oil from Puglia'],
      ['message', 28, 'Christmas range: introduce Caterina Marino'],
    ],
  },
  {
    key: 'emily-carter',
    name: 'Emily Carter',
    company: 'Carter Selections',
    role: 'Wine importer',
    city: 'New York',
    country: 'US',
    lang: 'en',
    tags: ['wine', 'importers', 'usa'],
    notes: 'Boutique importer focused on family-owned Italian estates. Visits Verona every April.',
    howMet: 'Vinitaly, Verona 2023',
    needs: [['Family-run Valpolicella and Amarone estates not yet represented in the US', 22]],
    offers: [
      ['Import and distribution in New York, New Jersey and Connecticut', 450],
      ['Guidance on US label approval (COLA) and three-tier system', 450],
    ],
    tl: [
      ['meeting', 540, 'Met at Vinitaly, tasted together'],
      ['call', 300, 'Video call about her portfolio gaps'],
      ['message', 22, 'Wants small Amarone producers: Caterina!'],
    ],
  },
  {
    key: 'tom-hughes',
    name: 'Tom Hughes',
    company: 'Brightwater Software',
    role: 'Founder, software consultancy',
    city: 'Bologna',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'software', 'bologna'],
    notes: 'British, moved to Bologna in 2019. Small dev shop of 8, mostly UK clients. Italian improving fast.',
    howMet: 'Expat founders meetup, Bologna 2023',
    needs: [
      ['Our office lease ends in March and we need a small space in Bologna for 8 people', 11],
      ['An accountant who can explain Italian corporate tax in plain English', 170, 'satisfied'],
    ],
    offers: [
      ['Custom software and integrations for logistics and e-commerce companies', 400],
      ['Mentoring for Italian developers who want to work with UK clients', 400],
    ],
    tl: [
      ['meeting', 480, 'Expat founders meetup, long chat about Italian bureaucracy'],
      ['call', 170, 'Introduced him to Giulia Ferri'],
      ['message', 11, 'Needs an office by March: introduce Martina Costa'],
    ],
  },
  {
    key: 'hannah-muller',
    name: 'Hannah Müller',
    company: null,
    role: 'UX researcher, freelance',
    city: 'Milano',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'ux', 'freelance'],
    notes: 'German, living in Milan since 2021. Runs user interviews in German and English. Works mostly remote.',
    howMet: 'Introduced by Roberta Lombardo, 2024',
    by: 'roberta-lombardo',
    emails: ['hannah.muller@example.net'],
    needs: [
      ['An accountant who understands the Italian flat-rate regime and speaks English', 39],
      ['More Italian clients, ideally companies launching in Germany or Austria', 120],
    ],
    offers: [
      ['User interviews and usability testing in German and English', 300],
      ['Research plans for companies entering the DACH market', 300],
    ],
    tl: [
      ['call', 300, 'Intro call via Roberta'],
      ['meeting', 120, 'Coffee in Porta Venezia, talked about freelancing in Italy'],
      ['message', 39, 'Still confused by forfettario: introduce Giulia Ferri'],
    ],
  },
  {
    key: 'pieter-vandijk',
    name: 'Pieter van Dijk',
    company: 'Fietsa BV',
    role: 'Co-founder, e-bike subscriptions',
    city: 'Milano',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'startup', 'mobility'],
    notes: 'Dutch, launching their e-bike subscription service in Milan. Pragmatic, very quick to decide.',
    howMet: 'Milano Digital Week, 2023',
    needs: [
      ['An employment lawyer to help us hire our first three employees in Italy', 27],
      ['Someone to run payroll for a Dutch company with staff in Milan', 180, 'satisfied'],
    ],
    offers: [
      ['Discounted e-bike fleets for companies that want greener commutes', 300],
      ['Lessons learned from launching a subscription business in three EU countries', 300],
    ],
    tl: [
      ['meeting', 520, 'Met at Milano Digital Week, talked about go-to-market'],
      ['call', 180, 'Introduced him to Silvia Ferraro for payroll'],
      ['message', 27, 'Hiring in Italy: introduce Marco Bellini'],
    ],
  },
  {
    key: 'rachel-adams',
    name: 'Rachel Adams',
    company: 'Northbeam Ventures',
    role: 'Partner',
    city: 'San Francisco',
    country: 'US',
    lang: 'en',
    tags: ['investors', 'vc', 'usa'],
    notes: 'Early-stage VC, climate and agriculture. Comes to Europe twice a year, likes warm intros only.',
    howMet: 'Introduced by Giorgio Santoro, 2024',
    by: 'giorgio-santoro',
    needs: [['European agtech and climate startups raising seed rounds', 30]],
    offers: [
      ['Seed investments of $500k to $2M in climate and agriculture', 330],
      ['Warm intros to US investors and pilot customers for European founders', 330],
    ],
    tl: [
      ['call', 330, 'Intro call via Giorgio'],
      ['meeting', 150, 'Lunch in Milan during her European trip'],
      ['message', 30, 'Looking for agtech deals: introduce Giacomo Longo'],
    ],
  },
  {
    key: 'oliver-bennett',
    name: 'Oliver Bennett',
    company: 'Bennett Words',
    role: 'Copywriter and localisation specialist',
    city: 'London',
    country: 'GB',
    lang: 'en',
    tags: ['copywriting', 'freelance', 'partners'],
    notes: 'Native English copywriter who lived in Florence for five years. Reads Italian perfectly.',
    howMet: 'Content marketing conference, London 2022',
    needs: [['More Italian clients who need English copy that does not sound translated', 60]],
    offers: [
      ['English copywriting and localisation of Italian websites and brochures', 500],
      ['SEO content in British and American English', 500],
    ],
    tl: [
      ['meeting', 690, 'Met at the London conference, bonded over Florence'],
      ['call', 260, 'Worked together on a winery website'],
      ['message', 60, 'Wants more Italian clients'],
    ],
  },
  {
    key: 'niamh-kelly',
    name: 'Niamh Kelly',
    company: 'Kelly & Co Events',
    role: 'Destination wedding planner',
    city: 'Roma',
    country: 'IT',
    lang: 'en',
    tags: ['weddings', 'events', 'expats'],
    notes: 'Irish, based in Rome. Plans weddings for UK, Irish and US couples all over Italy.',
    howMet: 'Introduced by Giovanni Mancini, 2023',
    by: 'giovanni-mancini',
    needs: [
      ['A historic villa in Lombardy for weddings of 150 guests', 41],
      ['A caterer in the North who can handle dietary requirements properly', 95],
    ],
    offers: [
      ['A steady flow of UK, Irish and US couples looking for Italian venues', 420],
      ['Planning and coordination for international guests, in English', 420],
    ],
    tl: [
      ['call', 420, 'Intro via Giovanni'],
      ['meeting', 200, 'Aperitivo in Trastevere, talked about northern venues'],
      ['message', 41, 'Needs a villa in Lombardy: introduce Tommaso Rizzo'],
    ],
  },
  {
    key: 'michael-schneider',
    name: 'Michael Schneider',
    company: 'Feinkost Haus GmbH',
    role: 'Head buyer, Italian products',
    city: 'Munich',
    country: 'DE',
    lang: 'en',
    tags: ['buyers', 'retail', 'germany'],
    notes: 'Buyer for a chain of 30 delicatessen stores in Bavaria. Prefers English for business.',
    howMet: 'Anuga, Cologne 2023',
    needs: [['Italian suppliers of artisanal pasta and extra virgin olive oil', 26]],
    offers: [['Listing in 30 delicatessen stores across Bavaria and Austria', 450]],
    tl: [
      ['meeting', 600, 'Met at Anuga, Italian pavilion'],
      ['call', 26, 'Looking for pasta and olive oil: introduce Michele Bassi'],
    ],
  },
  {
    key: 'david-cohen',
    name: 'David Cohen',
    company: 'Cohen Hart LLP',
    role: 'Attorney, cross-border business',
    city: 'New York',
    country: 'US',
    lang: 'en',
    tags: ['lawyers', 'usa', 'cross-border'],
    notes: 'Helps European companies set up in the US and US companies expand to Europe.',
    howMet: 'Italy-America Chamber of Commerce event, 2023',
    needs: [['A corporate lawyer in Milan for US clients opening Italian subsidiaries', 47]],
    offers: [
      ['US LLC and Delaware corporation setup for European companies', 450],
      ['US trademark filings and distribution agreements', 450],
    ],
    tl: [
      ['meeting', 500, 'Chamber of Commerce reception in Milan'],
      ['call', 47, 'Needs a corporate lawyer in Milan: Laura Gentile'],
    ],
  },
  {
    key: 'lucy-turner',
    name: 'Lucy Turner',
    company: 'Marketplace Lab',
    role: 'Amazon and marketplace consultant',
    city: 'Manchester',
    country: 'GB',
    lang: 'en',
    tags: ['e-commerce', 'amazon', 'uk'],
    notes: 'Ex-Amazon account manager. Helps European brands launch on Amazon UK profitably.',
    howMet: 'Introduced by Oliver Bennett, 2023',
    by: 'oliver-bennett',
    needs: [],
    offers: [
      ['Amazon UK launch for European brands: listings, FBA, advertising', 380],
      ['Marketplace P&L review to find where margins are leaking', 380],
    ],
    tl: [
      ['call', 380, 'Intro via Oliver'],
      ['call', 84, 'Talked about Marta Bianchi and the UK launch'],
    ],
  },
  {
    key: 'ben-walsh',
    name: 'Ben Walsh',
    company: 'Tallyfy Cloud Ltd',
    role: 'CEO, B2B SaaS',
    city: 'Dublin',
    country: 'IE',
    lang: 'en',
    tags: ['saas', 'founders', 'ireland'],
    notes: 'Sells inventory software to distributors. Growing fast in Italy but payments are slow.',
    howMet: 'Web Summit, Lisbon 2023',
    needs: [
      ['A couple of Italian resellers owe us money: we need someone to chase unpaid invoices in Italy', 16],
      ['Help getting our GDPR paperwork right for Italian customers', 70],
      ['Italian resellers in the North-East', 200],
    ],
    offers: [
      ['Free six-month licences for logistics and distribution companies', 350],
      ['Introductions to the Dublin SaaS founder community', 350],
    ],
    tl: [
      ['meeting', 520, 'Met at Web Summit'],
      ['call', 200, 'Talked about Italian resellers'],
      ['message', 70, 'GDPR questions: Alice Cristiani'],
      ['call', 16, 'Unpaid invoices in Italy: Riccardo Caruso'],
    ],
  },
  {
    key: 'anna-schmidt',
    name: 'Anna Schmidt',
    company: 'Brückner Talent',
    role: 'Tech recruiter',
    city: 'Berlin',
    country: 'DE',
    lang: 'en',
    tags: ['hr', 'recruiting', 'germany'],
    notes: 'Recruits engineers for German scale-ups. Interested in Italian talent willing to relocate.',
    howMet: 'Introduced by Matteo Ferrara, 2024',
    by: 'matteo-ferrara',
    needs: [['Italian backend engineers open to relocating to Berlin', 54]],
    offers: [['Relocation support and salary benchmarks for the German market', 300]],
    tl: [
      ['call', 300, 'Intro via Matteo'],
      ['message', 54, 'Wants Italian engineers'],
    ],
  },
  {
    key: 'mark-jansen',
    name: 'Mark Jansen',
    company: 'Jansen Engineering Services',
    role: 'Automotive engineering consultant',
    city: 'Torino',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'engineering', 'torino'],
    notes: 'Dutch, has lived in Turin for ten years. Works with tier-1 automotive suppliers.',
    howMet: 'Introduced by Giorgio Santoro, 2023',
    by: 'giorgio-santoro',
    needs: [['A technical translator for machine manuals from Italian into English and German', 29]],
    offers: [
      ['Process engineering and quality audits for automotive suppliers', 400],
      ['Introductions to Dutch and Belgian manufacturers', 400],
    ],
    tl: [
      ['meeting', 500, 'Dinner in Turin with Giorgio'],
      ['message', 29, 'Needs technical translator: Elena Marchetti'],
    ],
  },
  {
    key: 'jessica-morgan',
    name: 'Jessica Morgan',
    company: 'Tuscan Table Tours',
    role: 'Founder, food tours and cooking classes',
    city: 'Firenze',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'tourism', 'food'],
    notes: 'American, moved to Florence in 2015. Runs cooking classes and tours, mostly US clients.',
    howMet: 'Introduced by Lorenzo Barbieri, 2023',
    by: 'lorenzo-barbieri',
    needs: [
      ['Someone to run our Instagram: we post twice a month and it shows', 24],
      ['Good photos of our classes for the new website', 140, 'satisfied'],
    ],
    offers: [
      ['US tourist groups looking for authentic dinners and cooking experiences', 400],
      ['Partnerships with US travel agents specialised in Italy', 400],
    ],
    tl: [
      ['meeting', 460, 'Coffee in Santo Spirito with Lorenzo'],
      ['call', 140, 'Introduced Davide Conti for photos'],
      ['message', 24, 'Needs Instagram help: Francesca Galli'],
    ],
  },
  {
    key: 'george-patel',
    name: 'George Patel',
    company: 'Ledgerly',
    role: 'Head of partnerships',
    city: 'London',
    country: 'GB',
    lang: 'en',
    tags: ['fintech', 'finance', 'uk'],
    notes: 'Invoice finance fintech expanding into Italy. Looking for referral partners.',
    howMet: 'Money20/20 Europe, Amsterdam 2023',
    needs: [['Accountants and consultants in Italy who can refer exporters to us', 43]],
    offers: [['Invoice financing for SMEs with long payment terms, funds in 48 hours', 330]],
    tl: [
      ['meeting', 470, 'Met at Money20/20'],
      ['call', 43, 'Wants Italian referral partners'],
    ],
  },
  {
    key: 'katie-brooks',
    name: 'Katie Brooks',
    company: 'Trade Europe Weekly',
    role: 'Senior reporter',
    city: 'London',
    country: 'GB',
    lang: 'en',
    tags: ['journalists', 'media', 'uk'],
    notes: 'Covers European SMEs, trade and food. Always short on good Italian case studies.',
    howMet: 'Introduced by Oliver Bennett, 2023',
    by: 'oliver-bennett',
    needs: [['Italian small businesses with interesting export stories for a feature series', 35]],
    offers: [
      ['Features on European SMEs and food brands in a trade weekly', 380],
      ['Contacts with UK food and travel journalists', 380],
    ],
    tl: [
      ['call', 380, 'Intro via Oliver'],
      ['message', 35, 'Looking for Italian export stories'],
    ],
  },
  {
    key: 'sean-murphy',
    name: 'Sean Murphy',
    company: 'Murphy Business English',
    role: 'Business English trainer',
    city: 'Milano',
    country: 'IT',
    lang: 'en',
    tags: ['training', 'expats', 'milano'],
    notes: 'Irish, in Milan since 2012. Teaches business English to sales teams and managers.',
    howMet: 'Expat networking aperitivo, Milan 2022',
    needs: [['Italian companies that need to train their sales teams for international fairs', 50]],
    offers: [
      ['Business English courses for sales and management teams', 600],
      ['Presentation and negotiation coaching in English', 600],
    ],
    tl: [
      ['meeting', 700, 'Expat aperitivo in Navigli'],
      ['call', 280, 'Introduced to Anna Pellegrini'],
      ['message', 50, 'Looking for companies going to trade fairs'],
    ],
  },
  {
    key: 'laura-fischer',
    name: 'Laura Fischer',
    company: 'Hotel Lago Chiaro',
    role: 'General manager',
    city: 'Verona',
    country: 'IT',
    lang: 'en',
    tags: ['hospitality', 'expats', 'events'],
    notes: 'German, manages a lakeside hotel near Verona on Lake Garda. Wants more corporate business in low season.',
    howMet: 'Introduced by Caterina Marino, 2023',
    by: 'caterina-marino',
    needs: [['Event planners and trainers who bring corporate groups in low season', 49]],
    offers: [
      ['Meeting rooms for up to 40 people with free parking, between Verona and Lake Garda', 380],
      ['Residential packages for corporate retreats and team offsites', 380],
    ],
    tl: [
      ['meeting', 400, "Wine tasting at Caterina's, Laura was there with guests"],
      ['message', 49, 'Wants corporate groups in winter'],
    ],
  },
  {
    key: 'daniel-wright',
    name: 'Daniel Wright',
    company: 'Midwest Precision Sourcing',
    role: 'Sourcing manager',
    city: 'Chicago',
    country: 'US',
    lang: 'en',
    tags: ['manufacturing', 'buyers', 'usa'],
    notes: 'Sources machined components for US industrial clients. Interested in Italian quality at small batch sizes.',
    howMet: 'Introduced by Roberto Colombo, 2024',
    by: 'roberto-colombo',
    needs: [['Italian CNC machining suppliers for small batches of precision parts', 19]],
    offers: [['Access to US industrial buyers looking for European suppliers', 260]],
    tl: [
      ['call', 260, 'Intro via Roberto'],
      ['message', 19, 'Needs CNC suppliers: Irene Zanetti'],
    ],
  },
  {
    key: 'sophie-evans',
    name: 'Sophie Evans',
    company: 'Evergreen Impact',
    role: 'Sustainability consultant',
    city: 'London',
    country: 'GB',
    lang: 'en',
    tags: ['sustainability', 'b corp', 'uk'],
    notes: 'Helps companies through B Corp certification. Has worked with two Italian Società Benefit.',
    howMet: 'B Corp summit, Amsterdam 2023',
    needs: [['Italian companies curious about B Corp who want an English-speaking advisor', 62]],
    offers: [
      ['B Corp readiness assessment and certification roadmap', 420],
      ['Impact reporting that is actually readable', 420],
    ],
    tl: [
      ['meeting', 480, 'B Corp summit, sat together at lunch'],
      ['call', 62, 'Looking for Italian clients: Beatrice Fabbri'],
    ],
  },
  {
    key: 'emma-collins',
    name: 'Emma Collins',
    company: null,
    role: 'Public speaking coach',
    city: 'Edinburgh',
    country: 'GB',
    lang: 'en',
    tags: ['coaching', 'speaking', 'uk'],
    notes: 'Coaches founders and executives for keynotes and investor pitches, mostly online.',
    howMet: 'Introduced by Ilaria Serra, 2024',
    by: 'ilaria-serra',
    needs: [['A beautiful Italian venue for a five-day leadership retreat next spring', 38]],
    offers: [['Pitch and keynote coaching for founders, online or in person', 280]],
    tl: [
      ['call', 280, 'Intro via Ilaria'],
      ['message', 38, 'Retreat venue: Villa Ortensia or Hotel Lago Chiaro'],
    ],
  },
  {
    key: 'priya-shah',
    name: 'Priya Shah',
    company: 'Fenwick Pay',
    role: 'Senior product manager (remote)',
    city: 'Torino',
    country: 'IT',
    lang: 'en',
    tags: ['expats', 'fintech', 'torino'],
    notes: 'British, moved to Turin last year working remotely for a London fintech. Thinking of going freelance.',
    howMet: 'Introduced by Mark Jansen, 2024',
    by: 'mark-jansen',
    needs: [
      ['Advice on the Italian impatriati tax regime before my residency anniversary', 15],
      ['A quiet coworking space in Turin with good meeting rooms', 75],
    ],
    offers: [
      ['Product management advice for fintech and payments startups', 200],
      ['Practical tips on relocating to Italy as a remote worker', 200],
    ],
    tl: [
      ['meeting', 200, 'Coffee in San Salvario with Mark'],
      ['message', 15, 'Impatriati questions: Pietro Monti'],
    ],
  },
];

// ---------------------------------------------------------------------------
// People the user has never met: known only through someone of the network, so
// the Value Finder shows how to reach them ("through …"). No timeline, and no
// relationship with the user.
// ---------------------------------------------------------------------------

const SEEDS_VIA: Seed[] = [
  {
    key: 'tiziana-sartori',
    name: 'Tiziana Sartori',
    company: 'Sartori Logistica',
    role: 'Spedizioniere, linea Italia-Regno Unito',
    city: 'Verona',
    country: 'IT',
    lang: 'it',
    tags: ['logistica', 'export'],
    notes: 'Non la conosco ancora: Paolo Ricci si affida a lei per tutto quello che va oltremanica.',
    howMet: null,
    needs: [],
    offers: [
      ['Spedizioni di pallet verso Londra e Manchester con sdoganamento incluso', 90],
      ['Pratiche doganali dopo la Brexit per chi esporta oltremanica', 90],
    ],
    tl: [],
  },
  {
    key: 'walter-bonetti',
    name: 'Walter Bonetti',
    company: 'Bonetti Impatto',
    role: 'Consulente di sostenibilità',
    city: 'Padova',
    country: 'IT',
    lang: 'it',
    tags: ['sostenibilità'],
    notes: 'Anna Pellegrini lo stima molto: ha accompagnato tre suoi clienti alla certificazione B Corp.',
    howMet: null,
    needs: [],
    offers: [
      ["Percorso per diventare Società Benefit o B Corp, dall'analisi iniziale alla certificazione", 120],
      ['Bilancio di sostenibilità ESG per PMI', 120],
    ],
    tl: [],
  },
  {
    key: 'cristina-morandi',
    name: 'Cristina Morandi',
    company: 'Spazio Ostiense',
    role: 'Titolare di uno studio fotografico in condivisione',
    city: 'Roma',
    country: 'IT',
    lang: 'it',
    tags: ['roma', 'spazi'],
    notes: 'Amica di Francesca Galli: affitta il suo studio fotografico a giornata e a settimana.',
    howMet: null,
    needs: [],
    offers: [
      ['Studio fotografico da condividere a Roma, con fondali e luci, anche per brevi periodi', 60],
      ['Noleggio di fondali e luci per fotografi a Roma', 60],
    ],
    tl: [],
  },
  {
    key: 'luigi-ferrante',
    name: 'Luigi Ferrante',
    company: null,
    role: 'Assistente amministrativo freelance',
    city: 'Milano',
    country: 'IT',
    lang: 'it',
    tags: ['amministrazione', 'freelance'],
    notes: 'Giulia Ferri lo consiglia ai suoi clienti freelance che non hanno tempo per la burocrazia.',
    howMet: null,
    needs: [],
    offers: [
      ['Gestione di preventivi e fatture per freelance e piccoli studi', 100],
      ['Assistente virtuale per agenda, email e pratiche amministrative', 100],
    ],
    tl: [],
  },
  {
    key: 'megan-price',
    name: 'Megan Price',
    company: 'Workhub Torino',
    role: 'Community manager',
    city: 'Torino',
    country: 'IT',
    lang: 'en',
    tags: ['torino', 'coworking'],
    notes: "Luca Moretti works from her coworking space; I haven't met her yet.",
    howMet: null,
    needs: [],
    offers: [
      ['Quiet coworking desks and bookable meeting rooms in central Turin', 80],
      ['A community of remote workers and freelancers in Turin', 80],
    ],
    tl: [],
  },
];

// ---------------------------------------------------------------------------
// The user's ledger: gives to demo people, what came of them, business received
// ---------------------------------------------------------------------------

const GIVES: DemoGive[] = [
  {
    kind: 'introduction',
    daysAgo: 214,
    description: {
      it: 'Ho presentato Fabio Cattaneo a Giulia Ferri per portare lo studio in cloud',
      en: 'Introduced Fabio Cattaneo to Giulia Ferri to move her firm to the cloud',
    },
    recipients: ['giulia-ferri', 'fabio-cattaneo'],
    need: { person: 'giulia-ferri', startsWith: 'Un consulente IT' },
    outcomes: [
      { kind: 'thanked', daysAgo: 210, valueCents: null, note: null },
      { kind: 'need_satisfied', daysAgo: 200, valueCents: null, note: null },
      {
        kind: 'business',
        daysAgo: 185,
        valueCents: 650_000,
        note: { it: 'Fabio ha migrato lo studio di Giulia', en: "Fabio migrated Giulia's firm" },
      },
    ],
  },
  {
    kind: 'introduction',
    daysAgo: 161,
    description: {
      it: 'Ho presentato Matteo Ferrara a Chiara Rinaldi, che cercava un frontend developer senior',
      en: 'Introduced Matteo Ferrara to Chiara Rinaldi, who was looking for a senior frontend developer',
    },
    recipients: ['chiara-rinaldi', 'matteo-ferrara'],
    need: { person: 'chiara-rinaldi', startsWith: 'Un senior frontend' },
    outcomes: [
      { kind: 'meeting', daysAgo: 150, valueCents: null, note: null },
      {
        kind: 'business',
        daysAgo: 120,
        valueCents: 400_000,
        note: { it: 'Matteo ha chiuso la ricerca per Lumen Digital', en: 'Matteo filled the role at Lumen Digital' },
      },
    ],
  },
  {
    kind: 'advice',
    daysAgo: 94,
    description: {
      it: 'Qualche consiglio su come farsi conoscere su LinkedIn senza sembrare un influencer',
      en: 'A few tips on becoming known on LinkedIn without sounding like an influencer',
    },
    recipients: ['marco-bellini'],
    need: { person: 'marco-bellini', startsWith: 'Fare più visibilità' },
    outcomes: [{ kind: 'thanked', daysAgo: 90, valueCents: null, note: null }],
  },
  {
    kind: 'recommendation',
    daysAgo: 58,
    description: {
      it: "L'ho raccomandata su LinkedIn per le traduzioni giuridiche",
      en: 'Recommended her on LinkedIn for legal translation',
    },
    recipients: ['elena-marchetti'],
    need: null,
    outcomes: [],
  },
  {
    kind: 'resource',
    daysAgo: 40,
    description: {
      it: 'Le ho girato una guida su come rispondere alle recensioni dei ristoranti',
      en: 'Sent her a guide on answering restaurant reviews',
    },
    recipients: ['francesca-galli'],
    need: null,
    outcomes: [{ kind: 'thanked', daysAgo: 38, valueCents: null, note: null }],
  },
  {
    kind: 'time',
    daysAgo: 26,
    description: { it: "Un'ora a rivedere il pitch deck del round seed", en: 'An hour reviewing the seed round pitch deck' },
    recipients: ['giacomo-longo'],
    need: null,
    outcomes: [
      {
        kind: 'meeting',
        daysAgo: 20,
        valueCents: null,
        note: { it: 'Mi ha presentato a Rachel Adams', en: 'He introduced me to Rachel Adams' },
      },
    ],
  },
];

const RECEIVED: DemoReceived[] = [
  {
    daysAgo: 150,
    description: { it: 'Un nuovo cliente, segnalato da Giulia', en: 'A new client, referred by Giulia' },
    referredBy: 'giulia-ferri',
    valueCents: 320_000,
  },
  {
    daysAgo: 70,
    description: { it: 'Un progetto per uno studio legale', en: 'A project for a law firm' },
    referredBy: 'marco-bellini',
    valueCents: 180_000,
  },
  {
    daysAgo: 30,
    description: { it: 'Un incarico per un e-commerce', en: 'An assignment for an online shop' },
    referredBy: 'chiara-rinaldi',
    valueCents: 95_000,
  },
];

// ---------------------------------------------------------------------------
// Relationships between demo people: [a, b, strength, note]
// ---------------------------------------------------------------------------

type RelSeed = readonly [string, string, 1 | 2 | 3, string | null];

const RELATIONSHIPS: RelSeed[] = [
  // Milano
  ['giulia-ferri', 'marco-bellini', 3, 'Si mandano clienti a vicenda da anni'],
  ['giulia-ferri', 'laura-gentile', 2, 'Lavorano insieme sulle startup'],
  ['giulia-ferri', 'fabio-cattaneo', 2, 'Fabio ha migrato lo studio in cloud'],
  ['giulia-ferri', 'davide-conti', 1, null],
  ['giulia-ferri', 'matteo-ferrara', 1, null],
  ['marco-bellini', 'laura-gentile', 2, 'Colleghi, stesso palazzo in corso Venezia'],
  ['marco-bellini', 'matteo-ferrara', 2, 'Matteo gli segnala aziende che assumono'],
  ['marco-bellini', 'emanuele-sala', 1, null],
  ['davide-conti', 'sofia-grasso', 2, 'Fanno shooting insieme negli spazi allestiti da Sofia'],
  ['davide-conti', 'emanuele-sala', 1, null],
  ['valentina-bruno', 'emanuele-sala', 1, "Lui l'ha intervistata sulla GDO"],
  ['matteo-ferrara', 'fabio-cattaneo', 2, 'Matteo gli ha trovato due pentester'],
  ['laura-gentile', 'fabio-cattaneo', 1, null],
  ['emanuele-sala', 'fabio-cattaneo', 1, null],
  ['hannah-muller', 'sean-murphy', 2, 'Expat friends, same coworking'],
  ['hannah-muller', 'pieter-vandijk', 2, 'Did user research for Fietsa'],
  ['pieter-vandijk', 'sean-murphy', 1, null],
  ['pieter-vandijk', 'silvia-ferraro', 2, 'Silvia runs their payroll'],
  ['pieter-vandijk', 'marco-bellini', 1, null],
  ['sean-murphy', 'matteo-ferrara', 1, null],
  ['sofia-grasso', 'laura-gentile', 1, 'Sofia ha arredato lo studio'],
  // Bologna
  ['chiara-rinaldi', 'martina-costa', 3, "Amiche dai tempi dell'università"],
  ['chiara-rinaldi', 'alberto-negri', 2, 'Integrazioni Shopify per i clienti di Alberto'],
  ['chiara-rinaldi', 'giacomo-longo', 2, 'Lumen ha fatto il sito di Semina'],
  ['chiara-rinaldi', 'tom-hughes', 2, 'Share freelancers and sometimes projects'],
  ['chiara-rinaldi', 'beatrice-fabbri', 1, null],
  ['martina-costa', 'beatrice-fabbri', 1, null],
  ['martina-costa', 'sofia-grasso', 1, null],
  ['beatrice-fabbri', 'giacomo-longo', 1, 'Catering per il loro evento di lancio'],
  ['alberto-negri', 'tom-hughes', 2, 'Tom built their warehouse dashboard'],
  ['giacomo-longo', 'tom-hughes', 1, null],
  // Torino
  ['luca-moretti', 'roberta-lombardo', 2, 'Lavorano insieme su e-commerce'],
  ['luca-moretti', 'pietro-monti', 1, null],
  ['giorgio-santoro', 'pietro-monti', 2, 'Pietro segue le startup del portafoglio di Giorgio'],
  ['giorgio-santoro', 'ilaria-serra', 2, 'Ilaria fa coaching ai founder di Giorgio'],
  ['giorgio-santoro', 'mark-jansen', 2, "Ex colleghi nell'automotive"],
  ['giorgio-santoro', 'rachel-adams', 2, 'Co-investors on one deal'],
  ['ilaria-serra', 'roberta-lombardo', 1, null],
  ['ilaria-serra', 'priya-shah', 1, null],
  ['pietro-monti', 'mark-jansen', 1, 'Pietro fa le tasse a Mark'],
  ['mark-jansen', 'priya-shah', 2, 'Neighbours in San Salvario'],
  ['roberta-lombardo', 'priya-shah', 1, null],
  ['roberta-lombardo', 'hannah-muller', 2, 'Research projects together'],
  // Roma
  ['francesca-galli', 'giovanni-mancini', 2, 'Social per gli eventi di Giovanni'],
  ['francesca-galli', 'giorgia-pace', 3, 'Lavorano in coppia su clienti food'],
  ['francesca-galli', 'alessandro-greco', 2, 'Alessandro gira i reel per i suoi ristoranti'],
  ['francesca-galli', 'claudio-vitale', 1, null],
  ['giovanni-mancini', 'riccardo-caruso', 2, 'Riccardo recupera i crediti di Mancini Eventi'],
  ['giovanni-mancini', 'niamh-kelly', 2, 'Share suppliers in Rome'],
  ['giovanni-mancini', 'giorgia-pace', 2, null],
  ['giovanni-mancini', 'claudio-vitale', 1, null],
  ['riccardo-caruso', 'claudio-vitale', 1, 'Stesso gruppo BNI'],
  ['giorgia-pace', 'niamh-kelly', 1, null],
  // Napoli
  ['alessandro-greco', 'nicola-esposito', 3, "Amici d'infanzia al Vomero"],
  ['alessandro-greco', 'daniele-mariani', 2, null],
  ['nicola-esposito', 'daniele-mariani', 1, "Usa l'app di prenotazione di Daniele"],
  // Bergamo
  ['roberto-colombo', 'federica-villa', 3, 'Federica segue la banca di tutti i suoi clienti'],
  ['roberto-colombo', 'silvia-ferraro', 1, null],
  ['roberto-colombo', 'tommaso-rizzo', 1, null],
  ['federica-villa', 'silvia-ferraro', 2, 'Stesso capitolo BNI'],
  ['federica-villa', 'enrico-farina', 2, "Enrico è cliente della banca da vent'anni"],
  ['federica-villa', 'tommaso-rizzo', 1, null],
  ['silvia-ferraro', 'enrico-farina', 2, 'Silvia fa le paghe della tipografia'],
  ['silvia-ferraro', 'tommaso-rizzo', 2, 'Contratti stagionali per la villa'],
  ['tommaso-rizzo', 'enrico-farina', 1, 'Inviti e menu stampati da Farina'],
  // Brescia
  ['sara-lombardi', 'stefano-gatti', 1, null],
  ['sara-lombardi', 'franco-testa', 2, 'Sara ha fatto il logo di Franco'],
  ['sara-lombardi', 'irene-zanetti', 1, null],
  ['stefano-gatti', 'irene-zanetti', 2, 'Assicura Zanetti Meccanica'],
  ['stefano-gatti', 'franco-testa', 1, null],
  ['franco-testa', 'irene-zanetti', 1, null],
  // Verona / Garda
  ['paolo-ricci', 'andrea-fontana', 1, null],
  ['paolo-ricci', 'caterina-marino', 2, 'Spedisce i vini di Caterina in Germania'],
  ['caterina-marino', 'laura-fischer', 2, 'Wine tastings for hotel guests'],
  ['caterina-marino', 'andrea-fontana', 1, null],
  ['laura-fischer', 'andrea-fontana', 1, null],
  // Padova
  ['elena-marchetti', 'anna-pellegrini', 2, null],
  ['elena-marchetti', 'alice-cristiani', 1, 'Traduce le informative privacy in inglese'],
  ['anna-pellegrini', 'alice-cristiani', 2, 'Corsi privacy insieme'],
  // Firenze
  ['lorenzo-barbieri', 'marta-bianchi', 1, null],
  ['lorenzo-barbieri', 'giada-morelli', 2, 'Giada ha scritto i testi del suo portfolio'],
  ['lorenzo-barbieri', 'jessica-morgan', 2, 'Designed her cooking school kitchen'],
  ['marta-bianchi', 'giada-morelli', 2, 'Giada scrive le schede prodotto'],
  ['giada-morelli', 'jessica-morgan', 1, null],
  ['marta-bianchi', 'jessica-morgan', 1, null],
  // Bari
  ['simone-deluca', 'paola-dangelo', 3, 'Fanno insieme i progetti con bando'],
  ['simone-deluca', 'michele-bassi', 1, null],
  ['paola-dangelo', 'michele-bassi', 2, 'Paola ha seguito i bandi di due suoi produttori'],
  // UK / Ireland
  ['oliver-bennett', 'lucy-turner', 2, "Oliver writes Lucy's clients' listings"],
  ['oliver-bennett', 'katie-brooks', 2, 'Old newsroom friends'],
  ['oliver-bennett', 'george-patel', 1, null],
  ['katie-brooks', 'george-patel', 1, null],
  ['katie-brooks', 'sophie-evans', 1, null],
  ['george-patel', 'sophie-evans', 1, null],
  ['james-whitfield', 'lucy-turner', 1, null],
  ['sarah-oconnell', 'ben-walsh', 1, 'Both in the Dublin founders circle'],
  ['sarah-oconnell', 'niamh-kelly', 2, 'Cousins, actually'],
  ['ben-walsh', 'sean-murphy', 1, null],
  ['emma-collins', 'ilaria-serra', 2, 'Co-run an online coaching circle'],
  ['emma-collins', 'sophie-evans', 1, null],
  // US
  ['emily-carter', 'david-cohen', 1, null],
  ['david-cohen', 'rachel-adams', 1, null],
  ['daniel-wright', 'david-cohen', 1, null],
  // Cross-industry: export, trade, food
  ['roberto-colombo', 'james-whitfield', 2, 'Roberto uses Harbour Freight for UK clients'],
  ['roberto-colombo', 'daniel-wright', 2, 'Daniel is an old US contact'],
  ['roberto-colombo', 'emanuele-sala', 1, null],
  ['roberto-colombo', 'paolo-ricci', 2, 'Spedizioni per i clienti export di Roberto'],
  ['roberto-colombo', 'irene-zanetti', 2, 'Consulente export di Zanetti Meccanica'],
  ['roberto-colombo', 'sean-murphy', 1, 'Sean forma i venditori dei clienti di Roberto'],
  ['james-whitfield', 'paolo-ricci', 1, null],
  ['valentina-bruno', 'michele-bassi', 1, null],
  ['valentina-bruno', 'caterina-marino', 1, 'Vino in promo natalizia'],
  ['caterina-marino', 'emily-carter', 1, null],
  ['caterina-marino', 'sara-lombardi', 2, 'Sara ha rifatto le etichette'],
  ['caterina-marino', 'giada-morelli', 1, null],
  ['caterina-marino', 'emanuele-sala', 1, null],
  ['sarah-oconnell', 'michael-schneider', 1, 'Met at Anuga'],
  ['michael-schneider', 'paolo-ricci', 1, null],
  ['sara-lombardi', 'enrico-farina', 1, null],
  // Legal, finance, HR
  ['laura-gentile', 'david-cohen', 1, null],
  ['laura-gentile', 'pietro-monti', 2, 'Round di startup insieme'],
  ['laura-gentile', 'giorgio-santoro', 2, 'Segue i deal di Giorgio'],
  ['marco-bellini', 'silvia-ferraro', 2, 'Avvocato e consulente del lavoro, clienti comuni'],
  ['riccardo-caruso', 'giulia-ferri', 1, null],
  ['federica-villa', 'george-patel', 1, 'Competitors, but friendly'],
  ['federica-villa', 'stefano-gatti', 1, null],
  ['stefano-gatti', 'fabio-cattaneo', 1, null],
  ['matteo-ferrara', 'anna-schmidt', 2, 'Share candidates between Italy and Germany'],
  ['matteo-ferrara', 'alessandro-greco', 1, null],
  ['claudio-vitale', 'giulia-ferri', 1, null],
  ['alice-cristiani', 'fabio-cattaneo', 2, 'Privacy e sicurezza, progetti NIS2 insieme'],
  // Startups and investors
  ['giacomo-longo', 'giorgio-santoro', 1, null],
  ['giacomo-longo', 'pietro-monti', 2, 'Pietro è il loro commercialista'],
  ['daniele-mariani', 'roberta-lombardo', 1, null],
  ['daniele-mariani', 'paola-dangelo', 1, null],
  ['rachel-adams', 'priya-shah', 1, null],
  ['pieter-vandijk', 'giorgio-santoro', 1, null],
  // Events, hospitality, creatives
  ['giovanni-mancini', 'beatrice-fabbri', 2, 'Catering per le convention al Nord'],
  ['giovanni-mancini', 'tommaso-rizzo', 1, null],
  ['niamh-kelly', 'tommaso-rizzo', 1, null],
  ['niamh-kelly', 'jessica-morgan', 2, 'Swap US clients'],
  ['tommaso-rizzo', 'beatrice-fabbri', 1, null],
  ['laura-fischer', 'giovanni-mancini', 1, null],
  ['anna-pellegrini', 'sean-murphy', 2, 'Corsi bilingue per un cliente di Vicenza'],
  ['anna-pellegrini', 'ilaria-serra', 1, null],
  ['davide-conti', 'francesca-galli', 2, 'Davide scatta per i suoi ristoranti'],
  ['davide-conti', 'jessica-morgan', 1, 'Photographed her cooking classes'],
  ['davide-conti', 'martina-costa', 1, 'Foto degli immobili di Martina'],
  ['alessandro-greco', 'tommaso-rizzo', 1, null],
  ['sofia-grasso', 'franco-testa', 1, null],
  ['franco-testa', 'andrea-fontana', 1, null],
  ['lorenzo-barbieri', 'simone-deluca', 1, null],
  ['lorenzo-barbieri', 'nicola-esposito', 1, null],
  ['luca-moretti', 'oliver-bennett', 1, null],
  ['luca-moretti', 'marta-bianchi', 2, 'Luca fa la SEO di Atelier Bianchi'],
  ['giada-morelli', 'oliver-bennett', 1, null],
  ['marta-bianchi', 'alberto-negri', 1, null],
  ['marta-bianchi', 'lucy-turner', 1, null],
  ['giorgia-pace', 'katie-brooks', 1, null],
  ['giorgia-pace', 'emanuele-sala', 2, 'Giorgia gli manda storie, lui a volte le usa'],
  ['ben-walsh', 'alice-cristiani', 1, null],
  ['tom-hughes', 'martina-costa', 1, null],
  ['hannah-muller', 'giulia-ferri', 1, null],
  ['elena-marchetti', 'mark-jansen', 1, null],
  // Known only through someone
  ['paolo-ricci', 'tiziana-sartori', 3, 'Le affida tutte le spedizioni verso il Regno Unito'],
  ['james-whitfield', 'tiziana-sartori', 1, null],
  ['anna-pellegrini', 'walter-bonetti', 3, 'Lavorano insieme sui percorsi di sostenibilità'],
  ['sophie-evans', 'walter-bonetti', 2, null],
  ['francesca-galli', 'cristina-morandi', 2, 'Amiche da anni'],
  ['giulia-ferri', 'luigi-ferrante', 2, 'Gli manda i clienti freelance'],
  ['luca-moretti', 'megan-price', 2, 'Works from her coworking space'],
];

// ---------------------------------------------------------------------------
// Deterministic contact details
// ---------------------------------------------------------------------------

/** FNV-1a 32-bit hash: stable pseudo-digits derived from a key. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function digits(seed: string, count: number): string {
  let out = '';
  let h = hash(seed);
  for (let i = 0; i < count; i++) {
    if (h < 10) h = hash(`${seed}:${i}`);
    out += String(h % 10);
    h = Math.floor(h / 10);
  }
  return out;
}

const IT_AREA_CODES: Record<string, string> = {
  Milano: '02',
  Torino: '011',
  Roma: '06',
  Bologna: '051',
  Napoli: '081',
  Firenze: '055',
  Bari: '080',
  Padova: '049',
  Verona: '045',
  Brescia: '030',
  Bergamo: '035',
};

function phonesFor(seed: Seed, index: number): string[] {
  const k = seed.key;
  switch (seed.country) {
    case 'IT': {
      const mobile = `+39 3${digits(k, 2)} ${digits(`${k}m`, 3)} ${digits(`${k}n`, 4)}`;
      const area = seed.city !== null ? IT_AREA_CODES[seed.city] : undefined;
      // Firms with a company name sometimes also list an office landline.
      if (seed.company !== null && area !== undefined && index % 3 === 0) {
        // Italian landlines: area code + subscriber number, 10 digits overall.
        return [mobile, `+39 ${area} ${digits(`${k}l`, 6 - area.length)} ${digits(`${k}o`, 4)}`];
      }
      return [mobile];
    }
    case 'GB':
      // Ofcom range reserved for drama/fiction: 020 7946 0000-0999.
      return [`+44 20 7946 0${digits(k, 3)}`];
    case 'US':
      // 555-0100..0199 is reserved for fictional use.
      return [`+1 212 555 01${digits(k, 2)}`];
    case 'IE':
      return [`+353 1 555 ${digits(k, 4)}`];
    case 'DE':
      return [`+49 30 5550 ${digits(k, 4)}`];
    default:
      return [];
  }
}

function emailsFor(seed: Seed, index: number): string[] {
  if (seed.emails !== undefined) return seed.emails;
  const local = seed.key.replace('-', '.').replace(/-/g, '');
  const domain = index % 5 === 0 ? 'example.org' : seed.lang === 'it' ? 'example.it' : 'example.com';
  const emails = [`${local}@${domain}`];
  if (index % 4 === 1) emails.push(`${seed.key.replace(/-/g, '')}@example.net`);
  return emails;
}

function linksFor(seed: Seed): string[] {
  return seed.links ?? [`https://www.linkedin.com/in/${seed.key}-example`];
}

/**
 * `howMet` seeds end with a year; rewrite it so it matches the oldest
 * timeline entry relative to `now` (keeps the demo coherent whatever today is).
 */
function howMetFor(seed: Seed, now: Date): string | null {
  if (seed.howMet === null) return null;
  const oldest = seed.tl.reduce((max, [, d]) => Math.max(max, d), 0);
  const year = new Date(daysAgoToIso(now, oldest)).getUTCFullYear();
  return seed.howMet.replace(/\b20\d\d$/, String(year));
}

/**
 * A handful of birthdays, as the days from the load to the next one and the age then turned (null:
 * the year is not known), so that whatever day the demo is loaded, some come in the next days.
 * Ages are multiples of four: a birthday that falls on 29 February has a leap year of birth.
 */
const BIRTHDAYS: ReadonlyMap<string, readonly [inDays: number, age: number | null]> = new Map([
  ['giulia-ferri', [1, 44]],
  ['marco-bellini', [3, null]],
  ['james-whitfield', [5, 52]],
  ['chiara-rinaldi', [12, 36]],
  ['sara-lombardi', [40, 48]],
  ['roberto-colombo', [150, 60]],
  ['anna-pellegrini', [250, null]],
]);

/** The birthday of a demo person, from the day the demo is loaded (UTC). */
function birthdayFor(key: string, now: Date): string | null {
  const seed = BIRTHDAYS.get(key);
  if (!seed) return null;
  const [inDays, age] = seed;
  const next = parseYmd(addDays(localDate(now, 'UTC'), inDays));
  if (!next) return null;
  const { month, day } = next;
  return toBirthday({ year: age === null ? null : next.year - age, month, day }) ?? toBirthday({ year: null, month, day });
}

function toPerson(seed: Seed, index: number, now: Date): DemoPerson {
  return {
    key: seed.key,
    name: seed.name,
    company: seed.company,
    role: seed.role,
    city: seed.city,
    country: seed.country,
    language: seed.lang,
    emails: [...emailsFor(seed, index)],
    phones: seed.phones !== undefined ? [...seed.phones] : phonesFor(seed, index),
    links: [...linksFor(seed)],
    tags: [...seed.tags],
    notes: seed.notes,
    howMet: howMetFor(seed, now),
    birthday: birthdayFor(seed.key, now),
    introducedByKey: seed.by ?? null,
    needs: seed.needs.map(([text, daysAgo, satisfied]) => ({
      text,
      status: satisfied === 'satisfied' ? 'satisfied' : 'open',
      daysAgo,
    })),
    offers: seed.offers.map(([text, daysAgo]) => ({ text, daysAgo })),
    timeline: [...seed.tl].sort((x, y) => y[1] - x[1]).map(([kind, daysAgo, summary]) => ({ kind, daysAgo, summary })),
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Builds the demo network. Dates are expressed as `daysAgo` (convert with
 * `daysAgoToIso(now, daysAgo)`); `now` is also used to keep the years in
 * `howMet` consistent with the timeline. Same `now` → identical output.
 */
export function buildDemoNetwork(now: Date): DemoNetwork {
  const seeds = [...SEEDS_IT, ...SEEDS_EN, ...SEEDS_VIA];
  const people = seeds.map((s, i) => toPerson(s, i, now));

  const seen = new Set<string>();
  const relationships: DemoRelationship[] = [];
  const add = (a: string, b: string, strength: 1 | 2 | 3, note: string | null): void => {
    if (a === b) return;
    const k = pairKey(a, b);
    if (seen.has(k)) return;
    seen.add(k);
    relationships.push({ a, b, strength, note });
  };
  for (const [a, b, strength, note] of RELATIONSHIPS) add(a, b, strength, note);
  // Whoever introduced someone knows them.
  for (const p of people) {
    if (p.introducedByKey !== null) add(p.introducedByKey, p.key, 2, null);
  }

  return {
    people,
    relationships,
    gives: GIVES.map((g) => ({
      ...g,
      recipients: [...g.recipients],
      outcomes: g.outcomes.map((o) => ({ ...o })),
    })),
    received: RECEIVED.map((r) => ({ ...r })),
  };
}
