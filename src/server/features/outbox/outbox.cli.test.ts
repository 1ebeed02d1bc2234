import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';

describe('rete outbox command line', () => {
  // The README's defaults: no PUBLIC_BASE_URL, MAIL_FROM or SMTP server.
  const cli = cliSandbox('outbox', { PUBLIC_BASE_URL: '', SMTP_HOST: '', MAIL_FROM: '' });
  const user = ['--user', 'out@example.com'];
  afterAll(cli.cleanup);

  it('says where each email stands and why one was not delivered; `outbox retry` sends it after a restart without SMTP', async () => {
    const srv = net.createServer();
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => srv.close(() => resolve()));
    // A mail server that is not there.
    const smtp = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_STARTTLS: 'false', MAIL_FROM: 'rete@example.com' };
    // A configuration that cannot send is refused before anything runs.
    const refused = cli.spawn(['jobs', 'run-once'], { SMTP_HOST: 'smtp.example.com' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('MAIL_FROM: not set');

    cli.run(['user', 'create', '--email', 'out@example.com', '--name', 'Out', '--password', 'a perfectly fine passphrase']);
    const vcf = path.join(cli.dir, 'two.vcf');
    fs.writeFileSync(
      vcf,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Bianchi\r\nEMAIL:anna@example.com\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Smith\r\nEMAIL:bob@example.com\r\nEND:VCARD\r\n',
    );
    cli.run(['import', vcf, ...user]);
    cli.run(['intro', 'Anna', 'Bob', '--note', 'Meet.', '--send', ...user]);
    expect(cli.run(['jobs', 'run-once'], smtp)).toContain('Ran 2 jobs, 2 failed (see `rete outbox list`).');
    const list = cli.run(['outbox', 'list', ...user]);
    expect(list).toContain('not delivered yet, the mail server (SMTP_HOST, SMTP_PORT) could not be reached; next attempt');
    expect(list).toContain('ECONNREFUSED');
    const [first] = JSON.parse(cli.run(['outbox', 'list', '--json', ...user])) as Array<{ id: string }>;

    // Restarted with the defaults: "try again" sends it now, to the outbox, from rete@localhost.
    expect(cli.run(['outbox', 'retry', first?.id ?? '', ...user])).toContain('Queued');
    expect(cli.run(['jobs', 'run-once'])).toContain('Ran 1 job.');
    const after = cli.run(['outbox', 'list', ...user]);
    expect(after).toContain('in the outbox (no SMTP server: it reached nobody)');
    expect(after).not.toMatch(/: sent$/m);
    const eml = fs.readdirSync(path.join(cli.dir, 'outbox')).filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    expect(fs.readFileSync(path.join(cli.dir, 'outbox', eml[0] ?? ''), 'utf8')).toContain('<rete@localhost>');
    const again = cli.spawn(['outbox', 'retry', first?.id ?? '', ...user]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('This email was delivered already');
  }, 180_000);
});
