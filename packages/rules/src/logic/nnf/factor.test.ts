import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { random3Cnf, smallCnf } from "../../testing/cnfs.ts";
import type { Cnf } from "../cnf.ts";
import { compileCnf } from "./compile.ts";
import { NnfEvaluator } from "./evaluate.ts";
import { factorSharedChildren } from "./factor.ts";
import { AND, DECISION, FREE, LIT, type Nnf, TRUE } from "./nnf.ts";

function compiled(cnf: Cnf): Nnf {
  const result = compileCnf(cnf);
  if (!result.ok) throw new Error("compile failed");
  return result.nnf;
}

/** The variables below each node. */
function variablesBelow(nnf: Nnf): Set<number>[] {
  const below: Set<number>[] = [];
  for (let node = 0; node < nnf.nodeCount; node++) {
    const vars = new Set<number>();
    const children = nnf.edges.subarray(nnf.offsets[node]!, nnf.offsets[node + 1]!);
    if (nnf.kinds[node] === LIT) vars.add(nnf.lits[node]! >> 1);
    else if (nnf.kinds[node] === FREE) for (const v of children) vars.add(v);
    else for (const child of children) for (const v of below[child]!) vars.add(v);
    below.push(vars);
  }
  return below;
}

/** Each AND's children and each DECISION branch's, as lists of nodes. */
function conjunctions(nnf: Nnf): { node: number; children: number[] }[] {
  const all: { node: number; children: number[] }[] = [];
  for (let node = 0; node < nnf.nodeCount; node++) {
    const start = nnf.offsets[node]!;
    const end = nnf.offsets[node + 1]!;
    const slice = (from: number, to: number) => Array.from(nnf.edges.subarray(from, to));
    if (nnf.kinds[node] === AND) all.push({ node, children: slice(start, end) });
    if (nnf.kinds[node] === DECISION) {
      all.push({ node, children: slice(start, nnf.lits[node]!) });
      all.push({ node, children: slice(nnf.lits[node]!, end) });
    }
  }
  return all;
}

describe("factoring shared children", () => {
  const cnf = random3Cnf(30, 70, 3);
  const plain = compiled(cnf);
  const factored = factorSharedChildren(plain);

  it("reads fewer edges, in a d-DNNF that is still decomposable, ordered and compact", () => {
    expect(factored.edges.length).toBeLessThan(0.8 * plain.edges.length);
    const below = variablesBelow(factored);
    const parents = new Int32Array(factored.nodeCount);
    for (const { node, children } of conjunctions(factored)) {
      const seen = new Set<number>();
      for (const child of children) {
        expect(child).toBeLessThan(node);
        parents[child]!++;
        for (const v of below[child]!) {
          expect(seen.has(v)).toBe(false);
          seen.add(v);
        }
      }
    }
    for (let node = TRUE + 1; node < factored.root; node++) {
      const start = factored.offsets[node]!;
      if (factored.kinds[node] !== AND) continue;
      expect(parents[node]).toBeGreaterThan(1);
      expect(factored.offsets[node + 1]! - start).toBeGreaterThan(1);
    }
    // Both branches of a decision still mention the same variables.
    for (let node = 0; node < factored.nodeCount; node++) {
      if (factored.kinds[node] !== DECISION) continue;
      const branchVariables = (from: number, to: number) =>
        [...new Set(Array.from(factored.edges.subarray(from, to)).flatMap((child) => [...below[child]!]))].sort();
      expect(branchVariables(factored.offsets[node]!, factored.lits[node]!)).toEqual(
        branchVariables(factored.lits[node]!, factored.offsets[node + 1]!),
      );
    }
  });

  it("answers every query as the unfactored d-DNNF does", () => {
    const evidence = fc.array(fc.integer({ min: 0, max: 2 * cnf.numVars - 1 }), { maxLength: 6 });
    const prices = Float64Array.from({ length: 2 * cnf.numVars }, (_, lit) => (lit * 7919) % 23);
    const before = new NnfEvaluator(plain);
    const after = new NnfEvaluator(factored);
    fc.assert(
      fc.property(evidence, (zeroed) => {
        const allowed = new Uint8Array(2 * cnf.numVars).fill(1);
        for (const lit of zeroed) allowed[lit] = 0;
        const possibleBefore = new Uint8Array(2 * cnf.numVars);
        const possibleAfter = new Uint8Array(2 * cnf.numVars);
        expect(after.click(allowed, prices, prices, possibleAfter)).toEqual(
          before.click(allowed, prices, prices, possibleBefore),
        );
        expect(possibleAfter).toEqual(possibleBefore);
        expect(after.literalCounts(allowed)).toEqual(before.literalCounts(allowed));
        expect(after.bestModel(allowed, prices, prices)).toEqual(before.bestModel(allowed, prices, prices));
      }),
      { numRuns: 60 },
    );
  });

  it("factors a fair share of the small d-DNNFs that the brute-force tests draw, when asked to factor eagerly", () => {
    const cnfs = fc.sample(smallCnf(4), { numRuns: 200, seed: 7 });
    // As evaluate.test.ts factors them (about one in five gets a new node).
    const changed = cnfs.filter((small) => {
      const nnf = compiled(small);
      return factorSharedChildren(nnf, { minEdgesSpared: 0, minShared: 2 }).nodeCount > nnf.nodeCount;
    });
    expect(changed.length).toBeGreaterThan(30);
  });
});
