/**
 * The votes this browser cast (per creator), for where a design was loaded without the creator token;
 * the API's `voted` field wins when present, and a 409 "already_voted" or 404 "not_voted" corrects it.
 */
const key = (creatorId: string) => `kitbash:votes:${creatorId}`;

function read(creatorId: string): Record<string, boolean> {
  try {
    const value = JSON.parse(localStorage.getItem(key(creatorId)) ?? "{}");
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}

/** true or false when this browser knows, null when it does not. */
export function rememberedVote(creatorId: string, designId: string): boolean | null {
  return read(creatorId)[designId] ?? null;
}

export function rememberVote(creatorId: string, designId: string, voted: boolean): void {
  try {
    const all = read(creatorId);
    all[designId] = voted;
    localStorage.setItem(key(creatorId), JSON.stringify(all));
  } catch {
    // Storage full or blocked: the button still works, it only forgets after a reload.
  }
}
