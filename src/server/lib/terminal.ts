/**
 * What the command line prints. Text from the database (names, notes, needs) may hold characters
 * a terminal obeys: an ESC starting `ESC ] 0;…` retitles the window, `ESC [2J` clears the screen, a
 * CR rewrites the line, C1 controls are commands to some terminals. The API refuses them now, but
 * older data, or data written by other means, may still hold them. So everything the CLI prints goes
 * through `forTerminal`: every control character but tab and line feed is shown as a visible
 * `\uXXXX` escape (valid inside a JSON string too, so `--json` output stays JSON).
 */

// Control characters are what this pattern exists to find.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function forTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Prints one message (a line, or several) on stdout, escaped. */
export function say(text: string): void {
  process.stdout.write(`${forTerminal(text)}\n`);
}

/** Prints one message on stderr, escaped. */
export function complain(text: string): void {
  process.stderr.write(`${forTerminal(text)}\n`);
}
