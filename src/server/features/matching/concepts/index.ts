/** The built-in bilingual concept catalogue: every domain file, in one list. */
import { BUSINESS } from './business.ts';
import { DIGITAL } from './digital.ts';
import { LEGAL } from './legal.ts';
import { MARKETING } from './marketing.ts';
import { PROBLEMS } from './problems.ts';
import { SECTORS } from './sectors.ts';
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
];
