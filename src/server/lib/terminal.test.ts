import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';
import { forTerminal } from './terminal.ts';

// What a terminal obeys: C0 but tab and line feed (CR included: it rewrites the line), DEL, C1.
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('forTerminal', () => {
  it('shows every control character a terminal obeys as a visible escape, and keeps tab, line feed and text', () => {
    expect(forTerminal('Anna\u001b]0;pwned\u0007\u001b[2J Verdi')).toBe('Anna\\u001b]0;pwned\\u0007\\u001b[2J Verdi');
    expect(forTerminal('a\u009b31mb\u0000c\u007fd\re')).toBe('a\\u009b31mb\\u0000c\\u007fd\\u000de');
    expect(forTerminal('Nicolò\tBianchi\nStudio — “ok” 😀')).toBe('Nicolò\tBianchi\nStudio — “ok” 😀');
    for (let c = 0; c <= 0x9f; c++) {
      const out = forTerminal(String.fromCharCode(c));
      expect(OBEYED.test(out), `U+${c.toString(16)}`).toBe(false);
    }
  });
});

describe('the command line never writes terminal control sequences from user data', () => {
  const cli = cliSandbox('terminal');
  const rete = cli.run;
  const user = ['--user', 'term@example.com'];
  afterAll(cli.cleanup);

  it('escapes a name holding ESC ] 0;… and ESC [2J (stored by an older version) in rete match and help-for', () => {
    rete(['user', 'create', '--email', 'term@example.com', '--name', 'Term', '--password', 'a perfectly fine passphrase']);
    const vcf = path.join(cli.dir, 'people.vcf');
    fs.writeFileSync(
      vcf,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Giulia Galli\r\nTITLE:Commercialista\r\nORG:Studio Galli\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Galli Giulia\r\nORG:Studio Galli Srl\r\nEND:VCARD\r\n',
    );
    rete(['import', vcf, ...user]);
    // What an older Rete let through the API on SQLite: control characters in a stored name and role.
    const evilName = 'Giulia \u001b]0;pwned\u0007\u001b[2J\u001b[3J Galli';
    const db = new Database(path.join(cli.dir, 'rete.db'));
    db.prepare("update people set name = ?, role = ? where name = 'Giulia Galli'").run(evilName, 'Commercialista\u009b31m');
    const id = (db.prepare('select id from people where name = ?').get(evilName) as { id: string }).id;
    db.close();

    const outputs = {
      match: rete(['match', 'cerco un commercialista', ...user]),
      helpFor: rete(['help-for', id, ...user]),
    };
    expect(outputs.match).toContain('Giulia \\u001b]0;pwned\\u0007\\u001b[2J\\u001b[3J Galli');
    for (const [what, out] of Object.entries(outputs)) {
      expect(out, what).toContain('\\u001b]0;pwned');
      expect(OBEYED.test(out), `${what}: ${JSON.stringify(out)}`).toBe(false);
    }
    // With --json the output stays JSON, and the text is the stored one.
    const json = rete(['match', 'cerco un commercialista', '--json', ...user]);
    expect(OBEYED.test(json)).toBe(false);
    const parsed = JSON.parse(json) as { items: Array<{ person: { name: string } }> };
    expect(parsed.items.map((h) => h.person.name)).toContain(evilName);
  }, 180_000);
});
