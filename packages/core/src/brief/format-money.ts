/**
 * Money as an agent reads it: "$49.99", "€160.00". Currencies without a well-known symbol are
 * written as their ISO code ("160.00 SEK") rather than a symbol that could mean several.
 */
export function formatMoney(amount: number, currency: string | undefined): string {
  const symbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const n = amount.toFixed(2);
  if (!currency) return n;
  const s = symbol[currency];
  return s ? `${s}${n}` : `${n} ${currency}`;
}
