import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoggedInteraction, Today } from '#shared/api/routine.ts';
import { cliSandbox } from '#test/helpers/cli.ts';

// The command line on a SQLite file of its own: `rete today` and `rete log`.
describe('rete today / rete log command line', () => {
  const cli = cliSandbox('routine', { PUBLIC_BASE_URL: 'http://rete.test', SMTP_HOST: '' });
  const rete = (...args: string[]) => cli.run(args);
  afterAll(cli.cleanup);

  it('shows what to do today, logs a call with a next step, and refuses bad input', () => {
    const user = ['--user', 'today@example.com'];
    cli.createUser('today@example.com', 'Today User', 'en');
    // An empty network: Today teaches what to do first.
    expect(rete('today', ...user)).toContain('Your network is empty');

    const vcf = path.join(cli.dir, 'people.vcf');
    fs.writeFileSync(
      vcf,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Bianchi\r\nEMAIL:anna@example.com\r\nBDAY:1980-01-01\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno Verdi\r\nEND:VCARD\r\n',
    );
    rete('import', vcf, ...user);

    const logged = JSON.parse(
      rete(
        'log',
        'Anna',
        '--kind',
        'coffee',
        '--note',
        'parlato di fisco',
        '--next',
        'mandare il contatto',
        '--next-on',
        '2020-01-02',
        '--json',
        ...user,
      ),
    ) as LoggedInteraction;
    expect(logged.interaction).toMatchObject({ kind: 'coffee', summary: 'parlato di fisco' });
    expect(logged.followUp).toMatchObject({ text: 'mandare il contatto', dueOn: '2020-01-02', person: { name: 'Anna Bianchi' } });

    // The next step, long due, is on Today, in text and in JSON.
    const text = rete('today', ...user);
    expect(text).toContain('Follow-ups due');
    expect(text).toContain('mandare il contatto — Anna Bianchi, due 2020-01-02');
    const json = JSON.parse(rete('today', '--json', ...user)) as Today;
    expect(json.items.filter((i) => i.kind === 'follow_up').map((i) => i.followUp?.text)).toEqual(['mandare il contatto']);

    // Bad input is refused with the field named, and nothing is written.
    const bad = cli.spawn(['log', 'Anna', '--kind', 'telepathy', ...user]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('kind');
    const control = cli.spawn(['log', 'Bruno', '--note', 'bad \u001b[2J note', ...user]);
    expect(control.status).toBe(1);
    expect(control.stderr).toContain('summary');
    const unknown = cli.spawn(['log', 'Nobody Here', ...user]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Nobody in your network matches');
    const after = JSON.parse(rete('today', '--json', ...user)) as Today;
    expect(after.items.filter((i) => i.kind === 'follow_up')).toHaveLength(1);
  }, 120_000);
});
