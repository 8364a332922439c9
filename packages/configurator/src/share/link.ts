import type { Design } from "@kitbash/rules";
import type { PackInfo } from "../engine/info.ts";

/**
 * Compact share links: one varint per variable (its option index + 1, 0 when not chosen), then the
 * texts, base64url-encoded. A 30-variable design fits in about 40 characters.
 */
const FORMAT = 1;

export function encodeDesign(info: PackInfo, design: Design): string {
  const bytes: number[] = [FORMAT];
  const texts: string[] = [];
  for (const variable of info.variables) {
    const value = design[variable.id];
    let index = 0;
    if (value !== undefined) {
      if (variable.kind === "text") {
        index = value === "" ? 2 : 1;
        if (value !== "") texts.push(String(value));
      } else index = optionIndex(variable, value) + 1;
    }
    writeVarint(bytes, index);
  }
  const textBytes = texts.length > 0 ? new TextEncoder().encode(JSON.stringify(texts)) : new Uint8Array();
  return toBase64Url(new Uint8Array([...bytes, ...textBytes]));
}

export function decodeDesign(info: PackInfo, encoded: string): Design | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(encoded);
  } catch {
    return undefined;
  }
  if (bytes[0] !== FORMAT) return undefined;
  const position = { at: 1 };
  const indexes = info.variables.map(() => readVarint(bytes, position));
  if (indexes.some((i) => i === undefined)) return undefined;
  let texts: string[] = [];
  if (position.at < bytes.length) {
    try {
      texts = JSON.parse(new TextDecoder().decode(bytes.subarray(position.at)));
    } catch {
      return undefined;
    }
  }
  const design: Record<string, string | number | boolean> = {};
  info.variables.forEach((variable, v) => {
    const index = indexes[v]!;
    if (index === 0) return;
    if (variable.kind === "text") design[variable.id] = index === 1 ? (texts.shift() ?? "") : "";
    else if (variable.kind === "boolean") design[variable.id] = index === 1;
    else if (variable.kind === "integer") design[variable.id] = variable.numbers?.[index - 1] ?? 0;
    else if (variable.options[index - 1]) design[variable.id] = variable.options[index - 1]!.id;
  });
  return design;
}

function optionIndex(variable: PackInfo["variables"][number], value: string | number | boolean): number {
  if (variable.kind === "boolean") return value === true ? 0 : 1;
  if (variable.kind === "integer") return variable.numbers?.indexOf(Number(value)) ?? -1;
  return variable.options.findIndex((o) => o.id === value);
}

function writeVarint(bytes: number[], value: number): void {
  let rest = Math.max(0, value);
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
}

function readVarint(bytes: Uint8Array, position: { at: number }): number | undefined {
  let value = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    const byte = bytes[position.at++];
    if (byte === undefined) return undefined;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return value;
  }
  return undefined;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
