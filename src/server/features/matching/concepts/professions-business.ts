/**
 * Professions catalogue, part 3: legal, tax, finance, insurance, real estate, people and sales,
 * trade and logistics, public administration, and the roles that give access to a market
 * (ISCO-08 groups 24, 26 (261), 33, 12-13 managers; CP2021 2.5, 3.3, 3.4; ATECO K, L, M 69-70,
 * N 78, 82, H 52). Top-down: names, services, and what brings a client, in the client's words.
 */
import { prof, type ConceptDef } from './types.ts';

export const PROFESSIONS_BUSINESS: ConceptDef[] = [
  // ISCO 2411 accountants · CP 2.5.1.2.1 · ATECO 69.20
  prof('tax.advisor', 'consulenza fiscale', 'tax advice', {
    code: 'ISCO 2411 · CP 2.5.1.2 · ATECO 69.20',
    names:
      'commercialista|commercialisti|dottoressa commercialista|dottore commercialista|dottori commercialisti|studio commercialista|studio commerciale:0.6|tributarista|tributaristi|consulente tributario|consulente fiscale|esperto contabile|ragioniere commercialista|caf|centro di assistenza fiscale',
    enNames:
      'accountant|accountants|chartered accountant|tax accountant|tax advisor|tax adviser|tax consultant|tax manager|tax partner|cpa|accounting firm|tax firm',
    does: 'adempimenti fiscali|dichiarazioni fiscali|consulenza fiscale|gestione fiscale|f24|modello unico|modello redditi|730|isee:0.5|dichiarazione iva',
    enDoes: 'tax returns|tax filing|tax compliance|vat returns|corporation tax|self assessment',
    cues: 'tasse|imposte|fisco|fiscale|agenzia delle entrate|cartella|avviso:0.3|scadenze:0.3|iva|partita iva|f24|730|dichiarazione:0.35|detrazioni|+detrarre|fatture:0.25|regime forfettario|contributi inps:0.4|inps:0.3',
    enCues:
      'taxes|tax|vat|hmrc|irs|tax office|deadline:0.2|deductions|deductible|invoices:0.2|self-employed:0.3|freelancing:0.3|freelance:0.25|revenue agency',
  }),
  prof('tax.bookkeeping', 'contabilità', 'bookkeeping', {
    names:
      'contabile|contabili|impiegata contabile|impiegato contabile|ragioniere|ragioniera|servizi contabili|elaborazione dati contabili|centro elaborazione dati',
    enNames: 'bookkeeper|bookkeepers|bookkeeping service|accounts clerk|accounting services',
    does: 'tenuta della contabilita|tenuta contabilita|registrazione fatture|prima nota|bilancio|bilanci|chiusura di bilancio|contabilita ordinaria|contabilita semplificata',
    enDoes: 'bookkeeping|annual accounts|year-end accounts|management accounts|bank reconciliation|payroll and bookkeeping',
    cues: 'contabilita|fatture|fattura|ricevute|scontrini|estratti conto|conti:0.3|registri|bilancio|+registrare:0.2',
    enCues: 'accounts:0.35|invoices:0.3|receipts|bank statements|ledger|spreadsheet:0.2|books:0.3',
    rel: { 'tax.advisor': 0.7 },
  }),
  // Tax assistance centres and patronati (CAF) · ATECO 69.20, 94.99
  prof('tax.caf', 'CAF e patronato', 'tax assistance centre (CAF) and patronato', {
    names: 'caf|patronato|patronati|centro assistenza fiscale|sportello caf',
    enNames: 'tax assistance centre|caf office|welfare advice office',
    does: 'modello 730|730|isee|pratiche inps|domanda di pensione|pensione|assegno unico|naspi|disoccupazione|successioni:0.5|red|bonus famiglia',
    enDoes: 'pension application|unemployment benefit|child benefit|benefit applications',
    cues: 'pensione|pensioni|pensionato|pensionata|inps|isee|730|assegno|naspi|disoccupazione|invalidita|bonus:0.25',
    enCues: 'pension|pensions|benefits|benefit:0.3|unemployment|disability allowance|retired:0.3',
    rel: { 'fin.pension': 0.5, 'tax.returns': 0.6 },
  }),
  prof('tax.dispute', 'contenzioso tributario', 'tax dispute', {
    cues: 'agenzia delle entrate|avviso:0.35|lettera:0.25|cartella|equitalia|accertamento|multa:0.2|sanzione:0.3|sanzioni:0.3|non ci capisco:0.25|+contestare:0.3|controllo fiscale|verifica:0.2',
    enCues: 'tax office|letter from:0.3|notice:0.3|tax bill|penalty:0.3|penalties:0.3|audit:0.3|inspection:0.25',
    names: 'tributarista|tributaristi|avvocato tributarista|difesa tributaria',
    enNames: 'tax litigation lawyer|tax dispute specialist',
    rel: { 'tax.advisor': 0.8 },
  }),
  // ISCO 2611 lawyers · CP 2.5.2.1 · ATECO 69.10
  prof('legal.lawyer', 'assistenza legale', 'lawyer', {
    code: 'ISCO 2611 · CP 2.5.2.1 · ATECO 69.10',
    names:
      'avvocato|avvocata|avvocatessa|avvocati|studio legale|studi legali|legale:0.6|consulente legale|assistenza legale|praticante avvocato|giurista',
    enNames:
      'lawyer|lawyers|attorney|attorneys|solicitor|solicitors|barrister|law firm|legal counsel|legal advisor|legal adviser|in-house counsel|paralegal',
    cues: 'causa|cause|+fare causa:0.7|tribunale|giudice|denuncia|querela|+denunciare|diffida|ricorso:0.35|avvocato:0.5|contratto:0.2|+citare:0.3|risarcimento|danni:0.3|lite|controversia|vertenza',
    enCues:
      'sue|+sue|lawsuit|court|judge|legal action|claim:0.3|compensation:0.3|damages:0.35|dispute:0.35|cease and desist|litigation',
  }),
  prof('legal.civil', 'diritto civile', 'civil law', {
    names: 'avvocato civilista|civilista|civilisti|avvocata civilista|diritto civile',
    enNames: 'civil lawyer|civil litigation|civil litigator',
    does: 'contenzioso civile|cause civili|risarcimento danni|contratti|locazioni|condominio|successioni',
    enDoes: 'civil litigation|damages claims|contract disputes',
    rel: { 'legal.lawyer': 0.8 },
  }),
  prof('legal.debt_collection', 'recupero crediti', 'debt collection', {
    names: 'recupero crediti|agenzia recupero crediti|societa di recupero crediti',
    enNames: 'debt collection|debt collector|debt recovery|collections agency',
    does: 'decreto ingiuntivo|decreti ingiuntivi|pignoramento|pignoramenti|diffida di pagamento|messa in mora|precetto|solleciti di pagamento',
    enDoes: 'payment order|letter before action|statutory demand|debt recovery action|enforcement',
    cues: 'non paga|non pagano|non mi paga|non ci paga|non hanno pagato|non ha pagato|+pagare & non:0.6|+pagare & meta:0.45|+dovere & fattura:0.5|+dovere & pagamento:0.5|+dovere & soldi:0.6|+dovere & euro:0.55|mi deve:0.45|ci deve:0.45|mi devono:0.45|ci devono:0.45|insoluto|insoluti|moroso|morosi|crediti:0.35|credito:0.3|debitore|fattura non pagata|fatture non pagate|fatture scadute|+sollecitare:0.4|non risponde:0.3|sparito:0.3|+sparire:0.3|+rincorrere:0.35',
    enCues:
      'hasn t paid|haven t paid|has not paid|didn t pay|never paid|won t pay|not paying|unpaid|+owe:0.45|owes|owed|+pay & not:0.55|+pay & half:0.45|chase:0.3|+chase:0.35|chasing:0.35|overdue|debtor|outstanding:0.3|stopped answering:0.3|ghosted:0.35',
    rel: { 'legal.lawyer': 0.5 },
  }),
  prof('legal.labour', 'diritto del lavoro', 'employment law', {
    names:
      'giuslavorista|giuslavoristi|avvocato giuslavorista|avvocata giuslavorista|avvocato del lavoro|diritto del lavoro|avvocato per il lavoro',
    enNames: 'employment lawyer|employment lawyers|labour lawyer|labor lawyer|employment law|employment solicitor',
    does: 'licenziamenti|vertenze di lavoro|cause di lavoro|contestazioni disciplinari|mobbing|tfr|demansionamento',
    enDoes: 'unfair dismissal|employment tribunal|disciplinary|redundancy|workplace harassment',
    cues: 'dipendente|dipendenti|licenziare|+licenziare|licenziamento|lettera di licenziamento|sindacato|ferie:0.3|straordinari|contratto di lavoro|vertenza|mobbing|tfr|causa di lavoro|ex dipendente',
    enCues:
      'employee|employees|+fire:0.3|+dismiss|dismissal|unfair|tribunal|union:0.3|overtime|employment contract|former employee|ex-employee|grievance',
    rel: { 'legal.lawyer': 0.6, 'work.payroll': 0.3 },
  }),
  prof('legal.family', 'diritto di famiglia', 'family law', {
    names:
      'avvocato divorzista|avvocata divorzista|divorzista|avvocato matrimonialista|matrimonialista|avvocato di famiglia|diritto di famiglia|mediatore familiare|mediatrice familiare',
    enNames: 'family lawyer|divorce lawyer|family law solicitor|family mediator',
    does: 'separazioni|separazione consensuale|divorzi|divorzio|affidamento dei figli|assegno di mantenimento|mediazione familiare|unioni civili',
    enDoes: 'divorce|separation|child custody|child support|prenuptial agreement',
    cues: '+separare:0.5|ci separiamo:0.7|separazione|divorzio|+divorziare|marito:0.35|moglie:0.35|ex marito|ex moglie|figli:0.2|affidamento|mantenimento|alimenti:0.3|convivente:0.3',
    enCues:
      'divorce|+divorce|separating|separation|husband:0.35|wife:0.3|custody|child support|alimony|ex-husband|ex-wife|prenup',
    rel: { 'legal.lawyer': 0.6 },
  }),
  prof('legal.criminal', 'diritto penale', 'criminal law', {
    names: 'penalista|penalisti|avvocato penalista|avvocata penalista|diritto penale|difensore',
    enNames: 'criminal lawyer|criminal defence lawyer|criminal defense attorney|defence solicitor',
    cues: 'denuncia|querela|reato|processo penale|indagato|indagata|+arrestare|polizia:0.3|carabinieri:0.3|truffa|+truffare|diffamazione:0.3|furto:0.2',
    enCues: 'criminal|charged|arrested|police:0.3|fraud|scam|offence|prosecution',
    rel: { 'legal.lawyer': 0.6 },
  }),
  prof('legal.immigration', 'immigrazione e visti', 'immigration and visas', {
    names: 'avvocato immigrazione|avvocato per stranieri|consulente immigrazione',
    enNames: 'immigration lawyer|immigration attorney|immigration adviser|visa consultant',
    does: 'permesso di soggiorno|permessi di soggiorno|visto di lavoro|visto per lavoro|visto turistico|visto d ingresso|richiesta di visto|ricongiungimento familiare|cittadinanza|carta blu',
    enDoes: 'visa|visas|work visa|residence permit|family reunification|citizenship|blue card|elective residence',
    cues: 'permesso di soggiorno|soggiorno|questura|cittadinanza|extracomunitario|straniero:0.3|straniera:0.3|moglie:0.15',
    enCues: 'visa|work permit|residence permit|permit to stay|citizenship|non-eu|immigration|wife:0.15',
    rel: { 'legal.lawyer': 0.6 },
  }),
  prof('legal.corporate', 'diritto societario', 'corporate law', {
    names: 'avvocato societario|avvocata societaria|diritto societario|consulenza societaria',
    enNames: 'corporate lawyer|corporate law|company lawyer|company law',
    does: 'statuto|statuti|patti parasociali|cessione di quote|aumento di capitale|costituzione di societa|governance',
    enDoes: 'articles of association|shareholders agreement|share transfer|capital increase|incorporation',
    cues: 'soci:0.35|socio:0.35|quote:0.35|statuto|srl:0.3|spa:0.3|assemblea dei soci|capitale sociale',
    enCues: 'shareholders|shareholder|co-founder:0.3|shares:0.3|equity:0.3|articles|ltd:0.25|incorporate:0.35',
    rel: { 'legal.lawyer': 0.6 },
  }),
  // ISCO 2619 notaries · ATECO 69.10
  prof('legal.notary', 'servizi notarili', 'notary', {
    names: 'notaio|notai|notaia|studio notarile|notarile',
    enNames: 'notary|notaries|notary public|civil law notary',
    does: 'atto costitutivo|atti costitutivi|costituzione di societa|compravendita|compravendite|rogito|rogiti|donazione|donazioni|successione|testamento|procura|mutuo:0.4',
    enDoes: 'deed|deeds|conveyancing|incorporation deed|power of attorney|wills|deed of gift',
    cues: 'atto|+firmare:0.25|rogito|aprire una srl:0.7|aprire una societa:0.6|srl:0.35|testamento|eredita|donazione|compravendita|comprare casa:0.4|procura',
    enCues: 'deed|sign:0.2|will:0.2|inheritance:0.35|set up a company:0.5|power of attorney|buying a house:0.35',
    rel: { 'legal.corporate': 0.3 },
  }),
  prof('legal.privacy', 'privacy e GDPR', 'privacy and GDPR', {
    names:
      'consulente privacy|consulenti privacy|dpo|data protection officer|responsabile protezione dati|esperto gdpr|avvocato privacy',
    enNames: 'privacy consultant|privacy lawyer|data protection officer|dpo|gdpr consultant|data protection consultant',
    does: 'adeguamento gdpr|registro dei trattamenti|informativa privacy|informative privacy|nomina dpo|valutazione d impatto|cookie policy',
    enDoes: 'gdpr compliance|privacy policy|cookie policy|data processing register|dpia',
    cues: 'privacy|gdpr|consenso:0.4|dati personali|garante|cookie|newsletter:0.15|email dei clienti:0.35|mail dei clienti:0.35|trattamento dei dati|multe:0.2|sanzione:0.2|videosorveglianza:0.3',
    enCues:
      'privacy|gdpr|consent:0.4|personal data|data protection|cookies|cookie banner|customer emails:0.3|mailing list:0.25|ico',
  }),
  prof('legal.trademark', 'registrazione marchi', 'trademark registration', {
    names:
      'consulente marchi|consulente in proprieta industriale|mandatario marchi|consulente marchi e brevetti|studio brevettuale|agente brevetti',
    enNames: 'trademark attorney|trade mark attorney|trademark lawyer|ip attorney|patent attorney|intellectual property lawyer',
    does: 'registrazione del marchio|deposito marchio|ricerca di anteriorita|marchio europeo|marchio internazionale|opposizione marchio',
    enDoes: 'trademark registration|trademark search|trademark filing|eu trademark|international trademark',
    cues: 'marchio|marchi|logo:0.3|nome:0.3|nome del prodotto:0.45|nome della mia:0.3|+registrare:0.35|+copiare:0.35|copiato|copiano|copi:0.35|imitazione|contraffazione|concorrente:0.2|brand:0.25',
    enCues: 'trademark|trade mark|brand name|name:0.25|+register:0.35|+copy:0.35|copied|copycat|imitation|counterfeit|knock-off',
  }),
  prof('legal.patent', 'brevetti', 'patents', {
    names: 'consulente brevetti|mandatario brevetti|studio brevetti',
    enNames: 'patent attorney|patent agent|patent lawyer',
    does: 'deposito brevetto|depositi di brevetto|brevetto europeo|brevettare',
    enDoes: 'patent filing|patent application|patent search',
    cues: 'brevetto|brevettare|+brevettare|invenzione|idea:0.15|prototipo:0.2',
    enCues: 'patent|+patent|invention|inventor',
  }),
  prof('legal.tenancy_problems', 'problemi con affitti e inquilini', 'landlord and tenant problems', {
    names: 'avvocato locazioni|consulente locazioni',
    enNames: 'landlord and tenant lawyer|housing lawyer',
    does: 'sfratto|sfratti|convalida di sfratto|morosita inquilino|disdetta',
    enDoes: 'eviction|evictions|rent arrears|possession order',
    cues: 'inquilino|inquilini|affitto:0.3|canone|sfratto|+sfrattare|padrone di casa|proprietario:0.3|disdetta|caparra|deposito cauzionale',
    enCues: 'tenant|tenants|landlord|rent:0.3|eviction|+evict|deposit:0.25|lease:0.3',
  }),
  // Condominium administrators · ATECO 68.32
  prof('re.condo_admin', 'amministratore di condominio', 'building manager (condominium administrator)', {
    local: true,
    names:
      'amministratore di condominio|amministratrice di condominio|amministratori di condominio|amministrazione condominiale|amministrazioni condominiali',
    enNames: 'building manager|property manager|condominium administrator|block manager|hoa manager',
    does: 'gestione condomini|assemblee condominiali|riparto spese|bilancio condominiale',
    enDoes: 'block management|service charges|residents meetings',
    cues: 'condominio|condomini|condomino|assemblea:0.3|spese condominiali|vicini:0.3|scale:0.2|facciata:0.3',
    enCues: 'condominium|block of flats|service charge|neighbours:0.3|neighbors:0.3|communal',
  }),
  // Real estate agents · ISCO 3334 · ATECO 68.31
  prof('re.agent', 'agenzia immobiliare', 'real estate agency', {
    local: true,
    names:
      'agente immobiliare|agenti immobiliari|agenzia immobiliare|agenzie immobiliari|immobiliare|mediatore immobiliare|consulente immobiliare|real estate',
    enNames:
      'estate agent|estate agents|real estate agent|realtor|letting agent|property agent|real estate agency|property consultant',
    does: 'compravendita immobili|vendita casa|affitto casa|locazioni|valutazione immobile|gestione affitti',
    enDoes: 'property sales|lettings|rentals|property valuation|property search',
    cues: 'casa:0.25|appartamento|bilocale|trilocale|immobile|immobili|+affittare:0.35|affitto:0.35|in affitto:0.45|+vendere casa:0.5|+comprare casa:0.45|mq|metri quadri|zona:0.15',
    enCues:
      'flat:0.3|apartment|house:0.2|property|properties|to rent:0.4|for rent:0.4|rent:0.3|+let:0.2|sqm|square metres|square meters',
  }),
  prof('re.commercial', 'immobili commerciali: negozi, uffici, capannoni', 'commercial property', {
    local: true,
    names: 'immobili commerciali|immobili industriali|agente immobiliare commerciale|commercial real estate',
    enNames: 'commercial real estate|commercial property agent|industrial property',
    does: 'affitto capannoni|vendita capannoni|locali commerciali|affitto negozi|affitto uffici',
    enDoes: 'warehouse lettings|industrial units|retail units|office lettings',
    cues: 'capannone|capannoni|magazzino:0.3|negozio:0.3|locale commerciale|ufficio:0.25|uffici:0.3|mq:0.3|metri quadri:0.3|+affittare:0.35|affitto:0.35|zona industriale',
    enCues:
      'warehouse:0.4|industrial unit|shop:0.2|retail unit|office space|offices:0.3|sqm:0.3|square feet|to rent:0.35|lease:0.35',
    rel: { 're.agent': 0.6 },
  }),
  // Insurance brokers and agents · ISCO 3321 · ATECO 66.22
  prof('ins.broker', 'assicurazioni per imprese', 'business insurance', {
    names:
      'broker assicurativo|broker assicurativi|agente assicurativo|agenti assicurativi|agenzia assicurativa|agenzia di assicurazioni|assicuratore|consulente assicurativo|intermediario assicurativo|subagente',
    enNames:
      'insurance broker|insurance brokers|insurance agent|insurance agency|insurance adviser|insurance advisor|underwriter',
    does: 'polizze|polizza|rc professionale|responsabilita civile|polizza casa|polizza auto|polizze aziendali|tutela legale|infortuni|confronto preventivi assicurativi',
    enDoes: 'insurance policies|professional indemnity|public liability|business insurance|home insurance|car insurance',
    cues: 'assicurazione|assicurazioni|assicurare|+assicurare|polizza|polizze|sinistro|risarcimento:0.3|copertura:0.3|nel caso:0.2|rischio:0.25|danni:0.25|franchigia|premio:0.2',
    enCues: 'insurance|insure|+insure|policy:0.3|cover:0.3|coverage|claim:0.25|indemnity|liability|premium:0.2|excess:0.2',
  }),
  prof('ins.liability', 'responsabilità civile', 'liability insurance', {
    cues: '+fare causa:0.35|errore professionale|responsabilita professionale',
    enCues: 'client sues:0.6|sued:0.4|professional mistake|negligence',
    names: 'rc professionale|polizza rc professionale|responsabilita civile professionale',
    enNames: 'professional indemnity|professional liability insurance|public liability insurance',
    rel: { 'ins.broker': 0.8 },
  }),
  // Financial advisers · ISCO 2412 · ATECO 66.19
  prof('fin.wealth', 'gestione patrimoniale', 'wealth management', {
    names:
      'consulente finanziario|consulente finanziaria|consulenti finanziari|private banker|promotore finanziario|consulente patrimoniale|family banker|financial planner',
    enNames:
      'financial adviser|financial advisor|financial planner|wealth manager|private banker|investment adviser|investment advisor',
    does: 'investimenti|gestione del risparmio|pianificazione finanziaria|fondi pensione|previdenza integrativa|portafoglio',
    enDoes: 'investments|investment advice|financial planning|retirement planning|pension planning|portfolio',
    cues: 'risparmi|risparmio|+investire|investimento|fondi:0.3|azioni:0.3|obbligazioni|btp|conto deposito|eredita:0.3|pensione integrativa|liquidita:0.2',
    enCues: 'savings|+invest|investment|funds:0.3|stocks|shares:0.25|bonds|portfolio|retirement:0.3|inheritance:0.3',
  }),
  // Credit brokers · ATECO 66.19
  prof('fin.credit_broker', 'mediazione creditizia', 'credit broker', {
    names:
      'mediatore creditizio|mediatori creditizi|mediazione creditizia|consulente del credito|broker mutui|agente in attivita finanziaria',
    enNames: 'mortgage broker|mortgage brokers|credit broker|finance broker|loan broker',
    does: 'mutui|mutuo prima casa|surroga mutuo|finanziamenti|prestiti|cessione del quinto|finanziamenti alle imprese',
    enDoes: 'mortgages|mortgage|remortgage|loans|business loans|personal loans',
    cues: 'mutuo|mutui|banca:0.35|prestito|finanziamento|rata|rate:0.2|detto di no:0.35|rifiutato|+rifiutare:0.3|comprare casa:0.35|casa:0.15|tasso',
    enCues: 'mortgage|loan|bank:0.35|refused:0.3|turned down:0.35|rejected:0.3|interest rate|repayments|buy a house:0.35',
    rel: { 'fin.bank_loans': 0.6 },
  }),
  // Bank branch managers, corporate bankers: a contact to credit · ISCO 1346
  prof('fin.bank_loans', 'finanziamenti bancari', 'bank financing', {
    names:
      'direttore di banca|direttrice di banca|direttore di filiale|direttore filiale|gestore imprese|gestore corporate|bancario|bancaria|funzionario di banca|filiale imprese|relationship manager',
    enNames: 'bank manager|branch manager|relationship manager|corporate banker|business banker|commercial banker',
    cues: 'banca|fido|affidamento|scoperto|linea di credito|finanziamento:0.35|prestito:0.3|liquidita:0.25',
    enCues: 'bank|overdraft|credit line|line of credit|loan:0.3|financing:0.3',
  }),
  // Subsidised finance consultants · ATECO 70.22
  prof('fund.grants', 'bandi e finanza agevolata', 'grants and subsidised finance', {
    names: 'consulente finanza agevolata|finanza agevolata|europrogettista|progettista bandi|consulente bandi',
    enNames: 'grant consultant|grant writer|funding consultant|grants adviser|bid writer',
    does: 'bandi|bando|contributi a fondo perduto|fondo perduto|finanziamenti agevolati|credito d imposta|voucher|fondi europei|pnrr|invitalia|simest|resto al sud|nuova sabatini',
    enDoes: 'grants|grant applications|subsidies|eu funding|tax credits|innovation grants',
    cues: 'bando|bandi|contributi|contributo|fondo perduto|agevolazioni|incentivi|sovvenzioni|finanziamenti pubblici|regione:0.25|giovani:0.2|under 35:0.35|aprire:0.15',
    enCues: 'grant|grants|subsidy|subsidies|incentives|funding:0.3|public funding|eu funds|government funding',
  }),
  prof('agri.funding', 'fondi PAC e PSR per l’agricoltura', 'CAP and rural development funds', {
    names: 'psr|pac|fondi psr|domanda pac|csr|caa|centro assistenza agricola',
    enNames: 'cap payments|rural development grants|farm subsidies|agricultural grants',
    cues: 'agricola:0.35|agricolo:0.35|azienda agricola:0.45|contributi agricoli|agricoltura:0.3|fattoria:0.3|farm:0.3|giovani agricoltori',
    enCues: 'farm:0.35|farming:0.35|agricultural:0.35|rural:0.3|young farmers',
    rel: { 'fund.grants': 0.6, 'agri.agronomist': 0.6 },
  }),
  // Investors as access to capital · ISCO 1120 / 2413
  prof('fund.angel', 'business angel', 'angel investor', {
    names:
      'business angel|investitore|investitrice|investitori|venture capitalist|venture capital|fondo di investimento|family office|partner di un fondo',
    enNames:
      'angel investor|angel investors|business angel|investor|investors|venture capitalist|vc|venture partner|general partner|family office|seed investor',
    does: 'investimenti pre-seed|investimenti seed|round di investimento',
    enDoes: 'pre-seed investment|seed investment|funding rounds|ticket',
    cues: 'round|+raccogliere:0.3|capitali|investimento:0.35|startup:0.3|equity:0.3|valutazione:0.2|pitch|seed|pre-seed',
    enCues: 'raise:0.35|raising:0.35|round|funding:0.35|startup:0.3|equity:0.3|valuation:0.3|pitch|seed|pre-seed|saas:0.15',
  }),
  // ISCO 2423 personnel and careers professionals · ATECO 78.10
  prof('hr.recruiting', 'ricerca e selezione del personale', 'recruiting', {
    names:
      'selezione del personale|ricerca e selezione|recruiter|recruiters|headhunter|head hunter|cacciatore di teste|agenzia per il lavoro|agenzia di selezione|talent acquisition|hr manager|responsabile risorse umane|risorse umane',
    enNames:
      'recruiter|recruiters|recruitment agency|recruitment consultant|headhunter|executive search|talent acquisition|hr manager|head of hr|people partner|staffing agency',
    does: 'ricerca di personale|selezione di profili|colloqui di selezione|assessment|inserimento lavorativo',
    enDoes: 'recruitment|hiring|candidate screening|interviews|talent sourcing',
    cues: '+assumere|assunzione:0.35|assunzioni:0.35|candidati|personale:0.35|non trovo nessuno:0.45|non troviamo nessuno:0.45|trovare personale|cerco personale|operai:0.3|tecnici:0.2|commerciali:0.2|figura:0.25|profilo:0.25|posizione aperta|annuncio di lavoro',
    enCues:
      '+hire|hiring|recruit|candidates|staff:0.3|can t find:0.3|vacancy|vacancies|job opening|roles:0.2|position:0.2|engineers:0.2',
  }),
  // Payroll and labour consultants · CP 2.5.1.3 · ATECO 69.20
  prof('work.payroll', 'paghe e buste paga', 'payroll', {
    names:
      'consulente del lavoro|consulenti del lavoro|consulente paghe|studio paghe|elaborazione paghe|ufficio paghe|paghista|centro elaborazione paghe',
    enNames: 'payroll consultant|payroll provider|payroll bureau|payroll service|employment consultant|hr and payroll',
    does: 'buste paga|cedolini|elaborazione cedolini|contratti di assunzione|comunicazioni obbligatorie|uniemens|contributi|tfr|gestione del personale',
    enDoes: 'payroll|payslips|payroll processing|employment contracts|pension contributions|p60',
    cues: 'busta paga|buste paga|cedolino|stipendi|stipendio|contributi:0.35|assumere:0.3|assunzione:0.3|contratto:0.2|apprendista|apprendistato|ccnl|inps:0.3|ferie:0.2|malattia:0.2|dipendente:0.3|primo dipendente:0.5',
    enCues:
      'payslip|payslips|salary|salaries|wages|contributions:0.3|first employee:0.5|employee:0.25|contract:0.15|sick pay|holiday pay',
  }),
  // Coaches · ISCO 2423/2359 · ATECO 70.22
  prof('coach.executive', 'coaching per imprenditori e manager', 'executive and founder coaching', {
    names: 'business coach|coach aziendale|executive coach|life coach|coach|mental coach|coaching',
    enNames: 'business coach|executive coach|life coach|leadership coach|coach|coaching',
    does: 'percorsi di coaching|coaching individuale|coaching per titolari|sessioni di coaching',
    enDoes: 'coaching sessions|one-to-one coaching|founder coaching',
    cues: 'delegare|+delegare|faccio tutto io:0.6|faccio tutto da solo:0.6|non riesco a staccare:0.5|staccare:0.3|obiettivi:0.25|motivazione|priorita:0.3|tempo:0.1|decisioni:0.2|sopraffatto:0.35|titolare:0.2',
    enCues:
      'delegate|+delegate|do everything myself:0.6|can t switch off:0.5|overwhelmed:0.35|goals:0.25|priorities:0.3|decisions:0.2|motivation|founder:0.15',
  }),
  // Trainers · ISCO 2424 · ATECO 85.59
  prof('train.corporate', 'formazione aziendale', 'corporate training', {
    names:
      'formatore|formatrice|formatori|ente di formazione|ente formativo|centro di formazione|agenzia formativa|docente di corsi',
    enNames: 'trainer|trainers|corporate trainer|training provider|training company|facilitator',
    does: 'corsi di formazione|formazione del personale|corsi aziendali|workshop|corsi finanziati|fondi interprofessionali',
    enDoes: 'training courses|staff training|workshops|corporate courses',
    cues: 'corso|corsi|formazione|+formare|insegnare:0.3|+insegnare:0.3|imparare:0.3|personale:0.2|dipendenti:0.2|staff:0.2',
    enCues: 'course|courses|training|+train:0.35|teach:0.3|+teach:0.3|learn:0.3|staff:0.2|team:0.15',
  }),
  prof('train.sales', 'formazione commerciale', 'sales training', {
    names: 'formatore commerciale|sales trainer|formazione vendita|formazione commerciale',
    enNames: 'sales trainer|sales training|sales coach',
    does: 'tecniche di vendita|gestione obiezioni|negoziazione|vendita telefonica|chiamate a freddo',
    enDoes: 'sales techniques|objection handling|negotiation|cold calling|phone selling',
    cues: '+vendere:0.35|vendita:0.3|telefono:0.3|al telefono:0.35|chiamate|obiezioni|trattativa|+negoziare|venditori|commerciali:0.3',
    enCues:
      '+sell:0.35|selling:0.35|phone:0.3|over the phone:0.4|calls:0.3|cold calls|objections|negotiate|negotiation|salespeople|sales team:0.35',
    rel: { 'train.corporate': 0.5 },
  }),
  prof('train.safety', 'sicurezza sul lavoro', 'health and safety at work', {
    names:
      'rspp|responsabile servizio prevenzione e protezione|consulente sicurezza sul lavoro|consulente sicurezza|tecnico della prevenzione|hse manager|sicurezza sul lavoro|medico competente:0.5',
    enNames: 'health and safety consultant|health and safety adviser|safety officer|hse manager|ehs manager|safety consultant',
    does: 'dvr|documento di valutazione dei rischi|valutazione dei rischi|corsi sicurezza|formazione antincendio|primo soccorso|formazione lavoratori|piano di emergenza|duvri',
    enDoes: 'risk assessment|risk assessments|fire safety training|first aid training|safety training|health and safety policy',
    cues: 'sicurezza:0.35|rischi:0.35|antincendio|estintori|infortuni:0.35|ispettorato|asl:0.35|cantiere:0.2|dpi|81/08|testo unico sicurezza|nuova sede:0.2',
    enCues: 'safety:0.35|risk:0.3|fire extinguishers|accidents:0.3|inspection:0.2|ppe|hazards',
  }),
  // Food technologists · ISCO 2145/3119 · ATECO 71.20, 74.90
  prof('food.tech', 'tecnologie e macchinari alimentari', 'food processing equipment', {
    names:
      'tecnologo alimentare|tecnologa alimentare|tecnologi alimentari|consulente haccp|consulente sicurezza alimentare|consulente qualita alimentare',
    enNames: 'food technologist|food scientist|food safety consultant|haccp consultant|food quality consultant',
    does: 'manuale haccp|piano haccp|etichettatura alimentare|etichette alimentari|tabelle nutrizionali|tabella nutrizionale|shelf life|analisi alimentari|rintracciabilita',
    enDoes: 'haccp plan|food labelling|nutrition labels|nutrition table|shelf life testing|food safety audit',
    cues: 'haccp|etichetta:0.3|etichette:0.35|ingredienti|allergeni|scadenza:0.3|conserve|marmellata|marmellate|confettura|sughi|asl:0.3|laboratorio:0.2|valori nutrizionali|nutrizionali',
    enCues:
      'haccp|labels:0.35|label:0.3|ingredients|allergens|shelf life|jam|preserves|sauces|nutrition table|nutrition facts|nutritional',
  }),
  // Sales agents · ISCO 3322 · ATECO 46.1
  prof('sales.agents', 'rete vendita e agenti di commercio', 'sales agents network', {
    names:
      'agente di commercio|agenti di commercio|agente plurimandatario|agente monomandatario|rappresentante|rappresentanti|agenzia di rappresentanza|procacciatore d affari|procacciatore',
    enNames: 'sales agent|sales agents|sales representative|sales rep|manufacturer s agent|commission agent|independent agent',
    does: 'rappresentanza|rappresento aziende|vendita presso negozi|portafoglio clienti',
    enDoes: 'representation|trade representation|selling to retailers',
    cues: 'rete vendita|rete di vendita|rete commerciale|agenti|rappresentare|+rappresentare|negozi:0.3|rivenditori|zona:0.15|provvigioni|mandato',
    enCues: 'sales network|agents|reps|retailers|stockists|commission:0.3|territory:0.3',
  }),
  // Sales and marketing managers (access) · ISCO 1221
  prof('sales.build_network', 'costruire una rete vendita', 'building a sales network', {
    names:
      'direttore commerciale|direttrice commerciale|responsabile commerciale|sales manager|area manager|capo area|sales director|head of sales',
    enNames:
      'sales director|head of sales|sales manager|area manager|commercial director|chief revenue officer|business development manager',
    cues: 'rete vendita|rete commerciale|venditori|commerciali:0.3|vendite:0.3|fatturato:0.2|agenti:0.35',
    enCues: 'sales network|sales team|salespeople|revenue:0.2|sales:0.25',
  }),
  // Buyers and purchasing managers: the contact people want to reach · ISCO 3323/1324
  prof('access.buyers', 'contatti con buyer e uffici acquisti', 'access to buyers', {
    names:
      'buyer|buyers|responsabile acquisti|responsabile degli acquisti|ufficio acquisti|direttore acquisti|category manager|purchasing manager|compratore|compratrice|approvvigionamenti',
    enNames:
      'buyer|buyers|purchasing manager|procurement manager|head of purchasing|head of procurement|category manager|purchasing director|purchaser|sourcing manager',
    cues: 'fornitore:0.3|fornitori:0.25|+presentare:0.25|acquisti:0.35|listino:0.3|referenziare:0.45|referenziato:0.45',
    enCues: 'supplier:0.3|suppliers:0.25|purchasing:0.35|procurement:0.35|listing:0.35|introduce:0.2',
  }),
  prof('access.gdo', 'grande distribuzione (GDO)', 'large retail chains', {
    names:
      'buyer gdo|grande distribuzione|gdo|supermercati|catena di supermercati|catene di supermercati|ipermercati|discount|retail chain',
    enNames: 'supermarket buyer|grocery buyer|retail chain|supermarket chain|grocery chain|multiples',
    cues: 'supermercato|supermercati|scaffale|scaffali|iper|coop|esselunga|conad|carrefour|lidl|gdo|punto vendita:0.3|banco frigo',
    enCues: 'supermarket|supermarkets|shelves|shelf:0.35|grocery|groceries|retailers:0.3|tesco|sainsbury',
    rel: { 'access.buyers': 0.5 },
  }),
  prof('access.hotels', 'contatti con hotel', 'access to hotels', {
    names:
      'responsabile acquisti alberghi|gruppo alberghiero|catena alberghiera|catene alberghiere|direttore d albergo|hotel manager|food and beverage manager|f&b manager',
    enNames: 'hotel group|hotel chain|hotel manager|hotel purchasing|food and beverage manager|f&b manager|hospitality group',
    cues: 'hotel|alberghi|albergo|strutture ricettive|amenities|colazioni:0.2',
    enCues: 'hotels|hotel|amenities|hospitality:0.3',
    rel: { 'access.buyers': 0.4 },
  }),
  prof('access.journalists', 'contatti con giornalisti', 'contacts with journalists', {
    names:
      'giornalista|giornalisti|giornalista economica|redattore|redattrice|caporedattore|direttore di testata|reporter|cronista|editor at:0.5|blogger:0.5',
    enNames:
      'journalist|journalists|reporter|reporters|editor|business journalist|correspondent|columnist|news editor|features writer',
    cues: 'giornali|giornale|articolo|articoli|intervista:0.3|stampa:0.35|testata|rivista|uscire sui giornali:0.6|visibilita:0.25|media:0.3',
    enCues:
      'press:0.35|newspaper|newspapers|article|articles|coverage|magazine|media:0.3|write about:0.4|writes about:0.4|featured:0.3',
  }),
  prof('pr.press_office', 'ufficio stampa', 'press office and PR', {
    names:
      'ufficio stampa|addetto stampa|addetta stampa|pr|pubbliche relazioni|relazioni pubbliche|agenzia di comunicazione|press office',
    enNames: 'pr agency|press officer|public relations|pr consultant|publicist|press office|communications agency',
    does: 'comunicati stampa|comunicato stampa|rassegna stampa|relazioni con i media|conferenza stampa|media relations',
    enDoes: 'press releases|press release|media relations|press coverage|press conference',
    cues: 'giornali|giornalisti|stampa:0.35|lancio:0.3|visibilita:0.3|articoli|notizia|comunicato|uscire sui giornali:0.6|tv:0.2|radio:0.2',
    enCues: 'press:0.35|journalists|coverage|launch:0.3|publicity|news:0.3|media:0.3|announcement',
  }),
  // Export managers, international trade · ISCO 1221/3331 · ATECO 46.1, 70.22
  prof('intl.export', 'export e internazionalizzazione', 'export and internationalisation', {
    names:
      'export manager|temporary export manager|tem|consulente export|consulente per l internazionalizzazione|internazionalizzazione|area manager estero|import export',
    enNames:
      'export manager|export consultant|international sales manager|internationalisation consultant|international business development|import export',
    does: 'ricerca distributori esteri|ricerca importatori|fiere internazionali|mercati esteri|vendere all estero',
    enDoes: 'finding distributors abroad|international expansion|export sales|trade fairs abroad|market entry',
    cues: 'estero|esportare|+esportare|export|germania:0.35|francia:0.3|stati uniti:0.35|usa:0.3|cina:0.3|giappone:0.3|spagna:0.3|inghilterra:0.3|distributore:0.35|distributori:0.35|importatore|importatori|mercato estero|all estero',
    enCues:
      'abroad|export|+export|overseas|germany:0.35|france:0.3|usa:0.3|us market|china:0.3|japan:0.3|spain:0.3|uk:0.2|distributor:0.35|distributors:0.35|importer|importers|international:0.25|sell in:0.3',
  }),
  // Customs brokers, freight forwarders · ISCO 3331 · ATECO 52.29
  prof('intl.customs', 'dogana e spedizioni internazionali', 'customs and international shipping', {
    names: 'spedizioniere|spedizionieri|spedizioniere doganale|doganalista|casa di spedizioni|agenzia doganale|freight forwarder',
    enNames: 'freight forwarder|freight forwarders|customs broker|customs agent|customs clearance agent|shipping agent',
    does: 'pratiche doganali|sdoganamento|bolla doganale|bollette doganali|dichiarazione doganale|eori|spedizioni extra ue|incoterms',
    enDoes: 'customs clearance|customs declarations|eori|import duties|shipping outside the eu|incoterms',
    cues: 'dogana|doganale|dazi|dazio|ferma in dogana:0.6|bloccata in dogana:0.6|container|porto:0.3|merce:0.3|spedizione:0.3|extra ue|importare|+importare|brexit',
    enCues:
      'customs|duty|duties|tariffs|held at customs:0.6|stuck in customs:0.6|container|port:0.25|goods:0.3|shipment|shipping:0.3|import:0.3|brexit',
    rel: { 'log.freight': 0.5 },
  }),
  // Translators and interpreters · ISCO 2643 · ATECO 74.30
  prof('intl.translation', 'traduzioni', 'translation', {
    names:
      'traduttore|traduttrice|traduttori|traduttrici|traduttore giurato|agenzia di traduzioni|studio di traduzioni|mediatrice linguistica|mediatore linguistico',
    enNames: 'translator|translators|translation agency|sworn translator|certified translator|translation services',
    does: 'traduzioni|traduzione|traduzioni giurate|traduzioni asseverate|traduzioni legali|traduzioni tecniche|localizzazione',
    enDoes: 'translation|translations|certified translation|sworn translation|legal translation|localisation|localization',
    cues: '+tradurre|in tedesco:0.45|in inglese:0.35|in francese:0.4|in cinese:0.4|in spagnolo:0.4|in giapponese:0.4|dal tedesco:0.5|dall inglese:0.45|dal cinese:0.5|non capisce:0.3|nessuno capisce:0.35|lingua:0.3|tedesco:0.3|cinese:0.25|giapponese:0.25|documenti:0.2',
    enCues:
      '+translate|in german:0.45|in french:0.4|in chinese:0.4|in japanese:0.4|in spanish:0.4|nobody understands:0.35|language:0.3|german:0.25|documents:0.2',
  }),
  prof('intl.interpreting', 'interpretariato', 'interpreting', {
    names:
      'interprete|interpreti|interprete di conferenza|interpretariato|mediatrice linguistica|mediatore linguistico|accompagnatore interprete',
    enNames: 'interpreter|interpreters|conference interpreter|interpreting services|liaison interpreter',
    does: 'interpretariato simultaneo|interpretariato consecutivo|interprete per fiere|interpretariato di trattativa',
    enDoes: 'simultaneous interpreting|consecutive interpreting|liaison interpreting|interpreting at trade fairs',
    cues: 'riunione:0.3|incontro:0.25|fiera:0.3|visita:0.2|trattativa:0.3|cinese:0.3|tedesco:0.25|giapponese:0.3|non parlo:0.35|delegazione',
    enCues: 'meeting:0.3|meetings:0.3|trade fair:0.3|chinese:0.3|suppliers:0.15|delegation|negotiation:0.25|don t speak:0.35',
  }),
  // Freight transport and warehousing · ATECO 49.41, 52.10
  prof('log.freight', 'trasporto internazionale merci', 'international freight', {
    names:
      'autotrasporti|trasporti internazionali|logistica|operatore logistico|spedizioni internazionali|corriere internazionale',
    enNames: 'logistics company|freight company|international haulage|3pl|logistics provider',
    cues: 'spedire|+spedire|spedizione:0.35|merce:0.3|bancali:0.35|container:0.35|camion:0.3|trasporto:0.35',
    enCues: 'ship:0.25|+ship:0.3|shipment|goods:0.3|pallets:0.35|container:0.35|freight|truck:0.3',
  }),
  // Virtual assistants, secretaries · ISCO 4120/3343 · ATECO 82.11
  prof('ops.virtual_assistant', 'assistente virtuale', 'virtual assistant', {
    names:
      'assistente virtuale|assistente personale|segretaria|segretario|segreteria|segretaria a distanza|executive assistant|office manager',
    enNames: 'virtual assistant|personal assistant|executive assistant|pa|secretary|office manager|admin assistant',
    does: 'gestione agenda|gestione email|prenotazione viaggi|gestione appuntamenti|segreteria telefonica|data entry',
    enDoes: 'inbox management|calendar management|diary management|travel booking|admin support|data entry',
    cues: 'agenda|email:0.25|mail:0.2|appuntamenti|telefonate|burocrazia:0.3|scartoffie|faccio tutto io:0.3|non ho tempo:0.35',
    enCues: 'calendar|inbox|emails:0.25|appointments|admin:0.3|paperwork:0.3|no time:0.35|busy:0.2',
  }),
  // Energy consultants · ATECO 71.12, 35.14
  prof('energy.efficiency', 'risparmio energetico e bollette', 'energy savings and bills', {
    names:
      'consulente energetico|consulente energia|energy manager|=esco:0.4|societa esco|broker energetico|consulente luce e gas|certificatore energetico:0.5',
    enNames: 'energy consultant|energy broker|energy manager|energy adviser|energy auditor',
    does: 'audit energetico|diagnosi energetica|riduzione bollette|contratti luce e gas|efficientamento energetico',
    enDoes: 'energy audit|energy audits|cutting energy bills|energy procurement|energy efficiency',
    cues: 'bolletta|bollette|energia:0.35|elettricita|luce:0.25|gas:0.3|consumi|kwh|costi energetici|caro energia|+risparmiare:0.3|fabbrica:0.2|capannone:0.15',
    enCues:
      'bill:0.3|bills:0.3|electricity bill|energy bill|energy:0.35|electricity|gas:0.3|consumption|kwh|+cut:0.2|factory:0.2|save:0.2',
  }),
  prof('energy.solar', 'fotovoltaico ed energia rinnovabile', 'solar and renewable energy', {
    names: 'installatore fotovoltaico|impianti fotovoltaici|fotovoltaico|pannelli solari|energie rinnovabili|solare termico',
    enNames: 'solar installer|solar panels|solar pv|photovoltaic|renewable energy|solar company',
    does: 'impianto fotovoltaico|pannelli fotovoltaici|batterie di accumulo|accumulo|comunita energetiche',
    enDoes: 'solar panel installation|battery storage|solar pv systems',
    cues: 'pannelli|tetto:0.2|sole:0.3|autoconsumo|accumulo|bolletta:0.25|energia:0.25',
    enCues: 'panels|roof:0.15|battery storage|self-consumption|bill:0.2|energy:0.2',
  }),
  // Public administration paperwork, permits · ATECO 82.99
  prof('gov.permits', 'licenze, permessi e SUAP per aprire un’attività', 'licences and permits to open a business', {
    names: 'consulente suap|agenzia disbrigo pratiche|disbrigo pratiche|pratiche amministrative|consulente licenze',
    enNames: 'licensing consultant|permit consultant|licensing agent',
    does: 'scia commerciale|suap|licenza commerciale|autorizzazioni|pratiche comunali|occupazione suolo pubblico|dehors',
    enDoes: 'business licence|premises licence|alcohol licence|permits|council permits',
    cues: 'licenza|licenze|permesso:0.3|permessi:0.35|comune:0.3|autorizzazione|suap|aprire un bar:0.5|aprire un negozio:0.45|dehors|tavolini',
    enCues: 'licence|license|permit:0.3|permits:0.35|council:0.3|authorisation|open a bar:0.5|open a shop:0.45',
  }),
  // Private investigators · ISCO 3411 · ATECO 80.30
  prof('services.investigation', 'investigazioni private', 'private investigation', {
    names: 'investigatore privato|investigatrice privata|investigatori privati|agenzia investigativa|detective',
    enNames: 'private investigator|private detective|investigation agency|detective',
    cues: 'pedinare|+pedinare|tradimento|infedelta|prove:0.3|rintracciare|+rintracciare|assenteismo|falsa malattia',
    enCues: 'surveillance:0.3|cheating|infidelity|evidence:0.3|trace:0.3|+track down',
  }),
  // Equipment rental, cranes · ATECO 77.32, 77.39
  prof('equip.rental', 'noleggio macchinari e attrezzature', 'equipment and machinery rental', {
    names:
      'noleggio macchinari|noleggio attrezzature|noleggio gru|noleggio piattaforme|noleggio escavatori|noleggio ponteggi|autogru|nolo a caldo|nolo a freddo',
    enNames: 'plant hire|equipment hire|equipment rental|crane hire|crane rental|scaffolding hire|access platform hire',
    cues: 'gru|escavatore|escavatori|piattaforma aerea|cestello|ponteggio|ponteggi|muletto|carrello elevatore|+noleggiare|noleggio:0.4|un giorno:0.2',
    enCues:
      'crane|cranes|excavator|digger|cherry picker|scaffolding|forklift|+rent:0.3|+hire:0.3|hire:0.3|rental:0.35|for a day:0.2',
  }),
];
