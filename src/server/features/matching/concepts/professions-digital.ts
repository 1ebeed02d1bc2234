/**
 * Professions catalogue, part 4: software, IT, data, web, design, media and marketing (ISCO-08
 * groups 25, 35, 2163-2166, 2431-2432, 2641-2642, 3432-3435; CP2021 2.1.1.4, 3.1.2, 2.5.1.5;
 * ATECO J 58-63, M 73-74). Top-down: names, services, and what brings a client, in the client's
 * words.
 */
import { prof, type ConceptDef } from './types.ts';

export const PROFESSIONS_DIGITAL: ConceptDef[] = [
  // ISCO 2513 web and multimedia developers; 2166 graphic and multimedia designers · ATECO 62.01
  prof('web.website', 'sito web', 'website', {
    code: 'ISCO 2513/2166 · CP 2.1.1.4 · ATECO 62.01',
    names:
      'web designer|web designers|webdesigner|web agency|agenzia web|realizzazione siti|sviluppatore wordpress|sviluppatrice wordpress|creazione siti web',
    enNames: 'web designer|web designers|web agency|website designer|wordpress developer|website builder|web studio',
    does: 'siti vetrina|sito vetrina|siti web|realizzazione siti web|restyling sito|landing page|siti wordpress|dominio e hosting',
    enDoes: 'websites|website design|web design|landing pages|wordpress sites|website redesign|domain and hosting',
    cues: 'sito internet|sito web|~sito:0.45|pagina internet:0.5|pagina web|homepage|dominio|hosting|wordpress|online:0.2|internet:0.25',
    enCues: 'website|web site|webpage|web page|homepage|domain name|hosting|wordpress|online:0.2',
  }),
  prof('web.developer', 'sviluppo software', 'software development', {
    names:
      'sviluppatore|sviluppatrice|sviluppatori|programmatore|programmatrice|programmatori|software engineer|ingegnere del software|ingegnere software|full stack|full-stack|backend developer|frontend developer|software house|sviluppo software|informatico:0.5',
    enNames:
      'developer|developers|software developer|software engineer|software engineers|programmer|programmers|coder|full-stack developer|backend developer|frontend developer|web developer|software house|dev shop',
    does: 'sviluppo web app|applicazioni web|gestionali su misura|software su misura|integrazioni|api|dashboard su misura|manutenzione software',
    enDoes: 'web apps|custom software|bespoke software|integrations|apis|backend development|code review|software architecture',
    cues: 'codice|software|app:0.3|applicazione|piattaforma:0.3|database|server:0.25|bug|backend|frontend|architettura:0.25|api|integrazione:0.3|programma:0.3|automatizzare:0.3',
    enCues:
      'code|software|app:0.3|application:0.3|platform:0.3|database|server:0.25|bug|bugs|backend|frontend|architecture:0.3|api|integration:0.3|tech stack|codebase',
  }),
  prof('web.performance', 'velocità del sito', 'website performance', {
    cues: 'lento|lenta|lentissimo|ci mette:0.3|caricamento|plugin|plugins|rotto:0.3|non funziona:0.3|errore:0.25|si blocca:0.35|crash:0.3',
    enCues: 'slow|super slow|loading|load time|plugins|plugin|broken:0.3|errors:0.25|crashes:0.3|down:0.2',
    names: 'ottimizzazione velocita sito|velocita del sito',
    enNames: 'site speed optimisation|website speed optimization|page speed',
    rel: { 'web.website': 0.6, 'web.developer': 0.4 },
  }),
  prof('web.ecommerce', 'e-commerce', 'e-commerce', {
    names:
      'sviluppatore shopify|esperto shopify|esperto ecommerce|consulente ecommerce|ecommerce manager|sviluppatore woocommerce|sviluppatore prestashop',
    enNames:
      'shopify developer|shopify expert|ecommerce developer|ecommerce consultant|ecommerce manager|woocommerce developer|magento developer',
    does: 'negozio online|negozi online|shop online|vendita online|shopify|woocommerce|prestashop|magento|pagamenti online',
    enDoes: 'online shop|online store|online shops|shopify|woocommerce|magento|online payments|checkout',
    cues: 'carrello|checkout|vendere online|+vendere online:0.6|negozio online|shop online|etsy|spedizioni:0.25|pagamenti:0.25|prodotti online',
    enCues: 'cart|checkout|sell online|online store|etsy shop|etsy:0.35|shipping:0.2|payments:0.25|store:0.25',
  }),
  prof('web.mobile_app', 'app mobile', 'mobile app', {
    names: 'sviluppatore app|sviluppatrice app|sviluppatore ios|sviluppatore android|app developer|mobile developer',
    enNames: 'app developer|app developers|mobile developer|ios developer|android developer|mobile app agency',
    does: 'app ios e android|app per smartphone|sviluppo app|app mobile',
    enDoes: 'ios and android apps|mobile apps|app development|smartphone app',
    cues: 'app|applicazione:0.35|smartphone:0.3|iphone|android|ios|app store|play store|notifiche:0.3',
    enCues: 'app|apps|smartphone:0.3|iphone|android|ios|app store|play store|notifications:0.3',
  }),
  prof('web.ux', 'UX/UI design', 'UX/UI design', {
    names: 'ux designer|ui designer|ux/ui designer|product designer|ux researcher|interaction designer|esperto di usabilita',
    enNames: 'ux designer|ui designer|ux/ui designer|product designer|ux researcher|interaction designer|usability expert',
    does: 'user research|test di usabilita|prototipi figma|redesign app|design dell interfaccia|user experience',
    enDoes: 'user research|usability testing|figma prototypes|app redesign|interface design|user experience',
    cues: 'utenti:0.3|usabilita|interfaccia|confusa|confusionaria|non trovano:0.4|non si capisce:0.35|recensioni:0.2|figma|navigazione:0.3|intuitivo|intuitiva',
    enCues:
      'users:0.3|usability|interface|confusing|confused:0.3|can t find:0.35|intuitive|navigation:0.3|figma|reviews:0.2|user experience',
  }),
  // ISCO 2522 systems administrators, 3512 ICT user support · ATECO 62.09, 95.11
  prof('it.support', 'assistenza informatica', 'IT support', {
    code: 'ISCO 2522/3512/3513 · CP 3.1.2 · ATECO 62.09, 95.11',
    names:
      'sistemista|sistemisti|tecnico informatico|tecnica informatica|tecnici informatici|assistenza informatica|consulente informatico|consulente =it|=it manager|responsabile =it|helpdesk|=help desk|amministratore di sistema|amministratore di rete',
    enNames:
      '=it support|=it technician|=it consultant|=it manager|sysadmin|system administrator|network administrator|helpdesk|=help desk|managed service provider|msp|=it services',
    does: 'assistenza pc|reti aziendali|server aziendali|configurazione rete|installazione server|manutenzione computer|backup|wifi aziendale|stampanti di rete',
    enDoes: 'pc support|network setup|server setup|computer maintenance|office network|wifi setup',
    cues: 'computer|pc|portatile|stampante|rete:0.25|wifi|server|password|virus:0.35|lento:0.2|non si connette:0.45|internet:0.2|ufficio:0.15',
    enCues:
      'computer|computers|pc|laptop|printer|network:0.25|wifi|server|password|virus:0.35|slow:0.15|won t connect:0.45|office:0.1',
  }),
  prof('it.security', 'sicurezza informatica', 'cybersecurity', {
    names:
      'esperto di sicurezza informatica|consulente cybersecurity|cybersecurity|sicurezza informatica|penetration tester|ethical hacker|security analyst',
    enNames:
      'cybersecurity consultant|security consultant|penetration tester|pentester|ethical hacker|security analyst|ciso|cyber security',
    does: 'firewall|antivirus|ransomware|vulnerability assessment|penetration test|protezione dati|backup sicuri',
    enDoes: 'firewall|antivirus|ransomware protection|penetration testing|vulnerability assessment|incident response',
    cues: 'virus|hacker|hackerato|hackerata|attacco|riscatto|ransomware|bloccato i computer:0.6|phishing|truffa via mail|password rubate|criptati|dati rubati|malware',
    enCues:
      'virus|hacker|hacked|attack:0.35|ransom|ransomware|phishing|malware|encrypted:0.4|breach|stolen data|locked out of:0.35',
    rel: { 'it.support': 0.5 },
  }),
  // ISCO 2521 database designers, 2511 systems analysts; data analysts · ATECO 62.02, 63.11
  prof('data.bi', 'business intelligence e dashboard', 'business intelligence and dashboards', {
    names: 'data analyst|analista dati|analista di dati|business analyst|esperto excel|consulente power bi|business intelligence',
    enNames:
      'data analyst|data analysts|business analyst|bi consultant|power bi consultant|excel expert|business intelligence analyst',
    does: 'dashboard|report|reportistica|power bi|analisi dati|automazione excel|kpi',
    enDoes: 'dashboards|reporting|power bi|data analysis|excel automation|kpis',
    cues: 'excel|fogli di calcolo|numeri:0.35|dati:0.35|vendite:0.2|report|grafici|analizzare|+analizzare|capire:0.1|kpi',
    enCues:
      'excel|spreadsheets|spreadsheet|numbers:0.35|data:0.35|sales numbers:0.5|reports|charts|analyse|analyze|make sense of:0.35|kpis',
  }),
  prof('data.erp', 'gestionale ed ERP', 'ERP and business software', {
    names:
      'consulente erp|consulente gestionali|rivenditore gestionali|software gestionale|consulente sap|consulente zucchetti|consulente teamsystem',
    enNames: 'erp consultant|erp implementation|sap consultant|business software consultant|erp partner',
    does: 'gestionale|gestionali|erp|implementazione gestionale|sap|zucchetti|teamsystem|mexal|fatturazione elettronica integrata',
    enDoes: 'erp|erp implementation|business software|sap|netsuite|odoo',
    cues: 'gestionale|software gestionale|magazzino:0.25|ordini:0.25|fatture:0.2|fattura elettronica:0.35|cambiare gestionale:0.6',
    enCues: 'erp|inventory:0.25|orders:0.2|invoicing:0.25|accounting software:0.4',
  }),
  // ISCO 2432 public relations, 2431 advertising and marketing professionals · ATECO 73.11
  prof('mkt.seo', 'SEO e posizionamento su Google', 'SEO', {
    names: 'consulente seo|esperto seo|specialista seo|seo specialist|seo manager|agenzia seo|seo copywriter',
    enNames: 'seo consultant|seo specialist|seo expert|seo agency|seo manager',
    does: 'posizionamento su google|posizionamento sui motori di ricerca|seo locale|ottimizzazione seo|indicizzazione',
    enDoes: 'search engine optimisation|search engine optimization|local seo|google ranking|link building',
    cues: 'google|motori di ricerca|ci trova:0.35|ci trovano:0.4|nessuno ci trova:0.5|non ci trova:0.5|primi risultati|prima pagina|+cercare:0.2|scheda google|google maps:0.35|concorrenti:0.2|indicizzato',
    enCues:
      'google|search engine|find us:0.4|can t find us:0.5|first page|ranking|rank|google maps:0.35|competitors:0.2|search results',
  }),
  prof('mkt.social', 'social media management', 'social media management', {
    names:
      'social media manager|social media managers|social media specialist|community manager|content creator|agenzia social|gestione social',
    enNames:
      'social media manager|social media managers|social media specialist|community manager|content creator|social media agency',
    does: 'gestione profili social|gestione instagram|gestione facebook|piano editoriale|post|reel|campagne social',
    enDoes: 'social media management|instagram management|content calendar|posts|reels|social campaigns',
    cues: 'instagram|facebook|tiktok|linkedin:0.3|social|follower|followers|post|reel|storie|like|pagina facebook|profilo:0.25',
    enCues: 'instagram|facebook|tiktok|linkedin:0.3|social media|followers|posts|reels|stories|likes|engagement',
  }),
  prof('mkt.ads', 'pubblicità online a pagamento', 'paid online advertising', {
    names: 'media buyer|consulente google ads|esperto facebook ads|performance marketer|advertising specialist',
    enNames:
      'ppc specialist|ppc consultant|google ads specialist|facebook ads specialist|media buyer|performance marketer|paid social',
    does: 'campagne google ads|campagne meta ads|facebook ads|sponsorizzate|pubblicita online',
    enDoes: 'google ads campaigns|meta ads|facebook ads|ppc|paid search|paid social',
    cues: 'sponsorizzate|sponsorizzare|pubblicita:0.35|campagne:0.3|budget:0.2|click|conversioni|annunci',
    enCues: 'ads|advertising:0.35|campaigns:0.3|budget:0.2|clicks|conversions|cost per click',
  }),
  prof('mkt.copywriting', 'copywriting', 'copywriting', {
    names:
      'copywriter|copywriters|redattore|redattrice|content writer|scrittore|scrittrice|ghostwriter|correttore di bozze|editor',
    enNames: 'copywriter|copywriters|content writer|content writers|writer|ghostwriter|proofreader|copy editor|editor',
    does: 'testi per siti|testi per il sito|scrittura testi|descrizioni prodotto|articoli per blog|newsletter|revisione testi|correzione di bozze',
    enDoes: 'website copy|web copy|product descriptions|blog posts|newsletters|proofreading|copy editing',
    cues: 'testi|testo|+scrivere:0.35|+riscrivere|madrelingua:0.4|errori:0.25|inglese maccheronico:0.6|articoli|blog|descrizioni',
    enCues:
      'copy|text:0.3|texts:0.3|+write:0.3|+rewrite|native speaker:0.35|native english:0.4|typos|articles|blog|descriptions|wording',
  }),
  prof('mkt.marketing', 'marketing', 'marketing', {
    names:
      'consulente marketing|marketing manager|responsabile marketing|direttore marketing|direttrice marketing|agenzia di marketing|marketing strategist|cmo|growth manager',
    enNames:
      'marketing consultant|marketing manager|marketing director|head of marketing|cmo|marketing agency|marketing strategist|growth marketer',
    does: 'strategia di marketing|piano marketing|marketing strategico|posizionamento',
    enDoes: 'marketing strategy|marketing plan|go-to-market|positioning',
    cues: 'clienti nuovi:0.3|farsi conoscere:0.45|+promuovere:0.35|promozione:0.3|visibilita:0.3|marketing|lancio:0.25|target:0.3|posizionamento:0.3',
    enCues:
      'get known:0.45|promote:0.35|promotion:0.3|visibility:0.3|marketing|launch:0.2|target audience|positioning:0.3|awareness',
  }),
  // ISCO 2163/2166 designers · ATECO 74.10
  prof('design.graphic', 'grafica', 'graphic design', {
    names: 'grafico|grafica|grafici|graphic designer|studio grafico|art director|illustratore|illustratrice',
    enNames: 'graphic designer|graphic designers|graphic design studio|art director|illustrator|designer:0.5',
    does: 'logo|loghi|immagine coordinata|biglietti da visita|brochure|impaginazione|grafica per social|identita visiva|etichette|packaging',
    enDoes: 'logo design|logos|brand identity|visual identity|business cards|brochures|layout|labels|packaging design',
    cues: 'logo|loghi|grafica|etichette:0.35|etichetta:0.3|biglietti da visita|colori:0.25|font|impaginare|volantino:0.3|brand:0.25|marchio:0.25',
    enCues: 'logo|graphics|labels:0.3|label:0.25|business cards|colours:0.2|fonts|layout|flyer:0.3|brand:0.25|branding:0.35',
  }),
  prof('design.interior', 'interior design', 'interior design', {
    names: 'interior designer|arredatore|arredatrice|architetto d interni|progettista d interni|home stager|home staging',
    enNames: 'interior designer|interior designers|interior architect|interior decorator|home stager|shop designer',
    does: 'progetto d interni|progettazione interni|arredamento negozi|arredo locali|home staging|allestimento vetrine',
    enDoes: 'interior design|shop design|restaurant design|space planning|home staging|fit-out design',
    cues: 'arredare|+arredare|arredamento|arredo|mobili:0.2|spazi:0.25|atmosfera|luci:0.2|negozio:0.2|locale:0.2|vetrina:0.3',
    enCues: 'furnish|furnishing|decor|interior|interiors|space:0.2|layout:0.25|shop:0.15|lighting:0.2',
  }),
  // ISCO 2654 film directors, 3521 camera operators · ATECO 59.11
  prof('media.video', 'video e riprese', 'video production', {
    names:
      'videomaker|videomakers|filmmaker|regista|operatore video|video producer|casa di produzione|produzione video|montatore video|video editor',
    enNames:
      'videographer|videographers|video producer|filmmaker|video production company|video editor|camera operator|film crew',
    does: 'video aziendali|video promozionali|spot|riprese|montaggio video|interviste video|video per social|riprese con drone',
    enDoes:
      'corporate videos|promotional videos|commercials|filming|video editing|interviews on video|social videos|drone footage',
    cues: 'video|filmato|filmati|riprese|+riprendere:0.3|montaggio|spot|youtube|raccontare l azienda:0.45|fiera:0.2|drone',
    enCues: 'video|videos|film|filming|footage|editing:0.3|commercial:0.3|youtube|showreel|drone',
  }),
];
