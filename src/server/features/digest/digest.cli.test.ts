import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';

// The command line on a SQLite file of its own, without SMTP (the outbox): `rete digest send`.
describe('rete digest send command line', () => {
  const cli = cliSandbox('digest', { PUBLIC_BASE_URL: 'http://rete.test', SMTP_HOST: '', MAIL_FROM: '' });
  const rete = (...args: string[]) => cli.run(args);
  afterAll(cli.cleanup);

  it('prints the digest with --dry-run, queues it once a week, and says why when it does not', () => {
    const user = ['--user', 'digest@example.com'];
    cli.createUser('digest@example.com', 'Dina', 'en');

    // A dry run composes it whatever the setting, and queues nothing.
    const dry = rete('digest', 'send', '--dry-run', ...user);
    expect(dry).toMatch(/^Subject: Your week in Rete\n\nHi Dina,\n/);
    expect(dry).toContain('Nothing is due this week.');
    expect(dry).toContain('Open Today: http://rete.test/today');

    // Off (it is opt-in): nothing queued, and the exit status says so.
    const off = cli.spawn(['digest', 'send', ...user]);
    expect(off.status).toBe(1);
    expect(off.stdout).toContain('The weekly digest is off for this account');

    const db = new SQLite(path.join(cli.dir, 'rete.db'));
    try {
      const id = (db.prepare('select id from users where email = ?').get('digest@example.com') as { id: string }).id;
      db.prepare(
        "insert into routine_settings (user_id, time_zone, digest_enabled, digest_weekday, digest_hour, updated_at) values (?, 'Europe/Rome', 1, 1, 8, ?)",
      ).run(id, new Date().toISOString());
    } finally {
      db.close();
    }
    expect(rete('digest', 'send', ...user)).toMatch(/^Queued the digest of the week of \d{4}-\d\d-\d\d: the job worker sends it/);
    expect(rete('digest', 'send', ...user)).toMatch(
      /^The digest of the week of \d{4}-\d\d-\d\d was sent already: nothing queued\./,
    );
    expect(rete('jobs', 'run-once')).toContain('Ran 1 job.');
    const eml = fs.readdirSync(path.join(cli.dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    const raw = fs.readFileSync(path.join(cli.dir, 'outbox', eml[0] ?? ''), 'utf8').replace(/\r\n[ \t]+/g, ' ');
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/rete\.test\/u\/[A-Za-z0-9_-]{43}>\r$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(raw).toMatch(/^Subject: Your week in Rete\r$/m);

    const unknown = cli.spawn(['digest', 'send', '--user', 'nobody@example.com']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No account with email nobody@example.com');
  }, 180_000);
});
