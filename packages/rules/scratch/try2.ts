import { readFileSync } from "node:fs";
import { compileCnf } from "../src/logic/nnf/compile.ts";
import { eliminationRank } from "./order.ts";
const text = readFileSync("../../../shared/benchmarks/automotive01/auto1.cnf", "utf8");
let numVars = 0; const clauses: number[][] = []; let cur: number[] = [];
for (const line of text.split("\n")) {
  if (line.startsWith("c") || line.trim() === "") continue;
  if (line.startsWith("p")) { numVars = Number(line.split(/\s+/)[2]); continue; }
  for (const t of line.trim().split(/\s+/)) { const x = Number(t); if (x === 0) { clauses.push(cur); cur = []; } else cur.push(x); }
}
const t0 = performance.now();

console.log("order ms", performance.now() - t0);

const r = compileCnf({ numVars, clauses }, { timeBudgetMs: 60000 });
console.log(JSON.stringify(r.stats));
import { AND, FALSE, FREE, LIT, OR, TRUE } from "../src/logic/nnf/nnf.ts";
if (r.ok) {
const nnf = r.nnf;
const val: bigint[] = new Array(nnf.nodeCount);
const pass = () => {
for (let i = 0; i < nnf.nodeCount; i++) {
  const k = nnf.kinds[i];
  const s = nnf.offsets[i]!, e = nnf.offsets[i + 1]!;
  if (k === FALSE) val[i] = 0n; else if (k === TRUE || k === LIT) val[i] = 1n;
  else if (k === FREE) val[i] = 1n << BigInt(e - s);
  else if (k === AND) { let p = 1n; for (let j = s; j < e; j++) p *= val[nnf.edges[j]!]!; val[i] = p; }
  else if (k === OR) { let p = 0n; for (let j = s; j < e; j++) p += val[nnf.edges[j]!]!; val[i] = p; }
}};
for (let i = 0; i < 20; i++) pass();
const t = performance.now(); for (let i = 0; i < 100; i++) pass(); console.log("pass ms", (performance.now() - t) / 100);
console.log(String(val[nnf.root]).slice(0, 30), String(val[nnf.root]).length);
}
