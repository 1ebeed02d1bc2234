/** The built-in bilingual concept catalogue: every domain file, in one list. */
import { BUSINESS } from './business.ts';
import { DIGITAL } from './digital.ts';
import { LEGAL } from './legal.ts';
import { MARKETING } from './marketing.ts';
import { PROBLEMS } from './problems.ts';
import { PROBLEMS_MORE } from './problems-more.ts';
import { PROFESSIONS_BUSINESS } from './professions-business.ts';
import { PROFESSIONS_DIGITAL } from './professions-digital.ts';
import { PROFESSIONS_PEOPLE } from './professions-people.ts';
import { PROFESSIONS_TRADES } from './professions-trades.ts';
import { SECTORS } from './sectors.ts';
import { SECTORS_MORE } from './sectors-more.ts';
import { SERVICES_MORE } from './services-more.ts';
import { TAX_FINANCE } from './tax-finance.ts';
import type { ConceptDef } from './types.ts';

export type { ConceptDef } from './types.ts';

/** The markets abroad a helper can open: a facet of their own (FACETS below) and topics. */
const MARKETS = [
  'intl.dach',
  'intl.spain',
  'intl.gulf',
  'intl.japan',
  'intl.usa',
  'intl.uk',
  'intl.brazil_portugal',
  'intl.china',
  'intl.france',
  'intl.nordics_benelux',
  'intl.east_europe',
  'intl.americas',
  'intl.africa_oceania',
  'intl.india_sea',
];

/**
 * Sectors, markets and kinds of products (not services): a helper who shares only one of these
 * with a need works in the same world, which is context rather than an answer.
 */
export const TOPIC_IDS: ReadonlySet<string> = new Set([
  ...MARKETS,
  'food.wine',
  'food.olive_oil',
  'food.coffee',
  'food.pastry',
  'food.producer',
  'food.produce',
  'food.dairy_meat',
  'food.bakery',
  'food.beverages',
  'food.halal',
  'hosp.hotel',
  'hosp.tourism',
  'hosp.restaurant',
  'hosp.short_rental',
  'agri.farming',
  'agri.fishing',
  'agri.beekeeping',
  'mfg.supplier',
  'mfg.custom_made',
  'mfg.ceramics',
  'mfg.cosmetics',
  'mfg.apparel',
  'mfg.leather',
  'mfg.jewelry',
  'mfg.stone_glass',
  'mfg.plastics',
  'mfg.chemicals',
  'retail.shop',
  'culture.archaeology',
  'health.medical_devices',
  'biz.startup',
  'web.saas',
  'fin.crypto',
  'ops.nonprofit',
]);

/**
 * Concepts that are values of one facet: a need that names one (a market, a language: "dal
 * giapponese") is answered by a helper who names that value, not another one of the same facet
 * (a translator from German).
 */
export const FACETS: ReadonlyMap<string, string> = new Map(MARKETS.map((id) => [id, 'market']));

const CATALOGUE: readonly ConceptDef[] = [
  ...TAX_FINANCE,
  ...LEGAL,
  ...DIGITAL,
  ...MARKETING,
  ...BUSINESS,
  ...SECTORS,
  ...PROBLEMS,
  ...SERVICES_MORE,
  ...SECTORS_MORE,
  ...PROBLEMS_MORE,
  // The professions catalogue, top-down from ISCO-08 / CP2021 / ATECO: it extends the concepts
  // above (same ids) and adds the professions they lacked.
  ...PROFESSIONS_TRADES,
  ...PROFESSIONS_PEOPLE,
  ...PROFESSIONS_BUSINESS,
  ...PROFESSIONS_DIGITAL,
];

export const ALL_CONCEPTS: readonly ConceptDef[] = CATALOGUE.map((d) => {
  const facet = FACETS.get(d.id);
  return TOPIC_IDS.has(d.id) || facet
    ? { ...d, ...(TOPIC_IDS.has(d.id) ? { topic: true } : {}), ...(facet ? { facet } : {}) }
    : d;
});
