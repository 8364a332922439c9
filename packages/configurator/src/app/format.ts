const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A cached Intl.NumberFormat: building one takes tens of microseconds or more, and a click formats a
 * figure for every option on screen.
 */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Money in the pack's currency, in the customer's language. */
export function formatMoney(amount: number, currency: string, language: string): string {
  return numberFormat(language, {
    style: "currency",
    currency,
    maximumFractionDigits: amount % 1 === 0 ? 0 : 2,
  }).format(amount);
}

/** An exact count: digits grouped while readable, scientific notation beyond 15 digits (the exact value stays in the title). */
export function formatCount(count: string, language: string): string {
  if (!/^\d+$/.test(count)) return count;
  if (count.length <= 15) return numberFormat(language).format(BigInt(count));
  const mantissa = `${count[0]}.${count.slice(1, 3)}`;
  return `${numberFormat(language, { maximumFractionDigits: 2 }).format(Number(mantissa))} × 10^${count.length - 1}`;
}

export function formatRange(range: { min: number; max: number }, format: (n: number) => string): string {
  return range.min === range.max ? format(range.min) : `${format(range.min)} – ${format(range.max)}`;
}
