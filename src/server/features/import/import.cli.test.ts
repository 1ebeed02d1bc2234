import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';
import { realWorldDir } from './parse/fixtures.ts';

// The command line runs against a SQLite file of its own (the CLI reads its settings from the environment).
describe('rete import / rete export command line', () => {
  const cli = cliSandbox('import');
  const dir = cli.dir;
  const rete = (...args: string[]) => cli.run(args);
  const file = path.join(realWorldDir(), 'vcard', 'ezvcard__gmail-list.vcf');
  afterAll(cli.cleanup);

  it('previews with --dry-run (writing nothing), imports, re-imports idempotently and exports', () => {
    cli.createUser('cli@example.com', 'Cli');
    const dry = JSON.parse(rete('import', file, '--user', 'cli@example.com', '--dry-run', '--json')) as Record<string, unknown>;
    expect(dry).toMatchObject({ format: 'vcard', toCreate: 3, people: [{ name: 'Arnold Smith' }, {}, {}] });
    expect(rete('import', file, '--user', 'cli@example.com', '--dry-run')).toContain('Would create 3 people');
    expect(rete('import', file, '--user', 'cli@example.com', '--format', 'vcard')).toContain('Created 3 people');
    const again = JSON.parse(rete('import', file, '--user', 'cli@example.com', '--json')) as Record<string, unknown>;
    expect(again).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 3, created: [] });

    const out = path.join(dir, 'out.vcf');
    rete('export', '--user', 'cli@example.com', '--format', 'vcard', '--out', out);
    const vcf = fs.readFileSync(out, 'utf8');
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(vcf).toContain('EMAIL:dwhite@gmail.com');
    const json = JSON.parse(rete('export', '--user', 'cli@example.com', '--format', 'json')) as { people: unknown[] };
    expect(json.people).toHaveLength(3);
  }, 120_000);
});
