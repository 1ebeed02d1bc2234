import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '#test/helpers/cli.ts';
import { openDatabase } from '../../db/db.ts';
import { loadConfig } from '../../config.ts';
import { setFeedback } from './learning.service.ts';

describe('rete teach / concepts / feedback command line', () => {
  const cli = cliSandbox('learning');
  const rete = (...args: string[]) => cli.run(args);
  const user = ['--user', 'learn@example.com'];
  afterAll(cli.cleanup);

  it('teaches a phrase that makes "rete match" find someone, lists and forgets it', () => {
    rete('user', 'create', '--email', 'learn@example.com', '--name', 'Learner', '--password', 'a perfectly fine passphrase');
    const vcf = path.join(cli.dir, 'people.vcf');
    fs.writeFileSync(
      vcf,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Giulia Galli\r\nTITLE:Commercialista\r\nORG:Studio Galli\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marco Rossi\r\nTITLE:Avvocato\r\nEND:VCARD\r\n',
    );
    rete('import', vcf, ...user);

    expect(rete('match', 'cerco la zia Pina', ...user)).toContain('Nobody in your network fits');
    expect(rete('concepts', 'consulenza fiscale')).toMatch(/^tax\.advisor\s+tax advice \/ consulenza fiscale$/m);
    expect(rete('teach', 'la zia Pina', '--concept', 'tax.advisor', ...user)).toContain('Taught "la zia Pina"');
    expect(rete('match', 'cerco la zia Pina', ...user)).toContain('Giulia Galli');
    expect(rete('teach', ...user)).toContain('"la zia Pina" →');

    // Teaching it again changes its meaning; an unknown concept is refused.
    expect(rete('teach', 'La Zia Pina', '--means', 'avvocato', ...user)).toContain('Changed "La Zia Pina"');
    expect(rete('match', 'cerco la zia Pina', ...user)).toContain('Marco Rossi');
    const bad = cli.spawn(['teach', 'altre parole', '--concept', 'no.such', ...user]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Unknown concept');

    expect(rete('teach', 'la zia pina', '--forget', ...user)).toContain('Forgot');
    expect(rete('teach', ...user)).toContain('You have not taught Rete any words yet.');
  }, 180_000);

  it('lists verdicts on suggestions and takes one back', async () => {
    expect(rete('feedback', 'list', ...user)).toContain('No verdicts yet.');
    // A verdict given in the web app (here through the service, on the sandbox's database).
    const handle = openDatabase({ kind: 'sqlite', path: path.join(cli.dir, 'rete.db') });
    try {
      const owner = await handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const giulia = await handle.db
        .selectFrom('people')
        .select('id')
        .where('name', '=', 'Giulia Galli')
        .executeTakeFirstOrThrow();
      await setFeedback({ db: handle.db, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() }, owner.id, {
        itemKind: 'ask',
        ask: 'cerco un commercialista',
        personId: giulia.id,
        verdict: 'not_relevant',
      });
    } finally {
      await handle.close();
    }
    const list = rete('feedback', 'list', ...user);
    expect(list).toContain('not relevant  Giulia Galli for asked: cerco un commercialista');
    const id = /\[([0-9a-f-]{36})\]/.exec(list)?.[1] ?? '';
    expect(rete('match', 'cerco un commercialista', ...user)).not.toContain('Giulia Galli');
    expect(rete('feedback', 'forget', id, ...user)).toContain('Verdict taken back.');
    expect(rete('match', 'cerco un commercialista', ...user)).toContain('Giulia Galli');
  }, 180_000);
});
