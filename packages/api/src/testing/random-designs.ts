import {
  type Choice,
  type CompiledPack,
  choicesToDesign,
  createSpace,
  type Design,
  validateDesign,
} from "@kitbash/rules";

/**
 * Valid complete designs as customers make them: a few clicks on values still possible, then the
 * defaults for the rest. Every design is checked with validateDesign.
 */
export function randomDesigns(compiled: CompiledPack, count: number, random: () => number, clicks = 8): Design[] {
  const { space } = createSpace(compiled.model);
  const designs: Design[] = [];
  for (let attempt = 0; designs.length < count && attempt < count * 4; attempt++) {
    const choices: Choice[] = [];
    for (let k = 0; k < clicks; k++) {
      const { possible } = space.evaluate(choices);
      const chosen = new Set(choices.map((c) => c.variable));
      const open = possible.flatMap((values, v) => (!chosen.has(v) && values.filter(Boolean).length > 1 ? [v] : []));
      if (open.length === 0) break;
      const variable = open[Math.floor(random() * open.length)]!;
      const values = possible[variable]!.flatMap((ok, i) => (ok ? [i] : []));
      choices.push({ variable, value: values[Math.floor(random() * values.length)]!, negated: false });
    }
    const complete = space.complete(choices, "default");
    if (!complete) continue;
    const texts = Object.fromEntries(
      compiled.structure.variables.filter((v) => v.kind === "text").map((v) => [v.id, "Kit"]),
    );
    const design = choicesToDesign(compiled, complete, texts);
    if (validateDesign(compiled, design).valid) designs.push(design);
  }
  return designs;
}
