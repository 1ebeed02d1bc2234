/** The built-in bilingual concept catalogue: every domain file, in one list. */
import { BUSINESS } from './business.ts';
import { DIGITAL } from './digital.ts';
import { LEGAL } from './legal.ts';
import { MARKETING } from './marketing.ts';
import { PROBLEMS } from './problems.ts';
import { PROBLEMS_MORE } from './problems-more.ts';
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
];
