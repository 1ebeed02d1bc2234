import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';

// The command line runs against a SQLite file of its own, without SMTP: mail goes to the outbox.
describe('rete intro / give / ledger / jobs run-once command line', () => {
  const cli = cliSandbox('giving', { PUBLIC_BASE_URL: 'http://rete.test', SMTP_HOST: '' });
  const dir = cli.dir;
  const rete = (...args: string[]) => cli.run(args);
  afterAll(cli.cleanup);

  it('proposes and sends an introduction, delivers it, records a give, and prints the ledger', () => {
    const user = ['--user', 'cli@example.com'];
    cli.createUser('cli@example.com', 'Cli User', 'en');
    const vcf = path.join(dir, 'people.vcf');
    fs.writeFileSync(
      vcf,
      ['Anna Bianchi:anna@example.com', 'Bob Smith:bob@example.com', 'Bob Stone:stone@example.com']
        .map((p) => {
          const [name, email] = p.split(':');
          return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`;
        })
        .join(''),
    );
    rete('import', vcf, ...user);

    // An ambiguous name is refused with the candidates; an exact one is taken.
    const ambiguous = cli.spawn(['intro', 'Anna', 'Bob', '--note', 'x', ...user]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('"Bob" matches several people');

    const intro = JSON.parse(
      rete(
        'intro',
        'Anna',
        'Bob Smith',
        '--note',
        'You should talk about taxes.',
        '--send',
        '--order',
        'a-first',
        '--json',
        ...user,
      ),
    ) as {
      status: string;
      order: string;
      a: { status: string; person: { name: string } };
      b: { status: string };
      giveId: string;
    };
    expect(intro).toMatchObject({
      status: 'asked',
      order: 'a_first',
      a: { status: 'asked', person: { name: 'Anna Bianchi' } },
      b: { status: 'waiting' },
    });

    expect(rete('jobs', 'run-once')).toContain('Ran 1 job.');
    expect(rete('jobs', 'run-once')).toContain('Ran 0 jobs.');
    const eml = fs.readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    const raw = fs.readFileSync(path.join(dir, 'outbox', eml[0] ?? ''), 'utf8');
    expect(raw).toContain('To: Anna Bianchi <anna@example.com>');
    expect(raw).toMatch(/http:\/\/rete\.test\/i\/[A-Za-z0-9_-]{43}/);

    const draft = rete('intro', 'me', 'Bob Stone', '--note', 'Coffee next week?', ...user);
    expect(draft).toContain('(draft)');
    expect(draft).toContain('Cli User: shall we get in touch?');

    expect(
      rete(
        'give',
        '--kind',
        'advice',
        '--to',
        'Anna',
        '--to',
        'Bob Stone',
        '--what',
        'Tips on invoicing',
        '--date',
        '2026-01-15',
        ...user,
      ),
    ).toMatch(/^Recorded advice to Anna Bianchi, Bob Stone on 2026-01-15/);
    const bad = cli.spawn(['give', '--kind', 'gift', '--to', 'Anna', '--what', 'x', ...user]);
    expect(bad.status).not.toBe(0);

    const stats = JSON.parse(rete('ledger', '--since', '2026-01-01', '--json', ...user)) as {
      totals: { gives: number; peopleGivenTo: number };
      intros: { proposed: number; pending: number };
      neverGivenTo: { count: number };
    };
    expect(stats.totals).toEqual({ gives: 2, peopleGivenTo: 3, outcomes: 0 });
    expect(stats.intros).toMatchObject({ proposed: 1, pending: 1 });
    expect(stats.neverGivenTo.count).toBe(0);
    const text = rete('ledger', '--since', '2026-01-01', ...user);
    expect(text).toContain('Givers gain, 2026-01-01');
    expect(text).toContain('Introductions: 1 proposed, 0 connected, 1 waiting');
    expect(text).toContain('Anna Bianchi: 2');
  }, 180_000);
});
