import { describe, expect, it } from "vitest";
import { formatCount, formatMoney, numberFormat } from "./format.ts";

describe("formatting figures", () => {
  it("builds each number format once per language and options", () => {
    expect(numberFormat("en")).toBe(numberFormat("en"));
    expect(numberFormat("de")).not.toBe(numberFormat("en"));
    expect(numberFormat("en", { maximumFractionDigits: 2 })).not.toBe(numberFormat("en"));
  });

  it("groups counts up to 15 digits and writes larger ones with three significant digits", () => {
    expect(formatCount("1234567", "en")).toBe("1,234,567");
    expect(formatCount("1234567", "de")).toBe("1.234.567");
    expect(formatCount("4540000000000000123", "en")).toBe("4.54 × 10^18");
    expect(formatCount("4540000000000000123", "de")).toBe("4,54 × 10^18");
    expect(formatCount("?", "en")).toBe("?");
  });

  it("writes money with cents only when there are any, in the pack's currency", () => {
    expect(formatMoney(1200, "EUR", "en")).toBe("€1,200");
    expect(formatMoney(12.5, "EUR", "en")).toBe("€12.50");
    expect(formatMoney(1200, "EUR", "de")).toBe("1.200\u00a0€");
  });
});
