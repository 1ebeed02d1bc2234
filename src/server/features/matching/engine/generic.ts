/**
 * Generic words: content words that say little about what a need asks for or an offer gives
 * ("clienti", "nuovi", "servizi", "produttori", "company", "small"). They still take part in
 * ranking, with a small weight, but a match on them alone is never a reason to show someone,
 * and they add nothing to a result's confidence. Folded forms (lower case, no accents).
 */
const IT = `
cliente clienti nuovo nuovi nuova nuove servizio servizi produttore produttori produzione azienda aziende aziendale
aziendali impresa imprese societa ditta ditte lavoro lavori lavorare lavoriamo lavoro persona persone gente giorno
giorni giornata giornate settimana settimane mese mesi anno anni volta volte problema problemi cosa cose tempo modo
parte parti tipo progetto progetti attivita prodotto prodotti piccolo piccola piccoli piccole grande grandi primo
prima primi bene meglio buono buona buoni bravo brava bravi veloce veloci urgente urgenza subito presto zona citta
soluzione soluzioni supporto consulenza consulente consulenti esperto esperta esperti professionista professionisti
specialista specialisti contatto contatti informazione informazioni mano idea costo costi prezzo prezzi euro
mercato settore italia italiano italiana italiani italiane fare fatto fatta fatti avere essere dare prendere mettere
trovare trovato trova capire riuscire riesco riusciamo iniziare partire seguire gestire gestione usare sistema
qualita livello numero gruppo dati paio tanto poco pochi poche molti molte certo certa vari varie diverso diversi
pieno piena intero intera nostro nostra proprio propria chiunque ognuno semplice semplici facile possibile
sempre mai ancora gia oggi domani sera mattina ora ore minuti vero vera ottimo ottima migliore migliori
parla parli parlare parlano parlante vecchio vecchia vecchi vecchie bello bella belli belle
`;
const EN = `
client clients customer customers new service services producer producers production company companies business
businesses firm firms work works working job jobs people person day days week weeks month months year years time
times way ways thing things problem problems issue issues project projects product products small big large first
good better fast quick urgent urgently asap local area city support solution solutions consulting consultant
consultants expert experts professional professionals specialist specialists contact contacts information advice
team make made do done get find use start run set level number group data lot lots many much few several various
full whole own simple easy possible always ever still already today tomorrow hour hours minute minutes real great
top quality based market sector italy italian italians english speaking speak speaks spoken old older nice
`;

const GENERIC: ReadonlySet<string> = new Set([...IT.split(/\s+/), ...EN.split(/\s+/)].filter((w) => w.length > 0));

export function isGeneric(norm: string): boolean {
  return GENERIC.has(norm);
}
