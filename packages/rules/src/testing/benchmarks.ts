import { existsSync, readFileSync } from "node:fs";

/** The shared benchmark models, read in place from `../shared/benchmarks` beside the checkout. */
export const BENCHMARKS = new URL("../../../../../shared/benchmarks/", import.meta.url).pathname;

export function benchmarkFile(relative: string): string {
  const path = `${BENCHMARKS}${relative}`;
  if (!existsSync(path)) throw new Error(`benchmark file ${path} is missing: ../shared must sit beside the checkout`);
  return path;
}

export function readBenchmark(relative: string): string {
  return readFileSync(benchmarkFile(relative), "utf8");
}
