// AssemblyScript, compiled to WebAssembly by `pnpm --filter @kitbash/rules build:kernel`.
// The two passes a click makes over most of a d-DNNF, the bottom-up summaries and the top-down
// reach, as plain loops over raw memory: about twice as fast as the same loops in JavaScript, which
// checks the bounds of every typed-array access. `src/logic/nnf/kernel.ts` lays the arrays out in
// memory and documents them; node kinds and summary slots are as in `src/logic/nnf/nnf.ts` and
// `src/logic/nnf/summaries.ts`.

const TRUE: u8 = 1;
const LIT: u8 = 2;
const AND: u8 = 3;
const DECISION: u8 = 4;
const FREE: u8 = 5;
/** Bytes per node summary: model count, least and greatest price, least and greatest lead time. */
const SUMMARY: usize = 40;
/** The largest lead time of a model that has none: below every real one. */
const NO_LEAD_TIME: f64 = -Infinity;

let root: i32;
let kinds: usize;
let offsets: usize;
let edges: usize;
let lits: usize;
let parentStart: usize;
let parents: usize;
let marks: usize;
let allowed: usize;
let prices: usize;
let leadTimes: usize;
let values: usize;
let sat: usize;
let satBranches: usize;
let reached: usize;
let possible: usize;
/** Two summaries of scratch: one per branch of a DECISION (the first also holds an AND's). */
let scratch: usize;

/** Addresses of the arrays, in the order of `kernel.ts`'s layout. */
export function layout(
  rootNode: i32,
  kindsAt: usize,
  offsetsAt: usize,
  edgesAt: usize,
  litsAt: usize,
  parentStartAt: usize,
  parentsAt: usize,
  marksAt: usize,
  allowedAt: usize,
  pricesAt: usize,
  leadTimesAt: usize,
  valuesAt: usize,
  satAt: usize,
  satBranchesAt: usize,
  reachedAt: usize,
  possibleAt: usize,
  scratchAt: usize,
): void {
  root = rootNode;
  kinds = kindsAt;
  offsets = offsetsAt;
  edges = edgesAt;
  lits = litsAt;
  parentStart = parentStartAt;
  parents = parentsAt;
  marks = marksAt;
  allowed = allowedAt;
  prices = pricesAt;
  leadTimes = leadTimesAt;
  values = valuesAt;
  sat = satAt;
  satBranches = satBranchesAt;
  reached = reachedAt;
  possible = possibleAt;
  scratch = scratchAt;
}

@inline function i32At(base: usize, index: i32): i32 {
  return load<i32>(base + (<usize>index << 2));
}

@inline function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + (<usize>index << 3));
}

@inline function u8At(base: usize, index: i32): u8 {
  return load<u8>(base + <usize>index);
}

@inline function summaryOf(node: i32): usize {
  return values + <usize>node * SUMMARY;
}

/** The summary of the conjunction of the children in edges[start..end], written at `out`; returns `out`. */
@inline function conjoin(start: i32, end: i32, out: usize): usize {
  let count: f64 = 1;
  let lo: f64 = 0;
  let hi: f64 = 0;
  let leadLo = NO_LEAD_TIME;
  let leadHi = NO_LEAD_TIME;
  for (let i = start; i < end; i++) {
    const child = summaryOf(i32At(edges, i));
    const factor = load<f64>(child);
    if (factor == 0) {
      count = 0;
      break;
    }
    count *= factor;
    lo += load<f64>(child, 8);
    hi += load<f64>(child, 16);
    leadLo = max(leadLo, load<f64>(child, 24));
    leadHi = max(leadHi, load<f64>(child, 32));
  }
  store<f64>(out, count);
  store<f64>(out, lo, 8);
  store<f64>(out, hi, 16);
  store<f64>(out, leadLo, 24);
  store<f64>(out, leadHi, 32);
  return out;
}

/**
 * The summary of DECISION `node`, whose branches are edges[start..mid] and edges[mid..end], in one of
 * the two scratch summaries; returns its address. Records which branches are satisfiable.
 */
@inline function decide(node: i32, start: i32, mid: i32, end: i32): usize {
  const first = conjoin(start, mid, scratch);
  const second = conjoin(mid, end, scratch + SUMMARY);
  const one = load<f64>(first);
  const two = load<f64>(second);
  store<u8>(satBranches + <usize>node, <u8>(one > 0) | (<u8>(two > 0) << 1));
  if (one == 0) return second;
  if (two > 0) {
    store<f64>(first, one + two);
    store<f64>(first, min(load<f64>(first, 8), load<f64>(second, 8)), 8);
    store<f64>(first, max(load<f64>(first, 16), load<f64>(second, 16)), 16);
    store<f64>(first, min(load<f64>(first, 24), load<f64>(second, 24)), 24);
    store<f64>(first, max(load<f64>(first, 32), load<f64>(second, 32)), 32);
  }
  return first;
}

/**
 * Recomputes the summaries of the nodes from `from` to the root, children first. With `stamp`
 * non-zero, only nodes whose mark equals it, and a node whose summary changed marks its parents;
 * after `budget` such nodes, every node above is recomputed (marking costs about as much).
 */
export function sweep(from: i32, stamp: i32, budget: i32): void {
  let marking = stamp != 0;
  for (let node = from; node <= root; node++) {
    if (marking) {
      if (i32At(marks, node) != stamp) continue;
      if (--budget == 0) marking = false;
    }
    const kind = u8At(kinds, node);
    const start = i32At(offsets, node);
    const end = i32At(offsets, node + 1);
    let count: f64 = 0;
    let lo: f64 = 0;
    let hi: f64 = 0;
    let leadLo = NO_LEAD_TIME;
    let leadHi = NO_LEAD_TIME;
    if (kind == AND || kind == DECISION) {
      const result = kind == AND ? conjoin(start, end, scratch) : decide(node, start, i32At(lits, node), end);
      count = load<f64>(result);
      lo = load<f64>(result, 8);
      hi = load<f64>(result, 16);
      leadLo = load<f64>(result, 24);
      leadHi = load<f64>(result, 32);
    } else if (kind == LIT) {
      const lit = i32At(lits, node);
      count = <f64>u8At(allowed, lit);
      lo = hi = f64At(prices, lit);
      leadLo = leadHi = f64At(leadTimes, lit);
    } else if (kind == FREE) {
      count = 1;
      for (let i = start; i < end; i++) {
        const t = i32At(edges, i) << 1;
        const f = t | 1;
        const tAllowed = u8At(allowed, t);
        const fAllowed = u8At(allowed, f);
        if (tAllowed == 0 && fAllowed == 0) {
          count = 0;
          break;
        }
        if (tAllowed == 1 && fAllowed == 1) {
          count *= 2;
          lo += min(f64At(prices, t), f64At(prices, f));
          hi += max(f64At(prices, t), f64At(prices, f));
          leadLo = max(leadLo, min(f64At(leadTimes, t), f64At(leadTimes, f)));
          leadHi = max(leadHi, max(f64At(leadTimes, t), f64At(leadTimes, f)));
        } else {
          const only = tAllowed == 1 ? t : f;
          lo += f64At(prices, only);
          hi += f64At(prices, only);
          leadLo = max(leadLo, f64At(leadTimes, only));
          leadHi = max(leadHi, f64At(leadTimes, only));
        }
      }
    } else if (kind == TRUE) {
      count = 1;
    }
    const at = summaryOf(node);
    if (
      marking &&
      (load<f64>(at) != count ||
        load<f64>(at, 8) != lo ||
        load<f64>(at, 16) != hi ||
        load<f64>(at, 24) != leadLo ||
        load<f64>(at, 32) != leadHi)
    ) {
      for (let k = i32At(parentStart, node); k < i32At(parentStart, node + 1); k++)
        store<i32>(marks + (<usize>i32At(parents, k) << 2), stamp);
    }
    store<f64>(at, count);
    store<f64>(at, lo, 8);
    store<f64>(at, hi, 16);
    store<f64>(at, leadLo, 24);
    store<f64>(at, leadHi, 32);
    store<u8>(sat + <usize>node, <u8>(count > 0));
  }
}

/**
 * Reaches the children of a reached conjunction (edges[start..end]) that can matter: all of them
 * when it is satisfiable; otherwise its only unsatisfiable child, if it has just one (which a value
 * of that child's could make satisfiable).
 */
@inline function reachConjunction(start: i32, end: i32, satisfiable: bool): void {
  if (satisfiable) {
    for (let i = start; i < end; i++) store<u8>(reached + <usize>i32At(edges, i), 1);
    return;
  }
  let failing = -1;
  let failures = 0;
  for (let i = start; i < end && failures < 2; i++) {
    const child = i32At(edges, i);
    if (u8At(sat, child) == 0) {
      failures++;
      failing = child;
    }
  }
  if (failures == 1) store<u8>(reached + <usize>failing, 1);
}

/**
 * For every literal, in `possible`, whether some model contains it under all evidence except its
 * own zeroing (the derivative of the circuit at it is positive), from the summaries' satisfiability.
 */
export function reach(literalCount: i32): void {
  memory.fill(possible, 0, <usize>literalCount);
  memory.fill(reached, 0, <usize>root + 1);
  store<u8>(reached + <usize>root, 1);
  for (let node = root; node >= 0; node--) {
    if (u8At(reached, node) == 0) continue;
    const kind = u8At(kinds, node);
    const start = i32At(offsets, node);
    const end = i32At(offsets, node + 1);
    if (kind == LIT) {
      store<u8>(possible + <usize>i32At(lits, node), 1);
    } else if (kind == AND) {
      reachConjunction(start, end, u8At(sat, node) == 1);
    } else if (kind == DECISION) {
      const branches = u8At(satBranches, node);
      const mid = i32At(lits, node);
      reachConjunction(start, mid, (branches & 1) != 0);
      reachConjunction(mid, end, (branches & 2) != 0);
    } else if (kind == FREE) {
      let failing = -1;
      let failures = 0;
      for (let i = start; i < end && failures < 2; i++) {
        const v = i32At(edges, i);
        if (u8At(allowed, v << 1) == 0 && u8At(allowed, (v << 1) | 1) == 0) {
          failures++;
          failing = v;
        }
      }
      if (failures == 0) {
        for (let i = start; i < end; i++) {
          const t = <usize>(i32At(edges, i) << 1);
          store<u16>(possible + t, 0x0101);
        }
      } else if (failures == 1) {
        store<u16>(possible + <usize>(failing << 1), 0x0101);
      }
    }
  }
}
