// Writes openapi.json from the zod contract: `npm run openapi`. A test fails when it is stale.
import fs from 'node:fs';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/db.ts';

export async function generateOpenApi(): Promise<string> {
  const handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
  const { app } = await buildApp({ db: handle.db, dialect: 'sqlite', config: loadConfig({ NODE_ENV: 'test' }) });
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await handle.close();
  return doc;
}

if (process.argv[1]?.endsWith('openapi.ts')) {
  fs.writeFileSync('openapi.json', await generateOpenApi());
  console.log('openapi.json written');
}
