import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';

// The command line runs against a SQLite file of its own (the CLI reads its settings from the environment).
describe('rete duplicates / merge / erase / account delete command line', () => {
  const cli = cliSandbox('privacy');
  const dir = cli.dir;
  const rete = cli.run;
  afterAll(cli.cleanup);

  it('lists duplicates, merges them, erases with a suppression and deletes an account with its password', () => {
    const password = 'a perfectly fine passphrase';
    rete(['user', 'create', '--email', 'admin@example.com', '--name', 'Admin'], { RETE_PASSWORD: password });
    rete(['user', 'create', '--email', 'cli@example.com', '--name', 'Cli'], { RETE_PASSWORD: password });
    const file = path.join(dir, 'people.vcf');
    fs.writeFileSync(
      file,
      [
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nicolò Bianchi\r\nORG:Studio Bianchi\r\nEMAIL:nicolo@example.com\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bianchi Nicolo\r\nORG:Studio Bianchi Srl\r\nTEL:+39 333 111 2222\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erica Erased\r\nEMAIL:erica@example.com\r\nEND:VCARD',
      ].join('\r\n'),
    );
    rete(['import', file, '--user', 'cli@example.com']);

    const { pairs } = JSON.parse(rete(['duplicates', '--user', 'cli@example.com', '--json'])) as {
      pairs: Array<{ a: { id: string; displayName: string }; b: { id: string }; reasons: string[] }>;
    };
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.reasons).toEqual(['similar_name', 'same_company']);
    expect(rete(['duplicates', '--user', 'cli@example.com'])).toContain('similar_name, same_company');
    const [keep, other] = [pairs[0]?.a.id as string, pairs[0]?.b.id as string];
    expect(rete(['merge', keep, other, '--user', 'cli@example.com'])).toMatch(/^Merged into .+: 1 emails, 1 phones/);
    expect(rete(['duplicates', '--user', 'cli@example.com'])).toContain('No likely duplicates.');

    const exported = JSON.parse(rete(['export', '--user', 'cli@example.com', '--format', 'json'])) as {
      people: Array<{ id: string; name: string }>;
    };
    expect(exported.people.map((p) => p.id).sort()).toEqual(
      [keep, exported.people.find((p) => p.name === 'Erica Erased')?.id].sort(),
    );
    const erica = exported.people.find((p) => p.name === 'Erica Erased')?.id as string;
    expect(rete(['erase', erica, '--user', 'cli@example.com', '--suppress', '--reason', 'asked']).trimEnd()).toMatch(
      /^Erased; suppression entry [0-9a-f-]{36}\.$/,
    );
    const dry = JSON.parse(rete(['import', file, '--user', 'cli@example.com', '--dry-run', '--json'])) as Record<string, unknown>;
    expect(dry).toMatchObject({ suppressed: 1, suppressedLines: [13], toCreate: 0 });

    expect(() => rete(['account', 'delete', '--user', 'cli@example.com'], { RETE_PASSWORD: 'wrong one' })).toThrow(
      /password is wrong/,
    );
    expect(rete(['export', '--user', 'cli@example.com', '--format', 'json'])).toContain('cli@example.com');
    expect(rete(['account', 'delete', '--user', 'cli@example.com'], { RETE_PASSWORD: password })).toContain(
      'Deleted the account',
    );
    expect(() => rete(['export', '--user', 'cli@example.com', '--format', 'json'])).toThrow(/No account with email/);
  }, 180_000);
});
