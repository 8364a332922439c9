import { lintModel } from "../engine/lint.ts";
import { type Io, EXIT_INVALID, EXIT_OK, printDiagnostics } from "./io.ts";
import { loadModel } from "./load.ts";

/** `kitbash check MODEL`: errors with their positions (exit 1), then lints as warnings. */
export function check(io: Io, file: string, options: { budgetMs?: number } = {}): number {
  const loaded = loadModel(file);
  if (!loaded.ok) {
    printDiagnostics(io, loaded.diagnostics, file);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error").length;
    io.out(`${file}: ${errors} error${errors === 1 ? "" : "s"}`);
    return EXIT_INVALID;
  }
  printDiagnostics(io, loaded.warnings, file);
  const lint = lintModel(loaded.model, { budgetMs: options.budgetMs ?? 10_000 });
  for (const finding of lint.findings) io.out(`${file}: warning [${finding.code}] ${finding.message}`);
  const { model } = loaded;
  io.out(
    `${file}: ok (${loaded.kind}, ${model.variables.length} variables, ${model.constraints.length} constraints, ` +
      `${lint.mode} mode${lint.count === undefined ? "" : `, ${lint.count} configurations`}; ` +
      `${lint.dead} dead option${lint.dead === 1 ? "" : "s"}, ${lint.forced} forced, ` +
      `${lint.redundant} constraint${lint.redundant === 1 ? "" : "s"} that never bind${lint.redundantComplete ? "" : ` (checked ${lint.redundantChecked} of ${model.constraints.length} within the time budget)`})`,
  );
  return EXIT_OK;
}
