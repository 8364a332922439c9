import { readFileSync } from "node:fs";
import { compileCnf } from "../src/logic/nnf/compile.ts";
import { AND, FALSE, FREE, LIT, OR, TRUE } from "../src/logic/nnf/nnf.ts";

const text = readFileSync(process.argv[2] ?? "../../../shared/benchmarks/automotive01/auto1.cnf", "utf8");
let numVars = 0;
const clauses: number[][] = [];
let cur: number[] = [];
for (const line of text.split("\n")) {
  if (line.startsWith("c") || line.trim() === "") continue;
  if (line.startsWith("p")) { numVars = Number(line.split(/\s+/)[2]); continue; }
  for (const t of line.trim().split(/\s+/)) { const x = Number(t); if (x === 0) { clauses.push(cur); cur = []; } else cur.push(x); }
}
const r = compileCnf({ numVars, clauses }, { timeBudgetMs: 60000 });
console.log(r.stats, r.ok);
if (!r.ok) process.exit(1);
const nnf = r.nnf;
const val: bigint[] = new Array(nnf.nodeCount);
for (let i = 0; i < nnf.nodeCount; i++) {
  const k = nnf.kinds[i];
  const s = nnf.offsets[i]!, e = nnf.offsets[i + 1]!;
  if (k === FALSE) val[i] = 0n; else if (k === TRUE || k === LIT) val[i] = 1n;
  else if (k === FREE) val[i] = 1n << BigInt(e - s);
  else if (k === AND) { let p = 1n; for (let j = s; j < e; j++) p *= val[nnf.edges[j]!]!; val[i] = p; }
  else if (k === OR) { let p = 0n; for (let j = s; j < e; j++) p += val[nnf.edges[j]!]!; val[i] = p; }
}
console.log(String(val[nnf.root]));
console.log(process.memoryUsage().rss / 1e6, "MB");
let andLit = 0, andOther = 0, freeVars = 0, nAnd = 0, nOr = 0, nFree = 0, nLit = 0;
for (let i = 0; i < nnf.nodeCount; i++) {
  const k = nnf.kinds[i]; const s = nnf.offsets[i]!, e = nnf.offsets[i + 1]!;
  if (k === AND) { nAnd++; for (let j = s; j < e; j++) { if (nnf.kinds[nnf.edges[j]!] === LIT) andLit++; else andOther++; } }
  if (k === FREE) { nFree++; freeVars += e - s; }
  if (k === OR) nOr++;
  if (k === LIT) nLit++;
}
console.log({ nAnd, nOr, nFree, nLit, andLit, andOther, freeVars });
