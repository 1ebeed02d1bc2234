/**
 * One convention for file names (docs/ARCHITECTURE.md, "Names"): kebab-case words, a role after a
 * dot (`intros.service.ts`, `import.plan.ts`, `asks.api.ts`, `demo-network.test.ts`); React
 * components in PascalCase (`PersonPage.tsx`); React hooks as `useSomething.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.(ts|mts|mjs|js|tsx)$/;
const COMPONENT = /^[A-Z][A-Za-z0-9]*\.tsx$/;
const HOOK = /^use[A-Z][A-Za-z0-9]*\.tsx?$/;
/** Migrations are named by their number, in the order they run: `0003_intros.ts`. */
const MIGRATION = /^\d{4}_[a-z0-9_]+\.ts$/;

const root = path.resolve(import.meta.dirname, '..');
const files = ['src', 'test', 'bench', 'scripts']
  .flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => /\.(ts|mts|mjs|js|tsx)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('/fixtures/'));

describe('file names', () => {
  it('are kebab-case with dotted roles; components PascalCase; hooks useSomething', () => {
    expect(files.length).toBeGreaterThan(100);
    const wrong = files.filter((f) => {
      const base = path.basename(f);
      if (KEBAB.test(base)) return false;
      if (f.startsWith('src/server/db/migrations/')) return !MIGRATION.test(base);
      return !(f.startsWith('src/web/') && (COMPONENT.test(base) || HOOK.test(base)));
    });
    expect(wrong).toEqual([]);
  });
});
