import { analyze } from './src/server/features/matching/engine/analyze.ts';
import { defaultCatalogue } from './src/server/features/matching/engine/index.ts';
const cat = defaultCatalogue();
for (const t of process.argv.slice(2)) {
  const a = analyze(cat, t);
  console.log(t, a.lang, a.concepts.map((h) => `${cat.concepts[h.concept]?.id}:${h.weight.toFixed(2)}[${t.slice(h.start, h.end)}]`).join(' '));
}
