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

export const ALL_CONCEPTS: readonly ConceptDef[] = [
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
