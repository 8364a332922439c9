/** Money in the pack's currency, in the customer's language. */
export function formatMoney(amount: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, {
    style: "currency",
    currency,
    maximumFractionDigits: amount % 1 === 0 ? 0 : 2,
  }).format(amount);
}

/** An exact count: digits grouped while readable, scientific notation beyond 15 digits (the exact value stays in the title). */
export function formatCount(count: string, language: string): string {
  if (!/^\d+$/.test(count)) return count;
  if (count.length <= 15) return new Intl.NumberFormat(language).format(BigInt(count));
  const mantissa = `${count[0]}.${count.slice(1, 3)}`;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(Number(mantissa))} × 10^${count.length - 1}`;
}

export function formatRange(range: { min: number; max: number }, format: (n: number) => string): string {
  return range.min === range.max ? format(range.min) : `${format(range.min)} – ${format(range.max)}`;
}
