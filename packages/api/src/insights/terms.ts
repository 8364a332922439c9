/**
 * Keywords of a wish, normalized so that wishes about the same thing share them: lower case, accents
 * removed, words of 3+ letters, common English words and wish boilerplate dropped ("would", "like"),
 * simple plurals made singular ("drawers" → "drawer", "shelves" → "shelf"). Deliberately simple: a product
 * team can see why two wishes landed in one theme.
 */
export function keywords(text: string | null | undefined): string[] {
  if (!text) return [];
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const seen = new Set<string>();
  for (const word of words) {
    if (word.length < 3 || STOP.has(word) || /^\d+$/.test(word)) continue;
    const term = singular(word);
    if (!STOP.has(term)) seen.add(term);
  }
  return [...seen];
}

function singular(word: string): string {
  if (word.length <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ves") && word.length > 4) return `${word.slice(0, -3)}f`;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

const STOP = new Set(
  `a about above after again against all also always am an and any are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each even ever
  every few for from further get got had has have having he her here hers herself him himself his how i if in
  into is isn it its itself just let me more most much must my myself need needs no nor not now of off on once
  only or other ought our ours ourselves out over own please quite rather really same she should so some such
  than that the their theirs them themselves then there these they this those through thus to too under until
  up upon us very was wasn way we were what when where which while who whom why will with within without won
  would wouldn yes yet you your yours yourself yourselves able add added also allow allowed another anything bit
  better could even everything good great kind like lot love make maybe mine nice option options perfect pretty
  something still thing things want wanted wish would etc`.split(/\s+/),
);
