import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP: argon2id, m=19 MiB, t=2, p=1.
const ARGON2ID = 2 as Algorithm;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const CURRENT_PARAMS_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

/**
 * Each hash takes ~19 MiB and a core for tens of milliseconds: a few at a time keeps a burst of
 * log-ins from exhausting memory or starving other requests on a small machine.
 */
const MAX_CONCURRENT = 4;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string): Promise<string> => limited(() => hash(password, PARAMS));

export const verifyPassword = (stored: string, password: string): Promise<boolean> =>
  limited(() => verify(stored, password).catch(() => false));

/** Verified against for unknown emails, so that both cases take the same time. */
let dummy: Promise<string> | null = null;
export function dummyVerify(password: string): Promise<boolean> {
  dummy ??= hashPassword('rete-dummy-password-for-timing');
  return dummy.then((h) => verifyPassword(h, password)).then(() => false);
}

export const needsRehash = (stored: string): boolean => !stored.startsWith(CURRENT_PARAMS_PREFIX);

/** A short list of the most common passwords (NCSC/SecLists top entries), refused at sign-up. */
const COMMON = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 password1 123123 12345 000000
  iloveyou 111111 abc123 password123 qwertyuiop 123321 654321 666666 121212 987654321 1q2w3e4r 1qaz2wsx
  qwerty12 dragon monkey football baseball letmein welcome sunshine princess trustno1 superman batman
  passw0rd password! admin123 administrator changeme master shadow michael jordan23 whatever starwars
  computer asdfghjk asdfasdf zxcvbnm zxcvbnm123 11111111 88888888 12341234 1234qwer q1w2e3r4 qwer1234
  aa123456 a1b2c3d4 pa55word p@ssw0rd p@ssword lovely hello123 freedom ferrari juventus napoli1926
  forzainter forzamilan forzajuve milan1899 inter1908 roma1927 lazio1900 password12 ciao1234 ciaociao
  amoremio tiamo123 tesoro123 napoli123 juventus1 juventus1897 internazionale 12345678910 123456789a`.split(/\s+/),
);

export function passwordProblem(password: string, email: string): string | null {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return 'This password is among the most common ones; choose another';
  if (p === email.toLowerCase() || p === email.toLowerCase().split('@')[0]) return 'The password must not be your email';
  return null;
}
