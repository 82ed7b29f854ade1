/**
 * Danish material for seeded documents: the demo documents' and the project template's own text
 * plus more of the same kind (municipal co-creation, consultations), combined per document so that
 * no two bodies are the same. `{sted}` and `{emne}` are filled in per document.
 */
export const PLACES = [
  'Søndermarken',
  'Vestbyen',
  'Nørre Lyndelse',
  'Havnekvarteret',
  'Rødkilde',
  'Bakkegården',
  'Kirkebjerg',
  'Østervang',
  'Stationsbyen',
  'Fjordparken',
  'Lindeskoven',
  'Engholm',
] as const;

export const TOPICS = [
  'fællesspisning i forsamlingshuset',
  'en ny legeplads ved skolen',
  'frivillig lektiehjælp',
  'et grønt fællesskab i byhaven',
  'ensomhed blandt ældre',
  'trafiksikker skolevej',
  'kulturnat for hele byen',
  'bedre busforbindelser om aftenen',
  'en åben værkstedsdag i biblioteket',
  'naturpleje langs åen',
  'motion for seniorer i idrætshallen',
  'velkomst til nye borgere',
  'ungdomsklub i de gamle stationsbygninger',
  'delebiler i boligområdet',
  'genbrugsmarked på torvet',
  'klimatilpasning af grønne områder',
] as const;

export const TITLE_FORMS = [
  'Projektforslag: {Emne} i {sted}',
  'Udkast: Politik for {emne}',
  'Høring: {Emne} i {sted}',
  'Notat om {emne}',
  'Handleplan for {emne} 2027',
  'Referat: Borgermøde om {emne} i {sted}',
] as const;

/** Paragraphs per section heading (the template's sections and the policy draft's). */
export const SECTIONS: ReadonlyArray<readonly [heading: string, paragraphs: readonly string[]]> = [
  [
    'Formål',
    [
      'Vi vil samle borgere på tværs af alder om {emne}, så færre sidder alene, og flere lærer deres naboer at kende.',
      'Projektet skal gøre {sted} til et sted, hvor det er let at tage del i fællesskabet, også for dem, der ikke plejer at komme.',
      'Formålet er at afprøve en ny måde at arbejde sammen på, hvor kommunen, foreningerne og borgerne deler ansvaret fra begyndelsen.',
      'Hvad vil projektet opnå, og for hvem? Vi svarer kort: flere aktive borgere og et stærkere lokalsamfund i {sted}.',
    ],
  ],
  [
    'Baggrund',
    [
      'Mange ældre i {sted} bor alene, og unge familier efterlyser mødesteder. Forsamlingshuset står tomt de fleste hverdage.',
      'Ved borgermødet i foråret pegede over halvdelen af deltagerne på {emne} som det vigtigste emne for de kommende år.',
      'Kommunens trivselsmåling viser, at færre end før kender deres naboer, og at især nytilflyttede savner en vej ind i foreningslivet.',
      'Der er allerede gode erfaringer fra nabokommunerne, hvor lignende initiativer har samlet både frivillige og fagpersoner.',
    ],
  ],
  [
    'Målgruppe',
    [
      'Alle borgere i lokalområdet, med særligt fokus på ældre, der bor alene, og nytilflyttede familier.',
      'Børn og unge i {sted} og deres forældre, samt de foreninger, der allerede arbejder med {emne}.',
      'Vi inddrager målgruppen gennem korte interviews, åbne workshops og en prøveperiode, hvor alle kan give feedback.',
    ],
  ],
  [
    'Partnere',
    [
      'Borgerforeningen står for indkøb og madlavning med frivillige, og den lokale købmand leverer råvarer til kostpris.',
      'Center for Borger & Branding hjælper med formidling og lokaler, og skolen stiller sine faciliteter til rådighed i weekenderne.',
      'Idrætsforeningen, menighedsrådet og ældresagen er med i styregruppen og bidrager med frivillige timer.',
    ],
  ],
  [
    'Aktiviteter',
    [
      'Fællesspisning hver anden torsdag kl. 17.30, madhold med skiftende frivillige og en gang i kvartalet en tema-aften med lokale fortællinger.',
      'Vi begynder med et opstartsmøde i august, afprøver formen i tre måneder og samler erfaringerne i en kort rapport til udvalget.',
      'Hver måned holder vi en åben dag, hvor alle kan komme forbi, spørge og melde sig som frivillig.',
    ],
  ],
  [
    'Økonomi',
    [
      'Deltagerbetaling på 40 kr. for voksne og 20 kr. for børn dækker råvarerne. Vi søger 15.000 kr. til køkkenudstyr.',
      'Projektet koster i alt 120.000 kr. over to år; halvdelen søges fra den lokale pulje, resten dækkes af fonde og egenbetaling.',
      'Kommunen stiller lokaler og en kontaktperson til rådighed; foreningerne bidrager med frivillige timer svarende til 300 timer om året.',
    ],
  ],
  [
    'Evaluering',
    [
      'Vi tæller deltagere, spørger til trivsel to gange om året og samler historier fra deltagerne i en kort feedbackmodel.',
      'Hvordan ved vi, om projektet lykkes? Vi ser efter flere gengangere, nye frivillige og færre, der svarer, at de ofte føler sig alene.',
      'Evalueringen laves sammen med deltagerne og fremlægges på et åbent møde, før vi beslutter, om projektet skal fortsætte.',
    ],
  ],
  [
    'Vision',
    [
      'Kommunen og civilsamfundet skaber løsninger sammen, til gavn for borgerne og med respekt for hinandens roller.',
      'I 2030 er {sted} kendt som et sted, hvor gode idéer fra borgerne bliver til virkelighed, fordi vejen fra idé til handling er kort.',
    ],
  ],
  [
    'Principper',
    [
      'Vi inviterer tidligt: borgere og foreninger er med, før løsningen er fastlagt.',
      'Vi sætter holdet sammen efter opgaven, ikke efter organisationsdiagrammet, og vi deler viden og værktøjer åbent, også når noget ikke lykkes.',
      'Vi evaluerer sammen og bruger feedback til at blive dygtigere.',
    ],
  ],
  [
    'Sådan arbejder vi',
    [
      'Nye initiativer kan komme fra både kommunen og aktører uden for organisationen. Hvert projekt får en kontaktperson i kommunen.',
      'Dette udkast er skrevet i fællesskab af medarbejdere, foreninger og borgere og sendes i åben høring, før byrådet beslutter.',
      'Høringssvar kan afgives direkte på teksten; alle svar bliver læst, besvaret og samlet i et høringsnotat til byrådet.',
    ],
  ],
];

/** What people write in comments, replies and suggestions. */
export const COMMENT_TEXTS = [
  'Godt forslag, men hvem står for rengøringen bagefter?',
  'Jeg savner en plan for, hvordan vi når de ældre, der ikke bruger internettet.',
  'Kan vi få tallene for deltagelse fra sidste år med her?',
  'Vores forening vil gerne være med som partner.',
  'Formuleringen er for vag. Hvad betyder det konkret for borgerne?',
  'Tak for et gennemarbejdet udkast. Vi bakker op om principperne.',
  'Det bør fremgå tydeligere, hvem der har ansvaret, hvis noget går galt.',
  'Hvad sker der med projektet, når bevillingen udløber?',
  'Vi foreslår, at børnefamilier får særlig rabat.',
  'Er der taget højde for tilgængelighed for kørestolsbrugere?',
  'Husk at inddrage de unge; de er sjældent med til borgermøder.',
  'Beløbet virker lavt sat i forhold til udgifterne til køkkenudstyr.',
] as const;

export const REPLY_TEXTS = [
  'Enig, det bør skrives ind.',
  'Tak for kommentaren, vi tager det med på næste møde.',
  'Det er allerede aftalt med skolen.',
  'Jeg er ikke enig: det vil gøre det sværere for de frivillige.',
  'Godt spørgsmål. Tallene kommer i næste version.',
  'Vi kan hjælpe med det i vores forening.',
] as const;

export const ANSWER_TEXTS = [
  'Kommentaren er indarbejdet i det reviderede udkast.',
  'Vi har delvist imødekommet forslaget; se afsnittet om økonomi.',
  'Forslaget ligger uden for rammerne af denne politik, men videregives til udvalget.',
] as const;

export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Lars',
  'Jens',
  'Peter',
  'Søren',
  'Kirsten',
  'Mads',
  'Freja',
  'Ida',
  'Emil',
  'Noah',
  'Sofie',
  'Karen',
  'Niels',
  'Aya',
  'Mohammed',
  'Ingrid',
  'Bjørn',
  'Ellen',
  'Øjvind',
  'Åse',
  'Camilla',
] as const;

export const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Madsen',
  'Kristensen',
  'Østergaard',
  'Holm',
  'Ali',
  'Nguyen',
] as const;

export const ORGANISATION_NAMES = [
  'Borgerforeningen {sted}',
  'Idrætsforeningen {sted}',
  'Ældresagen {sted}',
  'Grundejerforeningen {sted}',
  'Spejderne i {sted}',
  'Købmanden i {sted} ApS',
  'Center for Borger & Branding',
  'Kultur og Fritid, {sted}',
] as const;
