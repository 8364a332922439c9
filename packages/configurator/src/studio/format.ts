import { useMemo } from "react";
import { useApp } from "../app/context.tsx";
import { formatMoney } from "../app/format.ts";
import type { Count } from "./strings.ts";

/** Numbers, shares, dates and money in the current language. */
export interface StudioFormat {
  readonly language: string;
  count(n: number): string;
  /** A count with its text, for sentences that need the singular or plural. */
  counted(n: number): Count;
  /** A share in [0, 1] as a percentage: "43 %", one decimal below 10 %. */
  percent(share: number): string;
  /** A ratio such as lift: "2.35", "23.5". */
  ratio(n: number): string;
  /** A UTC day (YYYY-MM-DD): "12 Mar 2026". */
  day(day: string): string;
  /** A UTC day, short: "12 Mar". */
  shortDay(day: string): string;
  /** An instant: "12 Mar 2026, 14:05". */
  dateTime(iso: string): string;
  money(amount: number, currency: string): string;
}

export function studioFormat(language: string): StudioFormat {
  const count = new Intl.NumberFormat(language);
  const percentSmall = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 });
  const ratioSmall = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const ratio = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const shortDay = new Intl.DateTimeFormat(language, { day: "numeric", month: "short", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const utc = (text: string) => new Date(`${text}T00:00:00Z`);
  return {
    language,
    count: (n) => count.format(n),
    counted: (n) => ({ n, text: count.format(n) }),
    percent: (share) => (share > 0 && share < 0.1 ? percentSmall : percent).format(share),
    ratio: (n) => (Math.abs(n) < 10 ? ratioSmall : ratio).format(n),
    day: (text) => day.format(utc(text)),
    shortDay: (text) => shortDay.format(utc(text)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    money: (amount, currency) => formatMoney(amount, currency, language),
  };
}

export function useStudioFormat(): StudioFormat {
  const language = useApp((s) => s.language);
  return useMemo(() => studioFormat(language), [language]);
}
