/**
 * Problems of an import as codes with parameters (`IMPORT_PROBLEM_CODES` in the contract): the
 * web app words them in the user's language; `reason`, the English wording made here, is for the
 * command line and for scripts. `{{name}}` is a parameter, as in the web app's translations.
 */
import type { ImportProblemCode } from '#shared/api/values.ts';

export type ProblemParams = Readonly<Record<string, string | number>>;

export const PROBLEM_TEXT: Readonly<Record<ImportProblemCode, string>> = {
  no_name: '{{unit}} skipped: no name, company or email',
  no_name_no_email: '{{unit}} skipped: no name and no email',
  text_too_long: '{{field}} longer than {{max}} characters, shortened',
  control_chars_removed: '{{field}}: control characters removed',
  email_invalid: 'email {{value}} is not an address Rete can store, dropped',
  phone_invalid: 'phone {{value}} is not a phone number Rete can store, dropped',
  link_not_http: 'link {{value}} is not an http(s) address, dropped',
  link_invalid: 'link {{value}} is not a web address Rete can store, dropped',
  too_many_tags: 'more than {{max}} tags, the rest dropped',
  too_many_channels: 'more than {{max}} {{kind}}s, the rest dropped',
  birthday_not_date: 'birthday {{value}} is not a date, ignored',
  too_many_problems: '{{count}} more problems not listed',
  csv_no_rows: 'the file holds no rows',
  csv_no_header: 'no header row (the first line holds data): columns are named Column 1, Column 2, …',
  csv_unclosed_quote: 'a quoted field is never closed: the file was not read from this line on',
  csv_record_too_long: 'record skipped: longer than {{max}} characters',
  csv_too_many_rows: 'more than {{max}} rows: the rest of the file was not read',
  csv_wrong_delimiter: 'row skipped: it is separated by {{found}} but the header by {{expected}}',
  csv_extra_fields: 'row has {{found}} fields but the header {{expected}}: the extra ones were ignored',
  csv_not_linkedin: 'no LinkedIn header (First Name, Last Name, URL, …) found: read as a generic CSV',
  csv_not_google: 'no Google Contacts header (E-mail 1 - Value, …) found: read as a generic CSV',
  csv_mapping_unknown_column: 'the mapping names a column that is not in the file: {{column}}',
  csv_mapping_unknown_field: 'the mapping gives column {{column}} an unknown field {{field}}',
  linkedin_connected_on_not_date: 'Connected On {{value}} is not a date',
  vcard_not_vcard: 'no BEGIN:VCARD found: this is not a vCard file',
  vcard_unreadable: 'the file could not be read to the end ({{detail}})',
  vcard_card_unreadable: 'vCard skipped: it could not be read ({{detail}})',
  vcard_too_many_cards: 'more than {{max}} vCards in the file: the rest was not read',
  vcard_too_deep: 'vCard nested more than {{max}} deep, skipped',
  vcard_nested: 'card nested inside the card at line {{line}}, imported as a separate contact',
  vcard_end_without_begin: 'END:VCARD without BEGIN:VCARD, ignored',
  vcard_text_outside: 'text outside any vCard, ignored',
  vcard_stray_continuation: 'indented line that continues nothing, ignored',
  vcard_not_property: 'line is not a property (no ":"): {{value}}, ignored',
  vcard_property_too_long: '{{property}} longer than {{max}} bytes, dropped',
  vcard_too_many_properties: 'more than {{max}} properties in one card, the rest ignored',
  vcard_no_end: 'the card has no END:VCARD (file cut short?)',
  vcard_property_unreadable: '{{property}} could not be read ({{detail}}), ignored',
  vcard_unknown_charset: '{{property}}: unknown charset {{charset}}, read as UTF-8 or {{fallback}}',
  vcard_invalid_bytes: '{{property}}: some bytes are not valid {{encoding}}, replaced with �',
  vcard_photo_data_not_base64: 'PHOTO data: URI is not base64, dropped',
  vcard_photo_unusable: 'PHOTO is neither inline image data nor a link, dropped',
  vcard_photo_too_large: 'PHOTO larger than {{kb}} KB, dropped',
  vcard_photo_not_base64: 'PHOTO is not valid base64, dropped',
  vcard_photo_not_image: 'PHOTO is not a JPEG, PNG, GIF or WebP image, dropped',
  vcard_photo_too_many_pixels: 'PHOTO declares {{width}}×{{height}} pixels, too many, dropped',
  json_invalid: 'the file is not valid JSON',
  json_not_rete: 'no "people" list: this is not a Rete export',
  json_person_invalid: 'person {{person}}: {{path}} {{detail}}',
  json_profile_invalid: 'your profile: {{path}} {{detail}}',
  json_item_dropped: 'person {{person}}: a {{item}} was dropped ({{detail}})',
  json_relationship_dropped: 'a relationship was dropped (unknown people or strength)',
  json_learning_dropped: '{{count}} verdicts on suggestions or taught words were not valid and were dropped',
};

/** The English wording of a problem. */
export function problemReason(code: ImportProblemCode, params: ProblemParams): string {
  return PROBLEM_TEXT[code].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ''));
}
