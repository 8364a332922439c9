/** The parts of logic-solver (MiniSat compiled to JavaScript) the benchmark baseline uses. */
declare module "logic-solver" {
  type Term = string;
  interface Formula {
    readonly __formula: true;
  }
  interface Solution {
    getTrueVars(): string[];
  }
  class Solver {
    require(...formulas: (Formula | Term)[]): void;
    solve(): Solution | null;
    solveAssuming(formula: Formula | Term): Solution | null;
  }
  const Logic: {
    Solver: typeof Solver;
    or(...operands: (Formula | Term)[]): Formula;
    and(...operands: (Formula | Term)[]): Formula;
  };
  export default Logic;
}
