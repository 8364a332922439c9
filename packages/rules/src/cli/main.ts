import { parseArgs } from "node:util";
import { bench } from "./bench.ts";
import { check } from "./check.ts";
import { EXIT_USAGE, type Io } from "./io.ts";
import { count, domains, explain, replay, type SpaceFlags } from "./queries.ts";

const USAGE = `usage: kitbash <command> MODEL [options]

MODEL is a rule pack (.json), a DIMACS CNF (.cnf) or a UVL feature model (.uvl).
LITS are space-separated choices: "12 -40" for CNF; "frame=oak bays.2.type=drawers !lights" for packs.

commands:
  check MODEL                              errors with their positions; lints dead and forced options
                                           and constraints that never bind
  count MODEL [--assume LITS]              the exact number of complete configurations (last line)
        [--queries FILE]                   one count per line of FILE (one LITS per line)
  domains MODEL [--assume LITS]            JSON of the values still selectable per variable
  explain MODEL --assume LITS --want LIT   minimal blocking choices and constraints, and a repair, as JSON
  replay MODEL SESSIONS                    one JSON line per click: {"count", "blocked"}
  bench MODEL [--sessions N] [--clicks N]  compile time, size, memory and per-click latency against a
        [--baseline-clicks N] [--seed N]   SAT baseline measured in the same run

options:
  --budget MS        compile budget before falling back to search mode (default 10000)
  --mode MODE        auto, compiled or search`;

/** Runs one command line and returns the exit code. */
export function run(argv: readonly string[], io: Io): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const [command, file, extra] = positionals;
  if (values.help || command === undefined || command === "help") {
    io.out(USAGE);
    return values.help || command === "help" ? 0 : EXIT_USAGE;
  }
  if (file === undefined) {
    io.err(`kitbash ${command}: missing MODEL\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const mode = values.mode;
  if (mode !== undefined && !isMode(mode)) {
    io.err(`--mode must be auto, compiled or search, not "${mode}"`);
    return EXIT_USAGE;
  }
  const budget = number(values.budget, "--budget", io);
  if (budget === null) return EXIT_USAGE;
  const flags = { ...(budget !== undefined ? { budgetMs: budget } : {}), ...(mode !== undefined ? { mode } : {}) };
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    value === undefined ? {} : ({ [key]: value } as Record<K, V>);
  switch (command) {
    case "check":
      return check(io, file, optional("budgetMs", budget));
    case "count":
      return count(io, file, {
        ...flags,
        ...optional("assume", values.assume),
        ...optional("queries", values.queries),
      });
    case "domains":
      return domains(io, file, { ...flags, ...optional("assume", values.assume) });
    case "explain":
      if (values.want === undefined) {
        io.err("kitbash explain: --want LIT is required");
        return EXIT_USAGE;
      }
      return explain(io, file, { ...flags, ...optional("assume", values.assume), want: values.want });
    case "replay":
      if (extra === undefined) {
        io.err("kitbash replay: missing SESSIONS file");
        return EXIT_USAGE;
      }
      return replay(io, file, extra, flags);
    case "bench": {
      const sessions = number(values.sessions, "--sessions", io);
      const clicks = number(values.clicks, "--clicks", io);
      const baseline = number(values["baseline-clicks"], "--baseline-clicks", io);
      const seed = number(values.seed, "--seed", io);
      if (sessions === null || clicks === null || baseline === null || seed === null) return EXIT_USAGE;
      return bench(io, file, {
        ...flags,
        ...optional("sessions", sessions),
        ...optional("clicks", clicks),
        ...optional("baselineClicks", baseline),
        ...optional("seed", seed),
      });
    }
    default:
      io.err(`unknown command "${command}"\n\n${USAGE}`);
      return EXIT_USAGE;
  }
}

function isMode(mode: string): mode is NonNullable<SpaceFlags["mode"]> {
  return mode === "auto" || mode === "compiled" || mode === "search";
}

const VALUE_OPTIONS = new Set([
  "--assume",
  "--want",
  "--queries",
  "--budget",
  "--mode",
  "--sessions",
  "--clicks",
  "--baseline-clicks",
  "--seed",
]);

/** Binds each option to the next argument, so CNF literals like `--assume "-12 40"` are values, not flags. */
function bindValues(argv: readonly string[]): string[] {
  const bound: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg) && i + 1 < argv.length) bound.push(`${arg}=${argv[++i]}`);
    else bound.push(arg);
  }
  return bound;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: bindValues(argv),
    allowPositionals: true,
    strict: true,
    options: {
      assume: { type: "string" },
      want: { type: "string" },
      queries: { type: "string" },
      budget: { type: "string" },
      mode: { type: "string" },
      sessions: { type: "string" },
      clicks: { type: "string" },
      "baseline-clicks": { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** A non-negative integer flag: undefined when absent, null (after a message) when malformed. */
function number(value: string | undefined, flag: string, io: Io): number | undefined | null {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    io.err(`${flag} must be a whole number, not "${value}"`);
    return null;
  }
  return Number(value);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const io: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  process.exitCode = run(process.argv.slice(2), io);
}
