/**
 * The configuration of outgoing email is checked when Rete starts: a setting that cannot send is
 * refused then, naming its variable, instead of being discovered by a job hours later.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const refused = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error(`accepted: ${JSON.stringify(env)}`);
};

describe('configuration of outgoing email', () => {
  it('the README defaults (nothing set) keep every message in the outbox, from rete@localhost', () => {
    const c = loadConfig({});
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.mail.smtp).toBeNull();
    expect(c.mail.from).toBe('rete@localhost');
  });

  it('the default From follows PUBLIC_BASE_URL, and an IP address there gives rete@localhost', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://rete.example.org/' }).mail.from).toBe('rete@rete.example.org');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:8080' }).mail.from).toBe('rete@localhost');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://[::1]:8080' }).mail.from).toBe('rete@localhost');
    expect(loadConfig({ MAIL_FROM: 'noreply@example.com' }).mail.from).toBe('noreply@example.com');
  });

  it('with SMTP_HOST, a From that mail servers refuse stops the start, naming MAIL_FROM', () => {
    const msg = refused({ SMTP_HOST: 'smtp.example.com' });
    expect(msg).toMatch(/^Invalid configuration:\n {2}MAIL_FROM: not set, and the default "rete@localhost"/);
    expect(msg).toContain('PUBLIC_BASE_URL');
    expect(refused({ SMTP_HOST: 'smtp.example.com', PUBLIC_BASE_URL: 'http://10.0.0.5:3000' })).toContain('MAIL_FROM');
    // With a From of a real domain, or a public address that gives one, it starts.
    expect(loadConfig({ SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'rete@example.com' }).mail.smtp?.host).toBe('smtp.example.com');
    expect(loadConfig({ SMTP_HOST: 'smtp.example.com', PUBLIC_BASE_URL: 'https://rete.example.com' }).mail.from).toBe(
      'rete@rete.example.com',
    );
  });

  it('refuses an SMTP_HOST that is not a host, and SMTP settings without SMTP_HOST', () => {
    for (const host of ['smtp://mail.example.com', 'mail.example.com:587', 'mail example.com', 'user@mail.example.com']) {
      expect(refused({ SMTP_HOST: host, MAIL_FROM: 'rete@example.com' }), host).toContain(`SMTP_HOST: "${host}" is not a host`);
    }
    for (const host of ['127.0.0.1', '::1', 'localhost', 'mail.example.com']) {
      expect(loadConfig({ SMTP_HOST: host, MAIL_FROM: 'rete@example.com' }).mail.smtp?.host).toBe(host);
    }
    expect(refused({ SMTP_USER: 'me', SMTP_PASSWORD: 'secret' })).toContain(
      'SMTP_HOST: not set, but SMTP_USER, SMTP_PASSWORD are: set SMTP_HOST',
    );
    expect(refused({ SMTP_HOST: 'mail.example.com', MAIL_FROM: 'rete@example.com', SMTP_USER: 'me' })).toContain(
      'SMTP_PASSWORD: SMTP_USER is set but SMTP_PASSWORD is not',
    );
  });

  it('a variable set to nothing is a variable not set', () => {
    const c = loadConfig({ SMTP_HOST: '', MAIL_FROM: '', PUBLIC_BASE_URL: '', SMTP_USER: '' });
    expect(c.mail.smtp).toBeNull();
    expect(c.mail.from).toBe('rete@localhost');
  });

  it('lists every problem at once', () => {
    const msg = refused({ SMTP_HOST: 'smtp://x', SMTP_USER: 'me' });
    expect(msg.split('\n').slice(1)).toHaveLength(3);
  });
});
