import { toDateInput } from '../../components/format.ts';
import i18n from '../../i18n/index.ts';

/** The currencies offered first; any ISO 4217 code is accepted by the server. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD'];

/** An amount in hundredths of the currency unit, in the interface language: "1.500,00 €", "€1,500.00". */
export function formatMoney(amountCents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amountCents / 100);
  } catch {
    return `${(amountCents / 100).toFixed(2)} ${currency}`;
  }
}

/** Several currencies side by side: "1.500,00 € · 200,00 US$". */
export function formatSums(sums: Array<{ currency: string; amountCents: number }>): string {
  return sums.map((s) => formatMoney(s.amountCents, s.currency)).join(' · ');
}

/** From what a person typed (a number) to hundredths; null when empty or not a number. */
export function toCents(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 100);
}

/** Today as a calendar day (YYYY-MM-DD) in local time. */
export function today(): string {
  return toDateInput(new Date());
}

/** A calendar day (YYYY-MM-DD) shown in the interface language, without time-zone drift. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(y, m - 1, d),
  );
}
