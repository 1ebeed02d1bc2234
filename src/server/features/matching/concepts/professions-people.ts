/**
 * Professions catalogue, part 2: health, care, education, personal services, animals, food,
 * hospitality, tourism and events (ISCO-08 major groups 2 (22, 23), 3 (32, 34), 5; CP2021 groups
 * 2.4, 2.6, 3.2, 5.4, 5.5; ATECO I, P, Q, R, S 96). Top-down: names, services, and what brings a
 * client, in the client's words.
 */
import { prof, type ConceptDef } from './types.ts';

export const PROFESSIONS_PEOPLE: ConceptDef[] = [
  // ISCO 2211/2212 medical doctors · CP 2.4.1 · ATECO 86.2
  prof('health.medical', 'sanità e studi medici', 'healthcare and medical practices', {
    code: 'ISCO 2211/2212 · CP 2.4.1 · ATECO 86.21, 86.22',
    local: true,
    names:
      'medico|medica|medici|dottore:0.3|medico di base|medico di famiglia|specialista:0.3|poliambulatorio|studio medico|clinica|cardiologo|dermatologo|ortopedico|ginecologo|pediatra|oculista|otorino|neurologo|medico del lavoro|medico competente',
    enNames:
      'doctor|doctors|physician|gp|general practitioner|medical practice|clinic|cardiologist|dermatologist|orthopaedist|gynaecologist|paediatrician|pediatrician|eye doctor|occupational physician',
    does: 'visite mediche|visita specialistica|certificato medico|sorveglianza sanitaria|visite di idoneita|check up',
    enDoes: 'medical check|check-up|medical certificate|occupational health|health surveillance',
    cues: 'checkup|dolore:0.3|febbre|sintomi|visita:0.3|analisi del sangue|esami:0.25|pressione alta|diagnosi|malattia|mal di testa:0.35|pelle:0.25|macchia sulla pelle:0.5|allergia',
    enCues: 'pain:0.25|fever|symptoms|checkup|blood test|diagnosis|illness|headache:0.35|rash|allergy|skin:0.2',
  }),
  // ISCO 2261 dentists · ATECO 86.23
  prof('health.dental', 'studi dentistici', 'dental practices', {
    local: true,
    names: 'dentista|dentisti|odontoiatra|odontoiatri|studio dentistico|ortodontista|igienista dentale|odontotecnico',
    enNames: 'dentist|dentists|dental practice|dental clinic|orthodontist|dental hygienist',
    does: 'pulizia dei denti|igiene orale|otturazione|impianti dentali|apparecchio|sbiancamento|devitalizzazione',
    enDoes: 'teeth cleaning|filling|fillings|dental implants|braces|teeth whitening|root canal',
    cues: 'dente|denti|mal di denti|gengive|carie|apparecchio|dentiera|sorriso:0.3',
    enCues: 'tooth|teeth|toothache|gums|cavity|braces|dentures|smile:0.25',
  }),
  // ISCO 2262 pharmacists · ATECO 47.73
  prof('health.pharmacy', 'farmacia', 'pharmacy', {
    local: true,
    names: 'farmacista|farmacisti|farmacia|farmacie|parafarmacia',
    enNames: 'pharmacist|pharmacists|pharmacy|chemist|drugstore',
    cues: 'farmaco|farmaci|medicine|ricetta:0.3|integratori',
    enCues: 'medicine|medicines|prescription|drugs:0.3|supplements',
  }),
  // ISCO 2634 psychologists · CP 2.5.3.3 · ATECO 86.90
  prof('health.psychology', 'psicologia e psicoterapia', 'psychologist and psychotherapy', {
    local: true,
    names:
      'psicologo|psicologa|psicologi|psicoterapeuta|psicoterapeuti|psicoterapia|psichiatra|psicanalista|counselor|counsellor|terapeuta:0.5',
    enNames:
      'psychologist|psychologists|psychotherapist|therapist|therapy|counsellor|counselor|psychiatrist|counselling|counseling',
    does: 'sostegno psicologico|supporto psicologico|terapia di coppia|psicoterapia online|colloqui psicologici',
    enDoes: 'talking therapy|couples therapy|online therapy|mental health support|cbt',
    cues: 'ansia:0.5|ansioso|ansiosa|attacchi di panico|panico|depressione|depresso|depressa|stress:0.35|+dormire & non:0.4|insonnia|tristezza|lutto|crisi:0.2|burnout|esaurito|esaurimento|autostima|+piangere',
    enCues:
      'anxiety|anxious|panic attacks|panic|depression|depressed|stress:0.35|sleep:0.3|insomnia|sad:0.3|grief|burnout|burnt out|self-esteem|overwhelmed:0.3',
  }),
  // ISCO 2264 physiotherapists · CP 3.2.1.2 · ATECO 86.90
  prof('health.physio', 'fisioterapia e postura', 'physiotherapy and posture', {
    local: true,
    names:
      'fisioterapista|fisioterapisti|fisioterapia|osteopata|osteopati|osteopatia|chiropratico|massoterapista|massaggiatore|posturologo|chinesiologo|riabilitazione',
    enNames:
      'physiotherapist|physio|physiotherapy|physical therapist|osteopath|chiropractor|sports massage|massage therapist|rehab',
    does: 'riabilitazione|massaggi|rieducazione posturale|terapia manuale|tecar|onde d urto',
    enDoes: 'rehabilitation|sports massage|manual therapy|posture correction',
    cues: 'mal di schiena|schiena|cervicale|collo:0.3|spalla|ginocchio|caviglia|lombare|sciatica|postura|contrattura|+infortunare|infortunio:0.4|distorsione|dolore:0.3|tendinite|scrivania:0.25|seduto:0.25',
    enCues:
      'back pain|back:0.3|neck:0.3|shoulder|knee|ankle|lower back|sciatica|posture|injury:0.4|sprain|pain:0.3|tendinitis|stiff:0.3|desk:0.2|sitting:0.25',
  }),
  // ISCO 2266 audiologists and speech therapists · CP 3.2.1.2.3
  prof('health.speech_therapy', 'logopedia', 'speech therapy', {
    local: true,
    names: 'logopedista|logopediste|logopedisti|logopedia|foniatra',
    enNames: 'speech therapist|speech and language therapist|speech therapy|speech pathologist',
    cues: 'pronuncia|+pronunciare|balbuzie|balbetta|+balbettare|linguaggio:0.4|parlare:0.2|deglutizione|dislessia:0.3|non parla:0.5',
    enCues: 'pronounce|pronunciation|stutter|stuttering|lisp|speech:0.4|language delay|talking:0.2|swallowing',
  }),
  // ISCO 2265 dieticians · CP 2.4.1
  prof('health.nutrition', 'nutrizionista e alimentazione', 'nutrition and dietetics', {
    names: 'nutrizionista|nutrizionisti|dietista|dietologo|biologo nutrizionista|educazione alimentare',
    enNames: 'nutritionist|nutritionists|dietitian|dietician|nutrition coach',
    does: 'piano alimentare|piani alimentari|dieta personalizzata|consulenza nutrizionale',
    enDoes: 'meal plan|meal plans|diet plan|nutrition advice',
    cues: 'dieta|+dimagrire|peso:0.35|chili:0.35|sovrappeso|alimentazione|mangiare:0.3|colesterolo|intolleranze',
    enCues: 'diet|lose weight|weight:0.3|overweight|eating:0.3|nutrition|cholesterol|intolerance',
  }),
  // Opticians · ISCO 2267/3254 · ATECO 47.78
  prof('health.optician', 'ottico e optometria', 'optician and optometry', {
    local: true,
    names: 'ottico|ottica|ottici|optometrista|ortottista',
    enNames: 'optician|opticians|optometrist|optometrists',
    does: 'esame della vista|occhiali da vista|lenti a contatto',
    enDoes: 'eye test|eye exam|glasses|contact lenses',
    cues: 'occhiali|lenti|vista:0.3|ci vedo male:0.6|miopia|presbiopia',
    enCues: 'glasses|lenses|eyesight|eye test|short-sighted|reading glasses',
  }),
  // Veterinarians · ISCO 2250 · ATECO 75.00; pet services · ATECO 96.09
  prof('health.veterinary', 'veterinari e animali', 'vets and pet services', {
    local: true,
    names:
      'veterinario|veterinaria|veterinari|clinica veterinaria|ambulatorio veterinario|toelettatura|toelettatore|dog sitter|pet sitter|addestratore cinofilo|educatore cinofilo|pensione per cani',
    enNames:
      'vet|vets|veterinarian|veterinary|veterinary clinic|animal hospital|dog groomer|pet groomer|dog walker|pet sitter|dog trainer|kennels',
    cues: 'cane|cani|gatto|gatti|cucciolo|gattino|animale|animali|cavallo|vaccino:0.3|zoppica|non mangia:0.3',
    enCues: 'dog|dogs|cat|cats|puppy|kitten|pet|pets|horse|limping|vaccination:0.3',
  }),
  // Elderly and home care · ISCO 5322 · ATECO 88.10
  prof('health.elderly_care', 'assistenza anziani e badanti', 'elderly care and carers', {
    local: true,
    names:
      'badante|badanti|assistenza domiciliare|oss|operatore socio sanitario|infermiere|infermiera|infermieri|casa di riposo|rsa',
    enNames: 'carer|carers|caregiver|home care|care worker|nurse|nurses|care home|nursing home',
    cues: 'anziano|anziana|anziani|mamma anziana:0.6|papa anziano:0.6|nonna|nonno|alzheimer|demenza|non autosufficiente|assistenza notturna|+accudire',
    enCues: 'elderly|old mum:0.5|old dad:0.5|grandmother|grandfather|dementia|alzheimer|bedridden|home help',
  }),
  // Child care · ISCO 5311 · ATECO 88.91
  prof('health.childcare', 'asili, babysitter e servizi per famiglie', 'childcare and family services', {
    local: true,
    names: 'babysitter|baby sitter|tata|tate|asilo nido|nido|ludoteca|educatrice|educatore|doposcuola|centro estivo',
    enNames: 'babysitter|nanny|nannies|childminder|nursery|daycare|day care|after-school club|summer camp',
    cues: 'bambini:0.3|bambino:0.3|figlio:0.25|figlia:0.25|neonato|+accompagnare:0.2|pomeriggi:0.2',
    enCues: 'children:0.3|kids:0.3|child:0.3|baby:0.3|toddler|school run:0.4|afternoons:0.2',
  }),
  // ISCO 5141/5142 hairdressers, beauticians · ATECO 96.02
  prof('health.beauty_salon', 'saloni di bellezza', 'beauty salons', {
    local: true,
    names:
      'parrucchiere|parrucchiera|parrucchieri|barbiere|barbieri|estetista|estetiste|centro estetico|salone di bellezza|onicotecnica|truccatrice|make up artist|hair stylist',
    enNames:
      'hairdresser|hairdressers|barber|barbers|beautician|beauty salon|nail technician|make-up artist|makeup artist|hair stylist',
    does: 'taglio capelli|piega|colore capelli|manicure|pedicure|ceretta|trucco sposa|trattamenti viso',
    enDoes: 'haircut|hair colouring|manicure|pedicure|waxing|bridal make-up|facials',
    cues: 'capelli|unghie|trucco|ceretta|barba|viso:0.25|pelle:0.2|a domicilio:0.2',
    enCues: 'hair|nails|make-up|makeup|waxing|beard|facial|skin:0.2',
  }),
  // Tattoo artists · ATECO 96.09
  prof('services.tattoo', 'tatuaggi e piercing', 'tattoos and piercing', {
    local: true,
    names: 'tatuatore|tatuatrice|tatuatori|tattoo artist|studio tattoo|piercer',
    enNames: 'tattoo artist|tattoo artists|tattooist|tattoo studio|tattoo parlour|piercer',
    cues: 'tatuaggio|tatuaggi|tattoo|piercing',
    enCues: 'tattoo|tattoos|piercing',
  }),
  // ISCO 3422 sports coaches, fitness instructors · ATECO 93.13
  prof('health.fitness', 'palestre e fitness', 'gyms and fitness', {
    local: true,
    names:
      'personal trainer|preparatore atletico|istruttore|istruttrice|palestra|palestre|insegnante di yoga|istruttore di pilates|allenatore|allenatrice',
    enNames: 'personal trainer|fitness instructor|gym|gyms|yoga teacher|pilates instructor|coach:0.3|strength coach',
    cues: 'allenamento|+allenare|forma fisica|muscoli|correre:0.3|maratona|yoga|pilates|+dimagrire:0.3|sedentario',
    enCues: 'workout|training:0.2|fitness|get fit|muscles|running:0.3|marathon|yoga|pilates|sedentary',
  }),
  // Music and arts teachers, musicians · ISCO 2354/2652 · ATECO 85.52, 90.01
  prof('media.music', 'musica e intrattenimento', 'music and entertainment', {
    names:
      'musicista|musicisti|insegnante di musica|insegnante di pianoforte|insegnante di chitarra|maestro di musica|scuola di musica|=band|cantante|dj|animatore|animatori|orchestra',
    enNames:
      'musician|musicians|music teacher|piano teacher|guitar teacher|music school|singer|=band|dj|entertainer|entertainers',
    does: 'lezioni di musica|lezioni di pianoforte|lezioni di chitarra|lezioni di canto|musica dal vivo|animazione feste',
    enDoes: 'music lessons|piano lessons|guitar lessons|singing lessons|live music|party entertainment',
    cues: 'pianoforte|piano:0.3|chitarra|violino|batteria:0.2|canto|musica|concerto|festa:0.2',
    enCues: 'piano|guitar|violin|drums|singing|music|concert|party:0.2',
  }),
  // Tutors and teachers · ISCO 2359/2341 · ATECO 85.59
  prof('train.tutoring', 'ripetizioni e tutoring', 'tutoring and private lessons', {
    names: 'insegnante|insegnanti|professore|professoressa|docente|tutor|ripetizioni|doposcuola|tutor dsa|educatore|pedagogista',
    enNames: 'teacher|teachers|tutor|tutors|private tutor|tutoring|private lessons',
    does: 'lezioni private|ripetizioni di matematica|preparazione esami|recupero debiti|aiuto compiti|metodo di studio',
    enDoes: 'private lessons|maths tutoring|exam preparation|homework help|study skills',
    cues: 'matematica|fisica:0.3|latino|greco:0.25|compiti|verifica:0.2|voti|bocciato|debito:0.2|esame:0.25|maturita|universita:0.2|dsa|dislessia:0.3',
    enCues: 'maths|math|physics:0.3|homework|grades|exam:0.25|exams:0.25|gcse|failing:0.25|dyslexia:0.3',
  }),
  // Language teachers · ISCO 2353 · ATECO 85.59
  prof('train.languages', 'corsi di lingua', 'language training', {
    names:
      'insegnante di inglese|insegnante di lingue|docente di inglese|scuola di lingue|madrelingua inglese|insegnante di italiano|insegnante di tedesco|insegnante di spagnolo',
    enNames: 'english teacher|language teacher|language school|italian teacher|esl teacher|tefl|celta',
    does: 'lezioni di inglese|corso di inglese|inglese commerciale|business english|conversazione in inglese|preparazione ielts|corso di italiano per stranieri',
    enDoes: 'english lessons|business english|conversation practice|ielts preparation|italian lessons|language courses',
    cues: 'inglese:0.35|tedesco:0.3|spagnolo:0.3|francese:0.3|cinese:0.25|conversazione:0.3|colloquio:0.25|grammatica|pronuncia:0.3|ielts|toefl|cambridge',
    enCues: 'english:0.3|italian:0.25|german:0.25|spanish:0.25|conversation:0.3|interview:0.25|grammar|accent:0.25|ielts|toefl',
  }),
  // ISCO 5120 cooks · 3434 chefs · ATECO 56.21
  prof('event.catering', 'catering', 'catering', {
    local: true,
    names: 'catering|servizio catering|banqueting|chef a domicilio|cuoco a domicilio|rosticceria|gastronomia',
    enNames: 'caterer|caterers|catering|catering company|private chef|banqueting',
    does: 'catering per eventi|buffet|pranzi aziendali|cene aziendali|coffee break|aperitivi|rinfresco|finger food',
    enDoes: 'event catering|buffet|corporate lunches|company dinner|coffee break|canapes|drinks reception',
    cues: 'cena:0.35|pranzo:0.3|buffet|rinfresco|aperitivo:0.3|persone:0.1|ospiti:0.3|invitati:0.3|menu:0.3|torta:0.2|festa:0.25',
    enCues: 'dinner:0.35|lunch:0.3|buffet|canapes|guests:0.3|menu:0.3|party:0.25|food for:0.3',
  }),
  // Event planners · ISCO 3332 · ATECO 82.30
  prof('event.management', 'organizzazione eventi', 'event management', {
    local: true,
    names:
      'organizzatore di eventi|organizzatrice di eventi|event planner|event manager|agenzia eventi|organizzazione eventi|wedding planner',
    enNames: 'event planner|event planners|event manager|events agency|event organiser|event organizer|party planner',
    does: 'organizzazione di feste|feste aziendali|convention|congressi|inaugurazioni|cene di gala|eventi aziendali',
    enDoes: 'corporate events|parties|conferences|launch events|gala dinners|product launches',
    cues: 'evento|eventi|festa|feste|+organizzare:0.3|inaugurazione|anniversario|compleanno|location:0.3|invitati:0.3|ospiti:0.25',
    enCues: 'event|events|party|parties|+organise:0.3|+organize:0.3|launch:0.2|anniversary|birthday|venue:0.3|guests:0.25',
  }),
  // Wedding planners · ATECO 96.09
  prof('hosp.wedding', 'matrimoni e wedding planning', 'weddings and wedding planning', {
    local: true,
    names: 'wedding planner|organizzazione matrimoni|matrimoni|sposi|atelier sposa|fiorista per matrimoni',
    enNames: 'wedding planner|wedding planners|weddings|bridal|wedding organiser|wedding venue',
    cues: 'matrimonio|nozze|sposa|sposo|sposarsi|+sposare|ci sposiamo:0.7|ricevimento|bomboniere|fiori:0.25',
    enCues: 'wedding|marriage:0.35|bride|groom|married:0.45|reception:0.25|bridal|flowers:0.2',
    rel: { 'event.management': 0.5 },
  }),
  // Photographers · ISCO 3431 · ATECO 74.20
  prof('media.photo', 'fotografia', 'photography', {
    names: 'fotografo|fotografa|fotografi|studio fotografico|fotografo professionista|fotoreporter',
    enNames: 'photographer|photographers|photography|photo studio|photography studio',
    does: 'servizio fotografico|servizi fotografici|foto di prodotto|still life|ritratti|foto aziendali|book fotografico|foto per cataloghi|shooting',
    enDoes: 'photo shoot|product photography|product photos|portraits|headshots|corporate photography|catalogue photography',
    cues: 'foto|fotografie|scatti|shooting|ritratto|sfondo bianco|immagini:0.3|catalogo:0.2|book',
    enCues: 'photos|photo|pictures|shoot|headshot|portrait|white background|images:0.3|catalogue:0.2',
  }),
  // Wedding and event photographers
  prof('media.photo_events', 'fotografia per eventi e matrimoni', 'event and wedding photography', {
    names: 'fotografo di matrimoni|fotografo per matrimoni|fotografo eventi|fotografo di eventi|wedding photographer',
    enNames: 'wedding photographer|event photographer|wedding photography|event photography',
    cues: 'matrimonio:0.35|evento:0.3|foto:0.3|album',
    enCues: 'wedding:0.35|event:0.3|photos:0.3|album',
    rel: { 'media.photo': 0.7 },
  }),
  // Tour guides, travel agencies · ISCO 5113, 4221 · ATECO 79.11, 79.12, 79.90
  prof('hosp.tour_guide', 'guide turistiche ed esperienze', 'tour guides and experiences', {
    names: 'guida turistica|guide turistiche|accompagnatore turistico|guida escursionistica|guida alpina|tour operator',
    enNames: 'tour guide|tour guides|tourist guide|walking tours|mountain guide|tour operator',
    does: 'visite guidate|tour guidati|escursioni|tour enogastronomici',
    enDoes: 'guided tours|walking tours|day trips|food tours|excursions',
    cues: 'visita guidata|turisti|museo|escursione|+visitare:0.3|itinerario',
    enCues: 'guided tour|tourists|museum|excursion|sightseeing|itinerary',
  }),
  prof('hosp.travel_agency', 'agenzia viaggi', 'travel agency', {
    names: 'agenzia viaggi|agenzia di viaggi|agente di viaggio|consulente di viaggio|viaggi organizzati',
    enNames: 'travel agency|travel agent|travel agents|travel consultant|tour operator',
    does: 'viaggi di gruppo|pacchetti vacanza|biglietteria aerea|viaggi di nozze|viaggi aziendali',
    enDoes: 'group travel|holiday packages|flight booking|honeymoons|business travel',
    cues: 'viaggio|viaggi|vacanza|vacanze|volo|voli|hotel:0.2|crociera|luna di miele',
    enCues: 'trip|travel|holiday|holidays|flights|flight|cruise|honeymoon',
  }),
  // Hotels, B&B · ISCO 1411 · ATECO 55.10, 55.20
  prof('hosp.hotel', 'ospitalità e alberghi', 'hospitality and hotels', {
    names:
      'albergo|alberghi|hotel|albergatore|albergatrice|bed and breakfast|b&b|agriturismo|resort|ostello|direttore d albergo|hotel manager',
    enNames: 'hotel|hotels|hotelier|bed and breakfast|guest house|resort|hostel|hotel manager|general manager at hotel',
    cues: 'camere:0.3|ospiti:0.2|pernottamento|check-in:0.3|reception:0.2',
    enCues: 'rooms:0.25|guests:0.2|overnight stay|check-in:0.3|reception:0.2',
  }),
  // Restaurants, bars · ISCO 1412, 5120 · ATECO 56.10, 56.30
  prof('hosp.restaurant', 'ristoranti, bar e locali', 'restaurants, bars and venues', {
    names:
      'ristorante|ristoranti|ristoratore|ristoratrice|trattoria|osteria|pizzeria|bar|pub|enoteca|cuoco|cuoca|chef|pasticceria:0.4|locale:0.3',
    enNames: 'restaurant|restaurants|restaurateur|bar|pub|bistro|cafe|chef|cook|eatery|wine bar',
    cues: 'tavoli|coperti|menu:0.3|cucina:0.2|sala:0.2|cameriere:0.3|camerieri:0.3',
    enCues: 'tables:0.25|covers:0.3|menu:0.3|kitchen:0.15|waiters:0.3',
  }),
  // Oenologists and sommeliers · ISCO 2132/5132 · ATECO 74.90
  prof('food.oenology', 'enologia e consulenza in cantina', 'oenology and winemaking advice', {
    names: 'enologo|enologa|enologi|enologia|consulente enologico|sommelier|cantiniere|mastro cantiniere',
    enNames: 'winemaker|oenologist|enologist|winemaking consultant|sommelier|cellar master',
    does: 'consulenza enologica|vinificazione|corsi di degustazione|degustazioni|analisi del vino|assemblaggi',
    enDoes: 'winemaking|wine consulting|wine tasting courses|tastings|wine analysis|blending',
    cues: 'vendemmia|vinificazione|mosto|fermentazione|botti|cantina:0.3|vino:0.3|vini:0.3|uva:0.3|degustazione',
    enCues: 'harvest:0.3|vintage:0.3|fermentation|barrels|cellar:0.3|wine:0.3|grapes:0.3|tasting',
    rel: { 'food.wine': 0.5 },
  }),
  prof('food.wine', 'vino e cantine', 'wine and wineries', {
    names: 'cantina|cantine|viticoltore|vignaiolo|azienda vinicola|produttore di vino|enoteca:0.5',
    enNames: 'winery|wineries|vineyard|wine producer|wine estate',
    cues: 'vino|vini|vigna|vigneto|uva|imbottigliare|etichetta del vino',
    enCues: 'wine|wines|vines|vineyard|grapes|bottling',
  }),
  // Agronomists · ISCO 2132 · ATECO 01.61, 74.90
  prof('agri.agronomist', 'agronomia e consulenza agricola', 'agronomist and farm advice', {
    names: 'agronomo|agronoma|agronomi|dottore agronomo|perito agrario|tecnico agrario|consulente agricolo',
    enNames: 'agronomist|agronomists|farm adviser|farm advisor|agricultural consultant',
    does: 'piani di concimazione|consulenza agronomica|difesa fitosanitaria|domande psr|fascicolo aziendale|pac',
    enDoes: 'crop advice|soil analysis|fertiliser plans|farm subsidy applications',
    cues: 'coltivazione|coltivazioni|raccolto|terreno:0.3|concime|fertilizzante|parassiti:0.3|malattie delle piante|uliveto|frutteto|serra|campi:0.3|azienda agricola:0.5|contributi agricoli',
    enCues: 'crops|crop|harvest:0.3|soil|fertiliser|fertilizer|pests:0.3|plant disease|orchard|greenhouse|fields:0.3|farm:0.35',
  }),
  // Farmers · ISCO 6111-6130 · ATECO 01
  prof('agri.farming', 'agricoltura e lavori agricoli', 'agriculture and farm work', {
    names:
      'agricoltore|agricoltrice|agricoltori|contadino|azienda agricola|allevatore|allevatrice|allevamento|coltivatore diretto|fattoria|masseria',
    enNames: 'farmer|farmers|farm|grower|growers|livestock farmer|dairy farmer',
    cues: 'campi:0.3|trattore|raccolto:0.3|stalla|bestiame|mucche|galline|ortaggi',
    enCues: 'fields:0.25|tractor|livestock|cattle|cows|chickens|vegetables:0.3',
  }),
];
