import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../scripts/openapi.ts';

describe('openapi.json', () => {
  it('is up to date with the zod contract (run `npm run openapi` after changing the API)', async () => {
    const committed = fs.readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    const fresh = await generateOpenApi();
    expect(JSON.parse(committed)).toEqual(JSON.parse(fresh));
  });

  it('is OpenAPI 3.1 and documents the error shape and field descriptions', async () => {
    const doc = JSON.parse(await generateOpenApi());
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.paths['/api/v1/people'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'tag', 'city', 'hasOpenNeeds', 'cursor', 'limit']),
    );
    expect(doc.components.schemas.Error).toBeDefined();
  });
});
