import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';

// The command line against a SQLite file of its own, without SMTP: the ask goes to the outbox.
describe('rete intro ask-through / rete intro asks command line', () => {
  const cli = cliSandbox('asks', { PUBLIC_BASE_URL: 'http://rete.test', SMTP_HOST: '' });
  const rete = (...args: string[]) => cli.run(args);
  afterAll(cli.cleanup);

  it('drafts, sends and lists an ask to a contact to make an introduction', () => {
    const user = ['--user', 'asker@example.com'];
    cli.createUser('asker@example.com', 'Ada Asker', 'en');
    const vcf = path.join(cli.dir, 'people.vcf');
    fs.writeFileSync(
      vcf,
      [
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Enrico Farina\r\nEMAIL:enrico@example.com\r\nEND:VCARD\r\n',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Stefano Galli\r\nTITLE:Tax accountant\r\nEMAIL:stefano@example.com\r\nEND:VCARD\r\n',
      ].join(''),
    );
    rete('import', vcf, ...user);

    // `rete intro` itself still wants its note.
    const noNote = cli.spawn(['intro', 'Enrico', 'Stefano', ...user]);
    expect(noNote.status).toBe(1);
    expect(noNote.stderr).toContain("required option '--note <text>' not specified");
    expect(cli.spawn(['intro', 'ask-through', 'Enrico', 'Stefano', ...user]).stderr).toContain('say the need');

    const draft = rete('intro', 'ask-through', 'Enrico', 'Stefano', '--need', 'help with my tax return', '--draft', ...user);
    expect(draft).toContain('To Enrico Farina <enrico@example.com> (en)');
    expect(draft).toContain('Would you introduce me to Stefano Galli?');
    expect(draft).toContain('I thought of Stefano for "Tax accountant"');
    expect(rete('intro', 'asks', ...user)).toContain('No asks.');

    const sent = JSON.parse(
      rete('intro', 'ask-through', 'Enrico', 'Stefano', '--need', 'help with my tax return', '--json', ...user),
    ) as { status: string; via: { name: string }; helper: { name: string }; seeker: { isSelf: boolean } };
    expect(sent).toMatchObject({
      status: 'asked',
      via: { name: 'Enrico Farina' },
      helper: { name: 'Stefano Galli' },
      seeker: { isSelf: true },
    });
    const twice = cli.spawn(['intro', 'ask-through', 'Enrico', 'Stefano', '--need', 'again', ...user]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('You already asked Enrico Farina');

    expect(rete('jobs', 'run-once')).toContain('Ran 1 job.');
    const eml = fs.readdirSync(path.join(cli.dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    const raw = fs.readFileSync(path.join(cli.dir, 'outbox', eml[0] ?? ''), 'utf8');
    expect(raw).toContain('To: Enrico Farina <enrico@example.com>');
    expect(raw).toMatch(/http:\/\/rete\.test\/i\/[A-Za-z0-9_-]{43}/);

    const list = rete('intro', 'asks', ...user);
    expect(list).toContain('Enrico Farina: introduce me to Stefano Galli — waiting for the answer');
    expect(list).toContain('email: in the outbox');
    expect(rete('intro', 'asks', '--status', 'yes', ...user)).toContain('No asks.');
  }, 180_000);
});
