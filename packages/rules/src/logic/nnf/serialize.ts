import type { Cnf } from "../cnf.ts";
import type { Nnf } from "./nnf.ts";

const MAGIC = 0x464e424b; // "KBNF"
/**
 * The bytes' version: 2 has DECISION nodes (one per OR of two conjunctions); 3 has the same layout, its
 * shared children factored, and a new number so that browsers fetch it instead of the one they cached.
 */
export const SPACE_FORMAT = 3;
const HEADER_WORDS = 8;

/**
 * A d-DNNF as bytes, so a server can compile once and clients load it instead of compiling.
 * `fingerprint` ties it to the CNF it was compiled from (see cnfFingerprint).
 */
export function serializeNnf(nnf: Nnf, fingerprint: number): Uint8Array {
  const kindsWords = Math.ceil(nnf.nodeCount / 4);
  const words = HEADER_WORDS + kindsWords + (nnf.nodeCount + 1) + nnf.edges.length + nnf.nodeCount;
  const buffer = new ArrayBuffer(words * 4);
  const header = new Uint32Array(buffer, 0, HEADER_WORDS);
  header.set([MAGIC, SPACE_FORMAT, fingerprint >>> 0, nnf.numVars, nnf.nodeCount, nnf.root, nnf.edges.length, 0]);
  let at = HEADER_WORDS * 4;
  new Uint8Array(buffer, at, nnf.nodeCount).set(nnf.kinds);
  at += kindsWords * 4;
  new Int32Array(buffer, at, nnf.nodeCount + 1).set(nnf.offsets);
  at += (nnf.nodeCount + 1) * 4;
  new Int32Array(buffer, at, nnf.edges.length).set(nnf.edges);
  at += nnf.edges.length * 4;
  new Int32Array(buffer, at, nnf.nodeCount).set(nnf.lits);
  return new Uint8Array(buffer);
}

/** The d-DNNF in `bytes` if they are well-formed and were compiled from a CNF with `fingerprint`. */
export function deserializeNnf(bytes: Uint8Array, fingerprint: number): Nnf | undefined {
  if (bytes.byteLength < HEADER_WORDS * 4 || bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_WORDS * 4) return undefined;
  const word = (i: number) => view.getUint32(i * 4, true);
  if (word(0) !== MAGIC || word(1) !== SPACE_FORMAT || word(2) !== fingerprint >>> 0) return undefined;
  const [numVars, nodeCount, root, edgeCount] = [word(3), word(4), word(5), word(6)];
  const kindsWords = Math.ceil(nodeCount / 4);
  const expected = (HEADER_WORDS + kindsWords + nodeCount + 1 + edgeCount + nodeCount) * 4;
  if (bytes.byteLength !== expected || root >= nodeCount) return undefined;
  let at = bytes.byteOffset + HEADER_WORDS * 4;
  const kinds = new Uint8Array(bytes.buffer.slice(at, at + nodeCount));
  at += kindsWords * 4;
  const ints = (count: number) => {
    const array = new Int32Array(bytes.buffer.slice(at, at + count * 4));
    at += count * 4;
    return array;
  };
  const offsets = ints(nodeCount + 1);
  const edges = ints(edgeCount);
  const lits = ints(nodeCount);
  return { numVars, nodeCount, root, kinds, offsets, edges, lits };
}

/** A 32-bit FNV-1a hash of a CNF: equal CNFs (same clauses, same order) have equal fingerprints. */
export function cnfFingerprint(cnf: Cnf): number {
  let h = 0x811c9dc5 ^ cnf.numVars;
  const mix = (x: number) => {
    h = Math.imul(h ^ x, 0x01000193);
  };
  for (const clause of cnf.clauses) {
    for (const lit of clause) mix(lit);
    mix(0);
  }
  return h >>> 0;
}
