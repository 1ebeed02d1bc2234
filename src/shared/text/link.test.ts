import { describe, expect, it } from 'vitest';
import { LinkChannel } from '../api/people.ts';
import { isWebAddress, withWebScheme } from './link.ts';

describe('web addresses as people type them', () => {
  it('adds https:// to a bare host name only', () => {
    expect(withWebScheme(' www.colomboserramenti.it ')).toBe('https://www.colomboserramenti.it');
    expect(withWebScheme('linkedin.com/in/roberto-colombo')).toBe('https://linkedin.com/in/roberto-colombo');
    expect(withWebScheme('www.example.it:8080/a?b=c')).toBe('https://www.example.it:8080/a?b=c');
    for (const v of ['https://example.it', 'HTTP://EXAMPLE.IT', 'javascript:alert(1)', 'mailto:a@example.it', 'colombo', ''])
      expect(withWebScheme(v)).toBe(v.trim());
  });

  it('checks in the web app exactly what the API accepts', () => {
    const samples = [
      'www.colomboserramenti.it',
      'colomboserramenti.it',
      'https://www.linkedin.com/in/x',
      'http://example.org/path?q=1#top',
      'www.example.it:8080',
      'https://localhost:3000',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.org',
      'www',
      'www.example',
      'https://exa mple.it',
      'città.it',
      `www.example.it/${'a'.repeat(490)}`,
    ];
    for (const v of samples) {
      expect(isWebAddress(withWebScheme(v)), v).toBe(LinkChannel.shape.value.safeParse(v).success);
    }
  });
});
