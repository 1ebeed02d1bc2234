/**
 * Control characters in text people write. One rule for the whole product: tab, line feed and
 * carriage return are text; every other C0 control (NUL, ESC, ...), DEL and the C1 controls
 * (U+0080–U+009F) are not. The API refuses them (PostgreSQL cannot store NUL, and an ESC in a name
 * would drive the terminal of whoever prints it), imports remove them and say so, and the command
 * line escapes whatever it prints.
 */

// Control characters are what these patterns exist to find, so the lint rule against them does
// not apply.
// eslint-disable-next-line no-control-regex
export const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const HAS_STRAY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Line breaks of any kind: what a one-line text (a name, a tag, a title) may not hold. */
const HAS_LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Whether the text holds a control character other than tab, line feed and carriage return. */
export const hasStrayControl = (s: string): boolean => HAS_STRAY_CONTROL.test(s);

/** Whether the text holds a line break (LF, CR, U+2028, U+2029). */
export const hasLineBreak = (s: string): boolean => HAS_LINE_BREAK.test(s);

/** What the API answers, per field, for a text with a control character. */
export const CONTROL_MESSAGE = 'control characters are not allowed (tab and line breaks are)';
/** What the API answers, per field, for a one-line text with a line break or a control character. */
export const ONE_LINE_MESSAGE = 'must be one line: no line breaks or control characters';
