import { AND, FALSE, FREE, LIT, type Nnf, OR, TRUE } from "./nnf.ts";

/**
 * Linear-time queries on a smooth d-DNNF under evidence. Evidence is `allowed[lit]`: 0 zeroes a
 * literal (every model containing it is excluded), 1 keeps it. Passes run bottom-up over node ids
 * and, for per-literal answers, top-down with the derivative of the circuit (Darwiche's
 * differential approach): the derivative at literal l counts the models containing l under all
 * evidence except l's own zeroing, which is exactly "could this value be chosen instead?".
 */
export class NnfEvaluator {
  private readonly sat: Uint8Array;
  private readonly reach: Uint8Array;
  private readonly counts: bigint[];
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly primary: Float64Array;
  private readonly secondary: Float64Array;
  private index: IncrementalIndex | undefined;

  constructor(readonly nnf: Nnf) {
    const size = nnf.nodeCount;
    this.sat = new Uint8Array(size);
    this.reach = new Uint8Array(size);
    this.counts = new Array<bigint>(size).fill(0n);
    this.low = new Float64Array(size);
    this.high = new Float64Array(size);
    this.primary = new Float64Array(size);
    this.secondary = new Float64Array(size);
  }

  /** Is there a model under the evidence? */
  satisfiable(allowed: Uint8Array): boolean {
    this.upSat(allowed);
    return this.sat[this.nnf.root] === 1;
  }

  /**
   * For every literal, whether some model contains it under all evidence except its own zeroing.
   * Writes into `out` (length 2 * numVars). Returns whether the evidence itself is satisfiable.
   */
  possibleLiterals(allowed: Uint8Array, out: Uint8Array): boolean {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    const { sat, reach } = this;
    this.upSat(allowed);
    out.fill(0);
    reach.fill(0);
    reach[root] = 1;
    for (let node = root; node >= 0; node--) {
      if (reach[node] === 0) continue;
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === LIT) {
        out[lits[node]!] = 1;
      } else if (kind === OR) {
        for (let i = start; i < end; i++) reach[edges[i]!] = 1;
      } else if (kind === AND) {
        let failing = -1;
        let failures = 0;
        for (let i = start; i < end && failures < 2; i++) {
          if (sat[edges[i]!] === 0) {
            failures++;
            failing = edges[i]!;
          }
        }
        if (failures === 0) for (let i = start; i < end; i++) reach[edges[i]!] = 1;
        else if (failures === 1) reach[failing] = 1;
      } else if (kind === FREE) {
        let failing = -1;
        let failures = 0;
        for (let i = start; i < end && failures < 2; i++) {
          const v = edges[i]!;
          if (allowed[v << 1] === 0 && allowed[(v << 1) | 1] === 0) {
            failures++;
            failing = v;
          }
        }
        if (failures === 0) {
          for (let i = start; i < end; i++) {
            const v = edges[i]!;
            out[v << 1] = 1;
            out[(v << 1) | 1] = 1;
          }
        } else if (failures === 1) {
          out[failing << 1] = 1;
          out[(failing << 1) | 1] = 1;
        }
      }
    }
    return sat[root] === 1;
  }

  /**
   * The exact number of models under the evidence. Only nodes above a variable with evidence are
   * recounted; every other node keeps its count without evidence, computed once.
   */
  count(allowed: Uint8Array): bigint {
    const index = this.incremental();
    const { nnf } = this;
    const dirty: number[] = [];
    const stamp = ++index.stamp;
    const { marks } = index;
    for (let v = 0; v < nnf.numVars; v++) {
      if (allowed[v << 1] === 1 && allowed[(v << 1) | 1] === 1) continue;
      for (let k = index.varStart[v]!; k < index.varStart[v + 1]!; k++) {
        const node = index.varNodes[k]!;
        if (marks[node] !== stamp) {
          marks[node] = stamp;
          dirty.push(node);
        }
      }
    }
    if (dirty.length === 0) return index.base[nnf.root]!;
    for (let d = 0; d < dirty.length; d++) {
      const node = dirty[d]!;
      for (let k = index.parentStart[node]!; k < index.parentStart[node + 1]!; k++) {
        const parent = index.parents[k]!;
        if (marks[parent] !== stamp) {
          marks[parent] = stamp;
          dirty.push(parent);
        }
      }
    }
    const order = Int32Array.from(dirty).sort();
    const counts = this.counts;
    const value = (child: number) => (marks[child] === stamp ? counts[child]! : index.base[child]!);
    for (const node of order) counts[node] = this.countNode(node, allowed, value);
    return value(nnf.root);
  }

  /** For every literal, the number of models containing it under all evidence except its own zeroing. */
  literalCounts(allowed: Uint8Array): bigint[] {
    const { kinds, offsets, edges, lits, root, numVars } = this.nnf;
    this.upCount(allowed);
    const counts = this.counts;
    const result = new Array<bigint>(2 * numVars).fill(0n);
    const outer = new Array<bigint>(this.nnf.nodeCount).fill(0n);
    outer[root] = 1n;
    for (let node = root; node >= 0; node--) {
      const d = outer[node]!;
      if (d === 0n) continue;
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === LIT) {
        const lit = lits[node]!;
        result[lit] = result[lit]! + d;
      } else if (kind === OR) {
        for (let i = start; i < end; i++) outer[edges[i]!] = outer[edges[i]!]! + d;
      } else if (kind === AND) {
        // Each child's derivative is the product of its siblings: prefix and suffix products avoid division.
        const n = end - start;
        const suffix = new Array<bigint>(n + 1);
        suffix[n] = 1n;
        for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! * counts[edges[start + i]!]!;
        let prefix = d;
        for (let i = 0; i < n; i++) {
          const child = edges[start + i]!;
          outer[child] = outer[child]! + prefix * suffix[i + 1]!;
          prefix *= counts[child]!;
        }
      } else if (kind === FREE) {
        let both = 0;
        let failures = 0;
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          const options = allowed[v << 1]! + allowed[(v << 1) | 1]!;
          if (options === 2) both++;
          else if (options === 0) failures++;
        }
        if (failures > 1) continue;
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          const options = allowed[v << 1]! + allowed[(v << 1) | 1]!;
          if (failures === 1 && options !== 0) continue;
          const others = d << BigInt(options === 2 ? both - 1 : both);
          result[v << 1] = result[v << 1]! + others;
          result[(v << 1) | 1] = result[(v << 1) | 1]! + others;
        }
      }
    }
    return result;
  }

  /**
   * The least and greatest total weight of a model under the evidence (weights per literal, summed),
   * or undefined when there is no model.
   */
  weightRange(allowed: Uint8Array, weights: Float64Array): { min: number; max: number } | undefined {
    return this.range(allowed, weights, false);
  }

  /** The least and greatest value, over models, of the largest literal weight in the model (e.g. lead time). */
  peakRange(allowed: Uint8Array, weights: Float64Array): { min: number; max: number } | undefined {
    return this.range(allowed, weights, true);
  }

  /**
   * A model minimising `primary` total weight, ties broken by `secondary` (weights per literal).
   * Returns the model as one literal per variable, or undefined when there is none.
   */
  bestModel(allowed: Uint8Array, primary: Float64Array, secondary: Float64Array): Int32Array | undefined {
    const { kinds, offsets, edges, lits, root, numVars } = this.nnf;
    const a = this.primary;
    const b = this.secondary;
    for (let node = 0; node <= root; node++) {
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === FALSE) {
        a[node] = Number.POSITIVE_INFINITY;
        b[node] = 0;
      } else if (kind === TRUE) {
        a[node] = 0;
        b[node] = 0;
      } else if (kind === LIT) {
        const lit = lits[node]!;
        a[node] = allowed[lit] === 1 ? primary[lit]! : Number.POSITIVE_INFINITY;
        b[node] = secondary[lit]!;
      } else if (kind === AND) {
        let sa = 0;
        let sb = 0;
        for (let i = start; i < end; i++) {
          sa += a[edges[i]!]!;
          sb += b[edges[i]!]!;
        }
        a[node] = sa;
        b[node] = sb;
      } else if (kind === OR) {
        let best = edges[start]!;
        for (let i = start + 1; i < end; i++) if (better(a, b, edges[i]!, best)) best = edges[i]!;
        a[node] = a[best]!;
        b[node] = b[best]!;
      } else if (kind === FREE) {
        let sa = 0;
        let sb = 0;
        for (let i = start; i < end; i++) {
          const lit = bestFreeLiteral(edges[i]!, allowed, primary, secondary);
          sa += allowed[lit] === 1 ? primary[lit]! : Number.POSITIVE_INFINITY;
          sb += secondary[lit]!;
        }
        a[node] = sa;
        b[node] = sb;
      }
    }
    if (a[root] === Number.POSITIVE_INFINITY) return undefined;

    const model = new Int32Array(numVars).fill(-1);
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === LIT) {
        model[lits[node]! >> 1] = lits[node]!;
      } else if (kind === AND) {
        for (let i = start; i < end; i++) stack.push(edges[i]!);
      } else if (kind === OR) {
        let best = edges[start]!;
        for (let i = start + 1; i < end; i++) if (better(a, b, edges[i]!, best)) best = edges[i]!;
        stack.push(best);
      } else if (kind === FREE) {
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          model[v] = bestFreeLiteral(v, allowed, primary, secondary);
        }
      }
    }
    return model;
  }

  private range(allowed: Uint8Array, weights: Float64Array, peak: boolean): { min: number; max: number } | undefined {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    const { low, high } = this;
    const none = peak ? Number.NEGATIVE_INFINITY : 0;
    for (let node = 0; node <= root; node++) {
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      if (kind === FALSE) {
        low[node] = Number.POSITIVE_INFINITY;
        high[node] = Number.NEGATIVE_INFINITY;
      } else if (kind === TRUE) {
        low[node] = none;
        high[node] = none;
      } else if (kind === LIT) {
        const lit = lits[node]!;
        const ok = allowed[lit] === 1;
        low[node] = ok ? weights[lit]! : Number.POSITIVE_INFINITY;
        high[node] = ok ? weights[lit]! : Number.NEGATIVE_INFINITY;
      } else if (kind === AND) {
        let lo = none;
        let hi = none;
        for (let i = start; i < end; i++) {
          const child = edges[i]!;
          lo = peak ? Math.max(lo, low[child]!) : lo + low[child]!;
          hi = peak ? Math.max(hi, high[child]!) : hi + high[child]!;
          if (low[child] === Number.POSITIVE_INFINITY) {
            lo = Number.POSITIVE_INFINITY;
            hi = Number.NEGATIVE_INFINITY;
            break;
          }
        }
        low[node] = lo;
        high[node] = hi;
      } else if (kind === OR) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let i = start; i < end; i++) {
          lo = Math.min(lo, low[edges[i]!]!);
          hi = Math.max(hi, high[edges[i]!]!);
        }
        low[node] = lo;
        high[node] = hi;
      } else if (kind === FREE) {
        let lo = none;
        let hi = none;
        for (let i = start; i < end && lo !== Number.POSITIVE_INFINITY; i++) {
          const v = edges[i]!;
          const t = allowed[v << 1] === 1;
          const f = allowed[(v << 1) | 1] === 1;
          if (!t && !f) {
            lo = Number.POSITIVE_INFINITY;
            hi = Number.NEGATIVE_INFINITY;
            break;
          }
          const wt = weights[v << 1]!;
          const wf = weights[(v << 1) | 1]!;
          const vlo = t && f ? Math.min(wt, wf) : t ? wt : wf;
          const vhi = t && f ? Math.max(wt, wf) : t ? wt : wf;
          lo = peak ? Math.max(lo, vlo) : lo + vlo;
          hi = peak ? Math.max(hi, vhi) : hi + vhi;
        }
        low[node] = lo;
        high[node] = hi;
      }
    }
    const min = low[root]!;
    if (min === Number.POSITIVE_INFINITY) return undefined;
    return { min, max: high[root]! };
  }

  private upSat(allowed: Uint8Array): void {
    const { kinds, offsets, edges, lits, root } = this.nnf;
    const sat = this.sat;
    for (let node = 0; node <= root; node++) {
      const kind = kinds[node];
      const start = offsets[node]!;
      const end = offsets[node + 1]!;
      let value = 0;
      if (kind === TRUE) value = 1;
      else if (kind === LIT) value = allowed[lits[node]!]!;
      else if (kind === AND) {
        value = 1;
        for (let i = start; i < end; i++) {
          if (sat[edges[i]!] === 0) {
            value = 0;
            break;
          }
        }
      } else if (kind === OR) {
        for (let i = start; i < end; i++) {
          if (sat[edges[i]!] === 1) {
            value = 1;
            break;
          }
        }
      } else if (kind === FREE) {
        value = 1;
        for (let i = start; i < end; i++) {
          const v = edges[i]!;
          if (allowed[v << 1] === 0 && allowed[(v << 1) | 1] === 0) {
            value = 0;
            break;
          }
        }
      }
      sat[node] = value;
    }
  }

  private upCount(allowed: Uint8Array): void {
    const counts = this.counts;
    const value = (child: number) => counts[child]!;
    for (let node = 0; node <= this.nnf.root; node++) counts[node] = this.countNode(node, allowed, value);
  }

  /** A node's model count from its children's counts (`count(child)`). */
  private countNode(node: number, allowed: Uint8Array, count: (child: number) => bigint): bigint {
    const { kinds, offsets, edges, lits } = this.nnf;
    const kind = kinds[node];
    const start = offsets[node]!;
    const end = offsets[node + 1]!;
    if (kind === TRUE) return 1n;
    if (kind === LIT) return allowed[lits[node]!] === 1 ? 1n : 0n;
    if (kind === OR) {
      let sum = 0n;
      for (let i = start; i < end; i++) sum += count(edges[i]!);
      return sum;
    }
    if (kind === AND) {
      // Literal children count 1 or 0: test them without BigInt arithmetic, which dominates the pass.
      let product = 1n;
      for (let i = start; i < end; i++) {
        const child = edges[i]!;
        if (kinds[child] === LIT) {
          if (allowed[lits[child]!] === 0) return 0n;
          continue;
        }
        const factor = count(child);
        if (factor === 0n) return 0n;
        if (factor !== 1n) product *= factor;
      }
      return product;
    }
    if (kind === FREE) {
      let both = 0;
      for (let i = start; i < end; i++) {
        const v = edges[i]!;
        const options = allowed[v << 1]! + allowed[(v << 1) | 1]!;
        if (options === 0) return 0n;
        if (options === 2) both++;
      }
      return 1n << BigInt(both);
    }
    return 0n;
  }

  /** Parents, the nodes that mention each variable, and counts without evidence (built on first use). */
  private incremental(): IncrementalIndex {
    if (this.index !== undefined) return this.index;
    const { kinds, offsets, edges, lits, nodeCount, numVars } = this.nnf;
    const parentCount = new Int32Array(nodeCount + 1);
    const varCount = new Int32Array(numVars + 1);
    for (let node = 0; node < nodeCount; node++) {
      const free = kinds[node] === FREE;
      for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
        if (free) varCount[edges[i]!]!++;
        else parentCount[edges[i]!]!++;
      }
      if (kinds[node] === LIT) varCount[lits[node]! >> 1]!++;
    }
    const parentStart = prefixSums(parentCount);
    const varStart = prefixSums(varCount);
    const parents = new Int32Array(parentStart[nodeCount]!);
    const varNodes = new Int32Array(varStart[numVars]!);
    const parentFill = parentStart.slice();
    const varFill = varStart.slice();
    for (let node = 0; node < nodeCount; node++) {
      const free = kinds[node] === FREE;
      for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
        if (free) varNodes[varFill[edges[i]!]!++] = node;
        else parents[parentFill[edges[i]!]!++] = node;
      }
      if (kinds[node] === LIT) varNodes[varFill[lits[node]! >> 1]!++] = node;
    }
    this.upCount(new Uint8Array(2 * numVars).fill(1));
    this.index = {
      parentStart,
      parents,
      varStart,
      varNodes,
      base: this.counts.slice(),
      marks: new Int32Array(nodeCount),
      stamp: 0,
    };
    return this.index;
  }
}

interface IncrementalIndex {
  readonly parentStart: Int32Array;
  readonly parents: Int32Array;
  readonly varStart: Int32Array;
  readonly varNodes: Int32Array;
  readonly base: readonly bigint[];
  readonly marks: Int32Array;
  stamp: number;
}

function prefixSums(counts: Int32Array): Int32Array {
  const sums = new Int32Array(counts.length);
  for (let i = 0; i < counts.length - 1; i++) sums[i + 1] = sums[i]! + counts[i]!;
  return sums;
}

function better(a: Float64Array, b: Float64Array, x: number, y: number): boolean {
  return a[x]! < a[y]! || (a[x] === a[y] && b[x]! < b[y]!);
}

function bestFreeLiteral(v: number, allowed: Uint8Array, primary: Float64Array, secondary: Float64Array): number {
  const t = v << 1;
  const f = t | 1;
  if (allowed[t] === 0) return f;
  if (allowed[f] === 0) return t;
  if (primary[t]! !== primary[f]!) return primary[t]! < primary[f]! ? t : f;
  return secondary[t]! <= secondary[f]! ? t : f;
}
