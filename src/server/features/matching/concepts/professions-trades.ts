/**
 * Professions catalogue, part 1: building, installation and home trades, craft, vehicles and
 * local services (ISCO-08 major groups 7, 8, 9 and parts of 3; CP2021 groups 6 and 8; ATECO F,
 * C 16-33, G 45, N 81, S 95-96). Written top-down from the taxonomy, for each unit group: what
 * people call it, what it does, and what brings a client to it, in the client's words.
 */
import { prof, type ConceptDef } from './types.ts';

export const PROFESSIONS_TRADES: ConceptDef[] = [
  // ISCO 7126 plumbers and pipe fitters · CP 6.1.3.6 · ATECO 43.22
  prof('build.plumbing', 'impianti idraulici e climatizzazione', 'plumbing and HVAC', {
    code: 'ISCO 7126 · CP 6.1.3.6 · ATECO 43.22',
    local: true,
    names:
      'idraulico|idraulica|idraulici|termoidraulico|termoidraulica|termoidraulici|impianti idraulici|impianto idraulico|impiantista|impiantistica|idraulica e riscaldamento',
    enNames: 'plumber|plumbers|plumbing|plumbing services|pipe fitter|plumbing and heating',
    does: 'riparazione perdite|ricerca perdite|sostituzione sanitari|rifacimento bagno|sturare scarichi|disotturazione|spurgo|tubature|tubi rotti|scaldabagno|autoclave|addolcitore',
    enDoes: 'leak repair|leak detection|unblock drains|drain unblocking|bathroom fitting|pipe repair|water heater|burst pipe',
    cues: 'perdita|perdite|+perdere:0.3|gocciola|+gocciolare|tubo|tubi|tubatura|lavandino|lavello|scarico|scarichi|vaso|wc|rubinetto|rubinetti|sifone|bidet|doccia|vasca|allagato|allagamento|+allagare|infiltrazione:0.3|acqua:0.2|intasato|otturato|+intasare|bagno:0.2|pressione acqua|boiler|acqua calda:0.5|contatore acqua',
    enCues:
      'leak|leaks|+leak|leaking|pipe|pipes|sink|drain|drains|toilet|tap|taps|faucet|dripping|+drip|flooded|+flood|clogged|blocked:0.3|shower|bathtub|water:0.2|burst|hot water:0.5|water pressure',
  }),
  // ISCO 7127 air conditioning and refrigeration mechanics; heating engineers · CP 6.1.3.6 · ATECO 43.22
  prof('build.heating', 'caldaie e riscaldamento', 'boilers and heating', {
    code: 'ISCO 7127/3113 · CP 6.1.3.6 · ATECO 43.22',
    local: true,
    names:
      'caldaista|caldaisti|termotecnico|termotecnica|termotecnici|tecnico caldaie|assistenza caldaie|manutenzione caldaie|centro assistenza caldaie|impianti termici|impianti di riscaldamento|climatizzazione|climatizzatori|condizionatori|frigorista|pompe di calore|pompa di calore',
    enNames:
      'heating engineer|boiler engineer|gas engineer|boiler service|boiler repair|heating and cooling|hvac|air conditioning|air conditioner|heat pump|heat pumps|hvac technician',
    does: 'manutenzione caldaia|revisione caldaia|sostituzione caldaia|installazione condizionatori|controllo fumi|libretto impianto|bollino blu caldaia|riscaldamento a pavimento|termosifoni|radiatori',
    enDoes: 'boiler service|boiler repair|boiler replacement|install air conditioning|radiator|radiators|underfloor heating',
    cues: 'caldaia|caldaie|termosifone|termosifoni|riscaldamento|+riscaldare:0.3|freddo:0.3|gelo:0.3|inverno:0.2|blocco:0.3|in blocco:0.5|+bloccare:0.25|gas:0.3|fumi|canna fumaria|bruciatore|condizionatore|aria condizionata|+raffreddare:0.3|caldo:0.2|estate:0.15|muffa:0.2|camino:0.3|stufa|pellet',
    enCues:
      'boiler|boilers|radiator|radiators|heating|heater|cold:0.3|freezing:0.3|winter:0.2|gas:0.3|flue|burner|air con|aircon|cooling:0.3|hot:0.15|+overheat:0.3|thermostat|furnace|stove:0.3|pellet',
    rel: { 'build.plumbing': 0.5 },
  }),
  // ISCO 7411 building and related electricians · CP 6.1.3.7 · ATECO 43.21
  prof('build.electrician', 'elettricista e impianti elettrici', 'electrician and electrical systems', {
    code: 'ISCO 7411 · CP 6.1.3.7 · ATECO 43.21',
    local: true,
    names:
      'elettricista|elettricisti|impianti elettrici|impianto elettrico|impiantista elettrico|ditta elettrica|elettrotecnico|installatore elettrico',
    enNames: 'electrician|electricians|electrical contractor|electrical installer|electrical services|electrical engineer',
    does: 'certificazione impianto elettrico|dichiarazione di conformita|messa a terra|quadro elettrico|rifacimento impianto|punti luce|domotica|citofono|videocitofono|antenna|antennista',
    enDoes: 'rewiring|electrical certificate|fuse box|consumer unit|wiring|lighting installation|home automation|intercom',
    cues: 'corrente|salta la corrente|+saltare:0.3|salvavita|contatore:0.3|presa|prese|interruttore|interruttori|luce:0.25|luci:0.3|lampadine:0.3|cortocircuito|scintille|fili:0.3|cavi:0.3|blackout|elettricita:0.4|+staccare:0.2',
    enCues:
      'breaker|tripping|+trip:0.4|fuse|fuses|socket|sockets|outlet|outlets|switch:0.3|switches:0.3|lights:0.3|light:0.2|wiring|wires:0.3|short circuit|sparks|power cut|power:0.25|electricity:0.4|flicker|flickering',
  }),
  // ISCO 7112 bricklayers, 7111 house builders · CP 6.1.2 · ATECO 41.20 / 43.3
  prof('build.contractor', 'impresa edile e ristrutturazioni', 'building contractor and renovations', {
    code: 'ISCO 7111/7112/7122 · CP 6.1.2 · ATECO 41.20, 43.3',
    local: true,
    names:
      'impresa edile|imprese edili|ditta edile|edilizia|edile|costruzioni|muratore|muratori|capomastro|piastrellista|piastrellisti|posatore|pavimentista|ristrutturazioni|general contractor|impresa di costruzioni',
    enNames:
      'builder|builders|building contractor|general contractor|construction company|bricklayer|mason|tiler|renovation company|handyman',
    does: 'ristrutturazione|ristrutturazioni chiavi in mano|rifacimento bagno|rifacimento cucina|opere murarie|demolizioni|pavimenti|piastrelle|massetto|intonaco|cappotto termico|ampliamento|superbonus|bonus edilizi',
    enDoes: 'renovation|renovations|refurbishment|extension|loft conversion|tiling|flooring|plastering|brickwork|building work',
    cues: 'ristrutturare|+ristrutturare|muro|muri|parete|pareti|crepa|crepe|crepato|intonaco|pavimento|piastrelle|cantiere:0.3|casa:0.15|bagno:0.2|cucina:0.15|lavori:0.2|preventivo:0.15|umidita|muffa:0.25|calcinacci|mattoni|cemento|solaio',
    enCues:
      'renovate|+renovate|wall|walls|crack|cracks|cracked|plaster|floor:0.25|tiles|tile|damp|mould:0.25|mold:0.25|bricks|concrete|building work|house:0.15|kitchen:0.15|bathroom:0.2|quote:0.1',
  }),
  // ISCO 7121 roofers · ATECO 43.91
  prof('build.roofing', 'tetti, coperture e impermeabilizzazioni', 'roofing and waterproofing', {
    code: 'ISCO 7121 · CP 6.1.2.5 · ATECO 43.91',
    local: true,
    names: 'lattoniere|lattonieri|copertura tetti|coperture|impermeabilizzazioni|impermeabilizzazione|rifacimento tetto|tetti',
    enNames: 'roofer|roofers|roofing|roofing contractor|waterproofing|gutter repair',
    does: 'rifacimento tetti|riparazione tetto|grondaie|guaina|tegole|lucernari',
    enDoes: 'roof repair|new roof|gutters|guttering|flat roof|roof tiles|skylights',
    cues: 'tetto|tetti|tegole|tegola|grondaia|grondaie|guaina|copertura|soffitto:0.3|infiltrazioni|infiltrazione|+piovere:0.4|pioggia:0.35|piove:0.4|gocciola:0.3|macchie:0.2|capannone:0.2|lucernario',
    enCues:
      'roof|roofs|gutter|gutters|tiles:0.3|ceiling:0.3|rain:0.35|+rain:0.35|leaks:0.3|+leak:0.3|stains:0.2|warehouse:0.15|skylight|shingles',
  }),
  // ISCO 7131 painters and related · ATECO 43.34
  prof('build.painting', 'tinteggiatura e finiture', 'painting and decorating', {
    code: 'ISCO 7131/7123 · CP 6.1.4 · ATECO 43.34, 43.31',
    local: true,
    names: 'imbianchino|imbianchini|pittore edile|tinteggiatore|decoratore|cartongessista|cartongesso|stuccatore|verniciatore',
    enNames: 'painter|painters|painter and decorator|decorator|decorating|drywall|plasterer',
    does: 'tinteggiatura|tinteggiature|imbiancatura|verniciatura|controsoffitti|pareti in cartongesso|carta da parati|stucco',
    enDoes: 'interior painting|exterior painting|wallpaper|wallpapering|partition walls|false ceiling',
    cues: '+imbiancare|+tinteggiare|+pitturare|vernice|pareti:0.35|muri:0.3|colore:0.2|intonaco:0.3|scrostato|macchie:0.2|muffa:0.2|controsoffitto',
    enCues: '+paint|paint|+repaint|walls:0.35|wall:0.3|peeling|colour:0.2|color:0.2|ceiling:0.25|mould:0.2|stains:0.2|partition',
  }),
  // ISCO 7122 floor layers, 7124 insulation · joinery for windows · ATECO 43.32
  prof('build.windows', 'serramenti e infissi', 'windows and doors', {
    code: 'ISCO 7115/7125 · CP 6.1.2 · ATECO 43.32, 25.12',
    local: true,
    names: 'serramentista|serramentisti|serramenti|infissi|serrande|tapparelle|zanzariere|vetraio|vetreria',
    enNames: 'window fitter|glazier|glazing|double glazing|window installer|windows and doors',
    does: 'sostituzione finestre|sostituzione infissi|porte blindate|persiane|doppi vetri|vetrate|tende da sole',
    enDoes: 'replacement windows|window replacement|double glazing|shutters|blinds|patio doors|glass replacement',
    cues: 'finestra|finestre|infisso|vetro|vetri|spifferi|persiana|tapparella|serranda|zanzariera|condensa:0.3|porta finestra',
    enCues: 'window|windows|glass:0.3|draught|draughts|drafty|shutter|shutters|blind|condensation:0.3|pane',
  }),
  // ISCO 7222 toolmakers and locksmiths; 7214 structural-metal workers (blacksmiths) · ATECO 25.11, 95.29
  prof('build.smith', 'serrature e lavori in ferro', 'locksmith and smith', {
    code: 'ISCO 7222/7221 · CP 6.2.1 · ATECO 25.11, 80.20, 95.29',
    local: true,
    names:
      'fabbro|fabbri|ferramenta:0.3|serramenti in ferro|carpenteria in ferro|inferriate|cancelli|fabbro ferraio|apertura porte|pronto intervento fabbro',
    enNames: 'locksmith|locksmiths|blacksmith|emergency locksmith|metal gates|security doors',
    does: 'apertura porte|cambio serratura|cambio cilindro|serrature di sicurezza|porte blindate|cancelli|inferriate|grate|duplicazione chiavi|ringhiere',
    enDoes: 'lock change|lock replacement|lockout service|gates|railings|security grilles|key cutting',
    cues: 'serratura|serrature|chiave|chiavi|chiuso fuori:0.7|chiusi fuori:0.7|chiusa fuori:0.7|porta:0.2|blindata|cilindro|cancello|inferriata|grata|ringhiera|scasso:0.4|+scassinare',
    enCues:
      'lock|locks|locked & house:0.6|locked & flat:0.6|locked & home:0.6|locked & door:0.5|key|keys|lost keys|door:0.2|gate|gates|railing|railings|break-in:0.3|cylinder',
  }),
  // ISCO 7522 cabinet-makers, 7115 carpenters · ATECO 16.23, 31.09, 43.32
  prof('mfg.woodwork', 'falegnameria e arredi su misura', 'carpentry and custom furniture', {
    code: 'ISCO 7522/7115 · CP 6.5.2.2 · ATECO 16.23, 31.09',
    names:
      'falegname|falegnami|falegnameria|mobiliere|ebanista|restauratore di mobili|arredi su misura|mobili su misura|cucine su misura',
    enNames: 'carpenter|carpenters|joiner|joinery|cabinet maker|cabinetmaker|woodworker|bespoke furniture|custom furniture',
    does: 'mobili su misura|cucine su misura|armadi a muro|librerie|riparazione mobili|porte in legno|restauro mobili|parquet|scale in legno|soppalchi',
    enDoes:
      'bespoke furniture|fitted wardrobes|built-in wardrobes|kitchen fitting|shelving|furniture repair|wooden doors|staircases',
    cues: 'legno|mobile:0.25|mobili:0.3|armadio|armadi|cassetti|anta|ante|mensole|libreria|tavolo:0.25|sedie:0.25|soppalco|parquet|tarli',
    enCues:
      'wood|wooden|furniture:0.3|wardrobe|wardrobes|cupboard|cupboards|shelves|shelf|drawers|cabinet|cabinets|table:0.2|staircase',
  }),
  // ISCO 7231 motor vehicle mechanics · ATECO 45.20
  prof('services.auto', 'officina auto e carrozzeria', 'car repair and body shop', {
    code: 'ISCO 7231/7213 · CP 6.2.3.1 · ATECO 45.20',
    local: true,
    names:
      'meccanico|meccanici|officina|autofficina|carrozzeria|carrozziere|carrozzieri|gommista|gommisti|elettrauto|autoriparazioni|centro revisioni|officina autorizzata',
    enNames:
      'mechanic|mechanics|car mechanic|garage|auto repair|car repair|body shop|panel beater|tyre shop|tire shop|auto electrician',
    does: 'tagliando|tagliandi|revisione auto|cambio gomme|gomme invernali|riparazione auto|cambio olio|freni|frizione|carrozzeria|ammaccature|soccorso stradale|carro attrezzi',
    enDoes: 'car service|mot|tyre change|tire change|brakes|clutch repair|dent repair|bodywork|roadside assistance|tow truck',
    cues: 'auto:0.3|macchina:0.3|furgone:0.3|motore|freni|frizione|gomme|pneumatici|ruota|batteria:0.25|spia|spia accesa:0.6|non parte:0.35|rumore:0.2|tagliando|revisione:0.3|incidente:0.3|graffio|ammaccatura|bollo:0.2|olio:0.2',
    enCues:
      'car:0.3|van:0.25|engine|brakes|clutch|tyres|tires|tyre|tire|flat tyre|battery:0.2|warning light|won t start:0.4|noise:0.15|dent|scratch|crash:0.3|gearbox|exhaust',
  }),
  // ISCO 8322 car, taxi and van drivers; 8332 heavy truck drivers · ATECO 49.41, 49.42
  prof('log.van', 'furgone e trasporti con furgone', 'van and van transport', {
    code: 'ISCO 8322/8332 · CP 7.4.2 · ATECO 49.41',
    names:
      'autotrasportatore|autotrasportatori|autotrasporti|trasporti conto terzi|padroncino|corriere espresso:0.5|camionista|autista con furgone|furgone con autista|noleggio furgoni',
    enNames: 'haulier|haulage|trucking company|truck driver|man with a van|van hire|courier:0.5|delivery driver',
    does: 'trasporto merci|consegne|ritiro e consegna|trasporti su strada|groupage|bilici|motrice',
    enDoes: 'freight transport|deliveries|pick up and delivery|road haulage|pallet delivery',
    cues: 'furgone|camion|bancali|pallet|consegna:0.3|consegne:0.3|+trasportare|+caricare:0.2|scaricare:0.2|autista:0.4',
    enCues: 'van|truck|lorry|pallets|pallet|delivery:0.25|deliveries:0.3|+transport:0.3|driver:0.35|load:0.2',
  }),
  // ISCO 9333 freight handlers; removal firms · ATECO 49.42
  prof('log.moving', 'traslochi', 'removals and moving', {
    code: 'ISCO 9333 · ATECO 49.42',
    local: true,
    names: 'traslochi|trasloco|ditta traslochi|traslocatore|sgomberi|sgombero|sgombero cantine|facchinaggio|facchini',
    enNames: 'removals|removal company|removal firm|movers|moving company|house clearance|office removals',
    does: 'trasloco casa|trasloco ufficio|traslochi di uffici|montaggio mobili|smontaggio mobili|deposito mobili|sgombero locali',
    enDoes: 'house move|office move|furniture assembly|storage and removals|clearance',
    cues: '+traslocare|+spostare:0.3|scatoloni|scatole:0.3|mobili:0.25|nuova casa:0.3|nuovo ufficio:0.35|+cambiare casa:0.5',
    enCues: '+move:0.3|moving:0.4|boxes:0.3|furniture:0.2|new office:0.35|new flat:0.3|new house:0.3|relocate:0.3',
    rel: { 'log.van': 0.5 },
  }),
  // ISCO 9112 cleaners in offices · ATECO 81.21, 81.22
  prof('biz.cleaning', 'pulizie e facility', 'cleaning and facility services', {
    code: 'ISCO 9112 · CP 8.1.4 · ATECO 81.21, 81.22',
    local: true,
    names:
      'impresa di pulizie|imprese di pulizie|ditta di pulizie|pulizie|addetta alle pulizie|colf|domestica|lavavetri|sanificazione|sanificazioni',
    enNames: 'cleaning company|cleaners|cleaner|cleaning services|office cleaning|janitorial|housekeeper|window cleaner',
    does: 'pulizie uffici|pulizie condomini|pulizie scale|pulizia vetri|pulizie post cantiere|pulizie dopo cantiere|sanificazione ambienti|lavaggio moquette',
    enDoes: 'office cleaning|deep clean|end of tenancy cleaning|window cleaning|after builders clean|carpet cleaning',
    cues: 'sporco|sporca|+pulire|polvere|vetri:0.3|pavimenti:0.3|bagni:0.2|igiene:0.3|scale:0.15',
    enCues: 'dirty|+clean:0.4|dust|windows:0.2|floors:0.25|hygiene:0.3|mess:0.2',
  }),
  // Pest control · ATECO 81.29
  prof('services.pest_control', 'disinfestazione', 'pest control', {
    code: 'ISCO 7544 · ATECO 81.29',
    local: true,
    names: 'disinfestazione|disinfestazioni|derattizzazione|disinfestatore|ditta disinfestazione',
    enNames: 'pest control|exterminator|pest controller|rodent control|fumigation',
    does: 'derattizzazione|disinfestazione zanzare|trattamento tarli|allontanamento piccioni',
    enDoes: 'rodent control|bed bug treatment|wasp nest removal|bird control',
    cues: 'topi|topo|ratti|scarafaggi|blatte|formiche|zanzare|cimici|vespe|calabroni|nido:0.3|piccioni|tarme|pulci|insetti',
    enCues: 'mice|mouse|rats|rat|cockroaches|roaches|ants|bed bugs|bedbugs|wasps|hornets|nest:0.3|pigeons|fleas|insects|termites',
  }),
  // ISCO 6113 gardeners, horticultural growers · ATECO 81.30
  prof('build.landscaping', 'giardini e manutenzione del verde', 'gardening and landscaping', {
    code: 'ISCO 6113 · CP 6.4.1.3 · ATECO 81.30',
    local: true,
    names:
      'giardiniere|giardinieri|giardinaggio|manutenzione del verde|manutenzione giardini|vivaista|paesaggista|progettazione giardini|potatore|tree climber',
    enNames: 'gardener|gardeners|gardening|landscaper|landscaping|landscape gardener|tree surgeon|arborist',
    does: 'potatura|potature|taglio erba|taglio siepi|abbattimento alberi|impianti di irrigazione|prato a rotoli|progettazione giardini',
    enDoes: 'lawn mowing|hedge trimming|tree felling|tree pruning|irrigation systems|garden design|turfing',
    cues: 'giardino|prato|erba|siepe|siepi|alberi|albero|piante|aiuole|irrigazione|terrazzo:0.3|potare|foglie:0.3',
    enCues: 'garden|lawn|grass|hedge|hedges|trees|tree|plants|flower beds|irrigation|overgrown|leaves:0.25',
  }),
  // Architects · ISCO 2161 · ATECO 71.11
  prof('build.architect', 'progettazione architettonica', 'architect', {
    code: 'ISCO 2161/2162 · CP 2.2.2.1 · ATECO 71.11',
    names: 'architetto|architetta|architetti|studio di architettura|progettista|progettazione architettonica|archistar:0.3',
    enNames: 'architect|architects|architecture studio|architecture firm|architectural design',
    does: 'progetto di ristrutturazione|progettazione|direzione lavori|pratiche edilizie|cila|scia|permesso di costruire|rendering|progetto casa|progetto negozio|cambio di destinazione d uso',
    enDoes:
      'design and planning|planning permission|building permit|building permits|site supervision|renovation design|floor plans',
    cues: 'progetto:0.3|pianta:0.25|piantina|permessi:0.3|comune:0.2|ristrutturare:0.3|ristrutturazione:0.3|+progettare:0.45|spazi:0.2|layout:0.3|negozio:0.15|locale:0.15',
    enCues:
      'design:0.25|plans:0.3|floor plan|permits:0.35|permit:0.3|planning:0.3|renovate:0.35|renovation:0.3|layout:0.3|council:0.2|shop:0.1',
  }),
  // Surveyors (geometri) · ISCO 3112/2165 · ATECO 71.12
  prof('build.surveyor', 'geometra, catasto e perizie', 'surveying, land registry and valuations', {
    code: 'ISCO 3112/2165 · CP 3.1.3.5 · ATECO 71.12',
    names: 'geometra|geometri|studio tecnico|tecnico abilitato|perito edile|topografo',
    enNames: 'surveyor|surveyors|land surveyor|chartered surveyor|building surveyor|quantity surveyor',
    does: 'pratiche catastali|accatastamento|visura catastale|planimetria catastale|variazione catastale|sanatoria|condono|perizia|stima immobile|frazionamento|rilievo|successione catastale|certificato di agibilita',
    enDoes: 'land registry|property survey|valuation|property valuation|boundary survey|measured survey',
    cues: 'catasto|catastale|planimetria|rogito:0.3|abuso|abusi|difformita|agibilita|confini|terreno:0.25|+vendere casa:0.35|compravendita:0.3',
    enCues: 'land registry|boundary|boundaries|valuation|survey:0.4|plot:0.25',
  }),
  // Energy performance certificates (APE) · ATECO 71.12
  prof('build.energy_certificate', 'certificazione energetica (APE)', 'energy performance certificate', {
    code: 'ISCO 3112 · ATECO 71.12',
    names: 'certificatore energetico|certificazione energetica|attestato di prestazione energetica|=ape|classe energetica',
    enNames: 'energy performance certificate|=epc|energy certificate|energy assessor|energy rating',
    cues: 'vendere casa:0.3|affittare:0.2|classe:0.2|rogito:0.3',
    enCues: 'selling a house:0.3|letting:0.2|rating:0.2',
    rel: { 'build.surveyor': 0.8, 'energy.efficiency': 0.3 },
  }),
  // Civil and structural engineers · ISCO 2142 · ATECO 71.12
  prof('build.engineer', 'ingegneria e strutture', 'engineering', {
    code: 'ISCO 2142/2141/2144 · CP 2.2.1 · ATECO 71.12',
    names:
      'ingegnere|ingegnera|ingegneri|ingegnere civile|ingegnere strutturista|strutturista|studio di ingegneria|ingegneria civile|progettista strutturale|collaudatore',
    enNames: 'engineer|engineers|structural engineer|civil engineer|engineering firm|engineering consultancy',
    does: 'calcoli strutturali|calcolo strutturale|verifica sismica|verifiche sismiche|adeguamento sismico|miglioramento sismico|collaudo|collaudo statico|progetto strutturale|consolidamento|prove di carico',
    enDoes: 'structural calculations|structural survey|seismic assessment|seismic retrofit|load testing|structural design',
    cues: 'sismica|sismico|antisismico|terremoto|strutture|struttura:0.3|crepe:0.3|cedimento|fondazioni|travi|solaio|statica|capannone:0.25|collaudo',
    enCues: 'seismic|earthquake|structural|structure:0.3|cracks:0.3|subsidence|foundations|beams|load bearing|warehouse:0.15',
  }),
  // Lifts · ATECO 43.29
  prof('build.lifts', 'ascensori e montacarichi', 'lifts and elevators', {
    local: true,
    names: 'ascensorista|ascensori|montacarichi|servoscala|piattaforme elevatrici',
    enNames: 'lift engineer|lift company|elevator company|elevators|stairlift',
    cues: 'ascensore|ascensori|bloccato:0.3|piani:0.2|condominio:0.2',
    enCues: 'lift|elevator|stuck:0.3|floors:0.2',
  }),
  // Security installers · ISCO 7421 · ATECO 80.20
  prof('ops.security_services', 'vigilanza, allarmi e videosorveglianza', 'security, alarms and CCTV', {
    local: true,
    names:
      'vigilanza|istituto di vigilanza|guardia giurata|guardie giurate|portierato|impianti di allarme|antifurto|videosorveglianza|sicurezza privata',
    enNames: 'security company|security guard|security guards|alarm installer|cctv installer|burglar alarm|manned guarding',
    cues: 'furti|furto|ladri|+rubare|scasso|allarme|telecamere|telecamera|sorveglianza|vandali|intrusione',
    enCues: 'burglary|thieves|theft|+steal|stolen|break-in|break-ins|alarm|cameras|camera:0.3|cctv|vandalism|intruders',
  }),
  // Chimney sweeps, stoves · ATECO 81.22
  prof('services.chimney', 'spazzacamino e stufe', 'chimney sweep and stoves', {
    local: true,
    names: 'spazzacamino|spazzacamini|pulizia canne fumarie|stufe a pellet|installazione stufe',
    enNames: 'chimney sweep|chimney cleaning|stove installer|wood burner installer',
    cues: 'camino|canna fumaria|stufa|pellet|fumo:0.4|fuliggine|legna:0.3',
    enCues: 'chimney|flue|stove|wood burner|smoke:0.4|soot|firewood:0.3',
    rel: { 'build.heating': 0.4 },
  }),
  // Septic tanks, drains · ATECO 37.00
  prof('services.drain_emptying', 'spurgo pozzi neri e fognature', 'septic tank and sewer emptying', {
    local: true,
    names: 'spurgo|spurghi|autospurgo|spurgo pozzi neri|videoispezione fognature|pulizia fognature',
    enNames: 'septic tank emptying|drain clearance|sewer cleaning|cctv drain survey',
    cues: 'pozzo nero|fossa biologica|fogna|fognatura|tombino|cattivo odore:0.4|puzza:0.4|liquami|intasato:0.3',
    enCues: 'septic tank|cesspit|sewer|manhole|bad smell:0.4|smell:0.25|sewage|blocked drain:0.5',
    rel: { 'build.plumbing': 0.6 },
  }),
  // Tailors, dressmakers, shoe repairers · ISCO 7531, 7536 · ATECO 95.29
  prof('services.tailoring', 'sartoria e riparazioni', 'tailoring and repairs', {
    local: true,
    names: 'sarto|sarta|sarti|sartoria|sartoria su misura|calzolaio|calzolai|riparazioni sartoriali|orlo e riparazioni|modista',
    enNames: 'tailor|tailors|dressmaker|seamstress|alterations|shoe repair|cobbler|cobblers',
    does: 'riparazioni sartoriali|orli|accorciare pantaloni|stringere|abiti su misura|cambio cerniere|risuolatura',
    enDoes: 'alterations|hemming|take in|bespoke suits|zip replacement|resoling',
    cues: 'pantaloni|giacca|vestito|abito|gonna|cerniera|orlo|+accorciare|+stringere:0.3|scarpe:0.3|tacchi|suola|stoffa|tessuto:0.25|bottoni|strappo',
    enCues:
      'trousers|pants:0.3|jacket|suit:0.3|dress|skirt|zip|zipper|hem|+shorten|shoes:0.3|heel|sole|fabric:0.25|buttons|tear:0.25',
  }),
  // Upholsterers · ISCO 7534
  prof('services.upholstery', 'tappezziere', 'upholsterer', {
    local: true,
    names: 'tappezziere|tappezzieri|tappezzeria|rifacimento divani|tende su misura|tendaggi',
    enNames: 'upholsterer|upholstery|reupholstery|curtain maker|soft furnishings',
    cues: 'divano|divani|poltrona|poltrone|sedie:0.3|imbottitura|tende:0.4|cuscini:0.3|rivestimento',
    enCues: 'sofa|couch|armchair|chairs:0.3|cushions:0.3|curtains:0.4|upholstery|reupholster',
  }),
  // Appliance and electronics repair · ISCO 7421/7422 · ATECO 95.21, 95.22
  prof('services.appliance_repair', 'riparazione elettrodomestici ed elettronica', 'appliance and electronics repair', {
    local: true,
    names:
      'riparazione elettrodomestici|tecnico elettrodomestici|assistenza elettrodomestici|riparazione smartphone|riparazione cellulari|riparazione computer|laboratorio di riparazione',
    enNames: 'appliance repair|appliance engineer|phone repair|laptop repair|electronics repair|repair shop',
    cues: 'lavatrice|lavastoviglie|frigorifero|frigo|forno|asciugatrice|televisore|schermo rotto|telefono rotto|cellulare:0.3|smartphone:0.3|rotto:0.25|non funziona:0.25|non si accende:0.4',
    enCues:
      'washing machine|dishwasher|fridge|freezer|oven|dryer|tv:0.3|cracked screen|broken screen|broken:0.25|phone:0.25|won t turn on:0.4|doesn t work:0.25',
  }),
  // Metalwork · ISCO 7212/7214 · ATECO 25.11, 25.62
  prof('mfg.metalwork', 'carpenteria metallica e lavorazione lamiera', 'metal fabrication and sheet metal', {
    names:
      'carpenteria metallica|carpenterie metalliche|saldatore|saldatori|saldocarpenteria|lavorazione lamiera|lattoneria|taglio laser|piegatura lamiera|strutture in acciaio',
    enNames: 'metal fabrication|metal fabricator|welder|welders|welding|sheet metal|steel fabrication|laser cutting',
    does: 'saldatura|saldature|taglio laser|piegatura|strutture metalliche|soppalchi in ferro|scaffalature su misura|tettoie in ferro',
    enDoes: 'welding|laser cutting|sheet metal bending|steel structures|mezzanine floors|metal frames',
    cues: 'acciaio|ferro|lamiera|inox|alluminio:0.3|saldare|+saldare|telaio|struttura metallica',
    enCues: 'steel|iron|sheet metal|stainless|aluminium:0.3|aluminum:0.3|+weld|frame:0.25|bracket',
  }),
  // Machining · ISCO 7223 · ATECO 25.62
  prof('mfg.cnc', 'lavorazioni meccaniche CNC', 'CNC machining', {
    names:
      'officina meccanica|officine meccaniche|tornitore|tornitori|fresatore|fresatori|torneria|lavorazioni meccaniche|meccanica di precisione|lavorazioni cnc|centro di lavoro',
    enNames: 'machine shop|machinist|machinists|cnc machining|precision engineering|turning and milling|cnc shop',
    does: 'tornitura|fresatura|rettifica|lavorazioni conto terzi|pezzi a disegno|piccole serie|prototipi meccanici|ricambi su disegno',
    enDoes: 'turning|milling|grinding|contract machining|parts to drawing|small batches|machined parts',
    cues: 'pezzi:0.3|pezzo:0.25|componenti:0.25|disegno tecnico|tolleranze|alluminio:0.25|acciaio:0.2|ottone|filettatura|stampi:0.3',
    enCues: 'parts:0.25|part:0.2|components:0.25|drawings:0.3|tolerances|aluminium:0.25|brass|thread:0.2|batch:0.2',
  }),
  // Jewellers · ISCO 7313 · ATECO 32.12
  prof('mfg.jewelry', 'gioielli e oreficeria', 'jewellery and goldsmiths', {
    names: 'orafo|orafa|orafi|oreficeria|gioielliere|gioielleria|orologiaio|incastonatore',
    enNames: 'jeweller|jeweler|goldsmith|silversmith|jewellery maker|watchmaker|watch repair',
    cues: 'anello|anelli|collana|bracciale|orecchini|fede|oro|argento|orologio|gioiello|gioielli',
    enCues: 'ring|rings|necklace|bracelet|earrings|wedding band|gold|silver|watch:0.3|jewellery|jewelry',
  }),
  // Printing · ISCO 7322 · ATECO 18.12
  prof('mfg.printing', 'tipografia e stampa', 'printing', {
    names: 'tipografia|tipografo|tipografi|stamperia|copisteria|centro stampa|stampa digitale|litografia|serigrafia',
    enNames: 'printer|printers|print shop|printing company|print house|copy shop|screen printing',
    does: 'stampa volantini|stampa biglietti da visita|stampa cataloghi|stampa etichette|stampa manifesti|stampa brochure|stampa grande formato|rilegatura',
    enDoes:
      'flyer printing|business card printing|catalogue printing|label printing|poster printing|large format printing|binding',
    cues: 'volantini|volantino|brochure|depliant|manifesti|locandine|biglietti da visita|etichette adesive|stampare|+stampare|copie|carta:0.2|rilegatura|tesi:0.3',
    enCues: 'flyers|flyer|leaflets|brochures|posters|business cards|stickers|+print:0.35|copies|binding',
  }),
  // Restoration and conservation · ISCO 2621/7549 · ATECO 90.03
  prof('craft.restoration', 'restauro', 'restoration', {
    names: 'restauratore|restauratrice|restauratori|restauro|laboratorio di restauro',
    enNames: 'restorer|restoration|conservator|conservation studio',
    does: 'restauro mobili|restauro dipinti|restauro affreschi|restauro di opere d arte|doratura',
    enDoes: 'furniture restoration|painting restoration|fresco restoration|gilding',
    cues: 'antico|antichi|quadro|dipinto|affresco|cornice|tarli|mobile antico|opera d arte',
    enCues: 'antique|antiques|painting:0.3|fresco|frame:0.2|woodworm|artwork',
  }),
  // Driving schools · ISCO 5165 · ATECO 85.53
  prof('services.driving_school', 'autoscuola e patenti', 'driving school and licences', {
    local: true,
    names: 'autoscuola|autoscuole|istruttore di guida|scuola guida|agenzia patenti',
    enNames: 'driving school|driving instructor|driving lessons',
    cues: 'patente|esame di guida|foglio rosa|lezioni di guida|cqc|patente nautica',
    enCues: 'driving licence|driving license|driving test|learner driver|driving lessons',
  }),
  // Vehicle paperwork agencies (pratiche auto), permits for restricted traffic zones · ATECO 82.99
  prof('gov.vehicle_paperwork', 'pratiche auto e permessi di circolazione', 'vehicle paperwork and traffic permits', {
    names:
      'agenzia pratiche auto|pratiche automobilistiche|studio di consulenza automobilistica|agenzia pratiche|delegazione aci',
    enNames: 'vehicle registration agency|car paperwork agency|vehicle licensing',
    does: 'passaggio di proprieta|passaggi di proprieta|immatricolazione|immatricolazioni|permesso ztl|permessi ztl|pass ztl|pass disabili|rinnovo patente|duplicato libretto|radiazione|bollo auto',
    enDoes: 'vehicle registration|change of ownership|traffic zone permit|restricted zone permit|licence renewal|road tax',
    cues: 'ztl|zona a traffico limitato|centro storico:0.35|varchi:0.45|varco:0.45|multa:0.3|multe:0.3|+multare:0.35|targa|libretto:0.3|passaggio di proprieta|immatricolare|furgone:0.2|accesso:0.2',
    enCues:
      'restricted traffic zone|low emission zone|historic centre:0.35|historic center:0.35|city centre:0.2|fined:0.35|fine:0.25|fines:0.3|+fine:0.3|number plate|registration:0.3|permit:0.3|camera:0.15',
    rel: { 'legal.fines': 0.4, 'gov.pa_bureaucracy': 0.4 },
  }),
];
