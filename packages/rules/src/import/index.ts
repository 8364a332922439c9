export { DIMACS_DEFAULT_MAX_BYTES, DIMACS_MAX_VARIABLES, dimacsVariable, parseDimacs } from "./dimacs.ts";
export type { ImportOptions, ImportResult } from "./result.ts";
export { parseUvl, UVL_DEFAULT_MAX_BYTES, type UvlImportOptions } from "./uvl.ts";
