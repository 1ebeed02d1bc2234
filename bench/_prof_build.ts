import { MatchEngine } from '../src/server/features/matching/engine/index.ts';
import { generateNetwork } from './matching-data.ts';
const { people } = generateNetwork({ people: 100000 });
const offers = new MatchEngine();
const c0 = process.cpuUsage();
const t = performance.now();
for (const p of people)
  p.offers.forEach((text, i) => offers.upsertOffer({ id: `${p.id}o${i}`, personId: p.id, text, headline: p.headline, city: p.city }));
const c1 = process.cpuUsage(c0);
console.log('build wall', ((performance.now() - t) / 1000).toFixed(1), 's cpu', ((c1.user + c1.system) / 1e6).toFixed(1), 's');
