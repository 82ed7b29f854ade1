/**
 * The one message catalogue. Danish is the source: every key in `da` must exist in `en` (a
 * missing or extra key is a type error). Placeholders are written `{name}`.
 */

export const da = {
  'app.name': 'Samskriv',
  'app.tagline': 'Skriv sammen – borgere, foreninger, virksomheder og kommune',
  'app.description': 'Samskriv: skriv projektforslag og politikudkast sammen i realtid.',
  'nav.skipToContent': 'Gå til hovedindhold',
  'nav.allDocuments': 'Alle dokumenter',
  'header.writingAs': 'Du skriver som {name}',
  'header.changeName': 'Skift navn',

  'name.heading': 'Hvad hedder du?',
  'name.intro': 'Skriv det navn, de andre skal se, når I skriver sammen. Du kan skifte det senere.',
  'name.label': 'Dit navn',
  'name.hint': 'For eksempel dit fornavn eller din forenings navn. Højst 60 tegn.',
  'name.submit': 'Fortsæt',

  'start.heading': 'Dokumenter',
  'start.intro': 'Projektforslag og udkast, som I skriver sammen. Det nyeste står øverst.',
  'start.empty.heading': 'Her er ingen dokumenter endnu',
  'start.empty.body': 'Opret det første med formularen – for eksempel et projektforslag, som I skriver sammen.',
  'start.created': 'Oprettet {date} af {name}',
  'start.updated': 'Senest ændret {date}',
  'start.count.one': '1 dokument',
  'start.count.other': '{n} dokumenter',

  'rename.open': 'Omdøb',
  'rename.openLabel': 'Omdøb “{title}”',
  'rename.label': 'Ny titel',
  'rename.save': 'Gem titel',
  'rename.cancel': 'Annullér',
  'rename.done': 'Titlen er ændret til “{title}”.',

  'create.heading': 'Nyt dokument',
  'create.titleLabel': 'Titel',
  'create.titleHint': 'Højst 120 tegn. Du kan ændre den senere.',
  'create.templateLegend': 'Skabelon',
  'create.template.projektforslag': 'Projektforslag',
  'create.template.projektforslag.hint': 'Med afsnit til formål, baggrund, målgruppe, partnere, aktiviteter, økonomi og evaluering.',
  'create.template.blank': 'Tomt dokument',
  'create.template.blank.hint': 'Kun titlen – resten skriver I selv.',
  'create.submit': 'Opret dokument',

  'form.working': 'Et øjeblik…',

  'editor.loading': 'Henter dokumentet…',
  'editor.bodyLabel': 'Dokumentets tekst',
  'editor.readOnly': 'Kun læseadgang',
  'editor.reload': 'Genindlæs siden',

  'toolbar.label': 'Formatering',
  'toolbar.paragraph': 'Brødtekst',
  'toolbar.heading1': 'Overskrift 1',
  'toolbar.heading2': 'Overskrift 2',
  'toolbar.heading3': 'Overskrift 3',
  'toolbar.bold': 'Fed',
  'toolbar.italic': 'Kursiv',
  'toolbar.bulletList': 'Punktliste',
  'toolbar.orderedList': 'Nummereret liste',
  'toolbar.blockquote': 'Citat',
  'toolbar.link': 'Link',

  'link.label': 'Linkets adresse',
  'link.apply': 'Indsæt link',
  'link.remove': 'Fjern link',
  'link.cancel': 'Annullér',
  'link.invalid': 'Skriv en adresse, der begynder med https://, http:// eller mailto:',

  'presence.heading': 'Hvem er her',
  'presence.you': '{name} (dig)',

  'status.connecting': 'Forbinder…',
  'status.reconnecting': 'Forbinder igen…',
  'status.reconnecting.one': 'Forbinder igen… (1 ændring venter)',
  'status.reconnecting.other': 'Forbinder igen… ({n} ændringer venter)',
  'status.offline': 'Offline – ændringer gemmes når forbindelsen er tilbage',
  'status.saving.one': 'Gemmer … (1 ændring)',
  'status.saving.other': 'Gemmer … ({n} ændringer)',
  'status.saved': 'Gemt',
  'status.savedAt': 'Gemt kl. {time}',
  'status.connected': 'Forbundet',

  'closed.unauthenticated': 'Du har ikke adgang: adgangsnøglen mangler, er ugyldig eller er udløbet.',
  'closed.sessionExpired': 'Du er ikke længere logget ind. Genindlæs siden og skriv dit navn igen.',
  'closed.forbidden': 'Du har ikke adgang til dette dokument.',
  'closed.notFound': 'Dokumentet findes ikke.',
  'closed.badMessage': 'Forbindelsen blev afbrudt på grund af en fejl. Genindlæs siden.',
  'closed.tooLarge': 'En ændring var for stor til at blive gemt. Genindlæs siden.',
  'closed.other': 'Forbindelsen blev lukket af serveren (kode {code}). Genindlæs siden.',

  'embed.token.missing': 'Linket mangler en adgangsnøgle, så dokumentet kan ikke vises.',
  'embed.token.invalid': 'Adgangsnøglen i linket er ugyldig, så dokumentet kan ikke vises.',
  'embed.token.expired': 'Adgangsnøglen i linket er udløbet. Genindlæs siden, du kom fra, for at få en ny.',
  'embed.token.wrongDocument': 'Adgangsnøglen gælder et andet dokument.',
  'embed.poweredBy': 'Skrevet sammen i Samskriv',

  'notFound.heading': 'Siden findes ikke',
  'notFound.body': 'Dokumentet eller siden findes ikke. Måske er linket forkert, eller dokumentet er slettet.',
  'notFound.back': 'Til forsiden',

  'error.heading': 'Noget gik galt',
  'error.body': 'Siden kunne ikke vises. Prøv igen om lidt.',
  'error.retry': 'Prøv igen',

  'error.invalid_json': 'Forespørgslen kunne ikke læses.',
  'error.unsupported_media_type': 'Forespørgslen skal sendes som JSON.',
  'error.body_too_large': 'Forespørgslen er for stor.',
  'error.cross_origin': 'Forespørgslen kom fra et andet websted og blev afvist.',
  'error.unauthenticated': 'Skriv dit navn, før du fortsætter.',
  'error.not_found': 'Dokumentet findes ikke.',
  'error.invalid_input': 'Noget i formularen er ikke udfyldt rigtigt.',
  'error.name_required': 'Skriv dit navn.',
  'error.name_too_long': 'Navnet må højst være 60 tegn.',
  'error.name_invalid': 'Navnet indeholder tegn, der ikke kan bruges.',
  'error.title_required': 'Skriv en titel.',
  'error.title_too_long': 'Titlen må højst være 120 tegn.',
  'error.title_invalid': 'Titlen indeholder tegn, der ikke kan bruges.',
  'error.template_invalid': 'Vælg en skabelon.',
  'error.network': 'Der er ingen forbindelse til serveren. Prøv igen.',
  'error.internal': 'Noget gik galt på serveren. Prøv igen.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof da;
export type Messages = { readonly [K in MessageKey]: string };

export const en: Messages = {
  'app.name': 'Samskriv',
  'app.tagline': 'Write together – citizens, associations, businesses and the municipality',
  'app.description': 'Samskriv: write project proposals and policy drafts together in real time.',
  'nav.skipToContent': 'Skip to main content',
  'nav.allDocuments': 'All documents',
  'header.writingAs': 'You write as {name}',
  'header.changeName': 'Change name',

  'name.heading': 'What is your name?',
  'name.intro': 'Enter the name the others will see while you write together. You can change it later.',
  'name.label': 'Your name',
  'name.hint': 'For example your first name or your association’s name. At most 60 characters.',
  'name.submit': 'Continue',

  'start.heading': 'Documents',
  'start.intro': 'Project proposals and drafts you write together. The newest is at the top.',
  'start.empty.heading': 'There are no documents yet',
  'start.empty.body': 'Create the first one with the form – for example a project proposal you write together.',
  'start.created': 'Created {date} by {name}',
  'start.updated': 'Last changed {date}',
  'start.count.one': '1 document',
  'start.count.other': '{n} documents',

  'rename.open': 'Rename',
  'rename.openLabel': 'Rename “{title}”',
  'rename.label': 'New title',
  'rename.save': 'Save title',
  'rename.cancel': 'Cancel',
  'rename.done': 'The title is now “{title}”.',

  'create.heading': 'New document',
  'create.titleLabel': 'Title',
  'create.titleHint': 'At most 120 characters. You can change it later.',
  'create.templateLegend': 'Template',
  'create.template.projektforslag': 'Project proposal',
  'create.template.projektforslag.hint':
    'With sections for purpose, background, target group, partners, activities, budget and evaluation.',
  'create.template.blank': 'Blank document',
  'create.template.blank.hint': 'Just the title – you write the rest.',
  'create.submit': 'Create document',

  'form.working': 'One moment…',

  'editor.loading': 'Loading the document…',
  'editor.bodyLabel': 'Document text',
  'editor.readOnly': 'Read only',
  'editor.reload': 'Reload the page',

  'toolbar.label': 'Formatting',
  'toolbar.paragraph': 'Body text',
  'toolbar.heading1': 'Heading 1',
  'toolbar.heading2': 'Heading 2',
  'toolbar.heading3': 'Heading 3',
  'toolbar.bold': 'Bold',
  'toolbar.italic': 'Italic',
  'toolbar.bulletList': 'Bulleted list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.blockquote': 'Quote',
  'toolbar.link': 'Link',

  'link.label': 'Link address',
  'link.apply': 'Insert link',
  'link.remove': 'Remove link',
  'link.cancel': 'Cancel',
  'link.invalid': 'Enter an address that starts with https://, http:// or mailto:',

  'presence.heading': 'Who is here',
  'presence.you': '{name} (you)',

  'status.connecting': 'Connecting…',
  'status.reconnecting': 'Reconnecting…',
  'status.reconnecting.one': 'Reconnecting… (1 change waiting)',
  'status.reconnecting.other': 'Reconnecting… ({n} changes waiting)',
  'status.offline': 'Offline – changes are saved when the connection is back',
  'status.saving.one': 'Saving … (1 change)',
  'status.saving.other': 'Saving … ({n} changes)',
  'status.saved': 'Saved',
  'status.savedAt': 'Saved at {time}',
  'status.connected': 'Connected',

  'closed.unauthenticated': 'No access: the access key is missing, invalid or expired.',
  'closed.sessionExpired': 'You are no longer signed in. Reload the page and enter your name again.',
  'closed.forbidden': 'You do not have access to this document.',
  'closed.notFound': 'The document does not exist.',
  'closed.badMessage': 'The connection was closed because of an error. Reload the page.',
  'closed.tooLarge': 'A change was too large to be saved. Reload the page.',
  'closed.other': 'The server closed the connection (code {code}). Reload the page.',

  'embed.token.missing': 'The link has no access key, so the document cannot be shown.',
  'embed.token.invalid': 'The access key in the link is invalid, so the document cannot be shown.',
  'embed.token.expired': 'The access key in the link has expired. Reload the page you came from to get a new one.',
  'embed.token.wrongDocument': 'The access key is for another document.',
  'embed.poweredBy': 'Written together in Samskriv',

  'notFound.heading': 'Page not found',
  'notFound.body': 'The document or page does not exist. Perhaps the link is wrong, or the document was deleted.',
  'notFound.back': 'To the front page',

  'error.heading': 'Something went wrong',
  'error.body': 'The page could not be shown. Try again in a moment.',
  'error.retry': 'Try again',

  'error.invalid_json': 'The request could not be read.',
  'error.unsupported_media_type': 'The request must be sent as JSON.',
  'error.body_too_large': 'The request is too large.',
  'error.cross_origin': 'The request came from another site and was refused.',
  'error.unauthenticated': 'Enter your name before you continue.',
  'error.not_found': 'The document does not exist.',
  'error.invalid_input': 'Something in the form is not filled in correctly.',
  'error.name_required': 'Enter your name.',
  'error.name_too_long': 'The name can be at most 60 characters.',
  'error.name_invalid': 'The name contains characters that cannot be used.',
  'error.title_required': 'Enter a title.',
  'error.title_too_long': 'The title can be at most 120 characters.',
  'error.title_invalid': 'The title contains characters that cannot be used.',
  'error.template_invalid': 'Choose a template.',
  'error.network': 'There is no connection to the server. Try again.',
  'error.internal': 'Something went wrong on the server. Try again.',
};

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';

export const catalogues: { readonly [L in Locale]: Messages } = { da, en };
