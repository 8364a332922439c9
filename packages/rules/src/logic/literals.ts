/**
 * Internal literal encoding shared by the solver and the compiler:
 * variable v (0-based) has literals 2v (true) and 2v+1 (false), so negation is `lit ^ 1`.
 * External models use DIMACS-style signed 1-based integers.
 */
export type Lit = number;

export const litFromDimacs = (dimacs: number): Lit => (dimacs > 0 ? (dimacs - 1) << 1 : ((-dimacs - 1) << 1) | 1);

export const litToDimacs = (lit: Lit): number => (lit & 1 ? -((lit >> 1) + 1) : (lit >> 1) + 1);

export const litVar = (lit: Lit): number => lit >> 1;

export const negate = (lit: Lit): Lit => lit ^ 1;

export const positive = (variable: number): Lit => variable << 1;

export const negative = (variable: number): Lit => (variable << 1) | 1;

export const isNegative = (lit: Lit): boolean => (lit & 1) === 1;
