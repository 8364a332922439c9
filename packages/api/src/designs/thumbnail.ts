import { ApiError } from "../errors.ts";

export const MAX_THUMBNAIL_BYTES = 256 * 1024;

const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};

/** Decodes a `data:image/...;base64,` thumbnail, checking its size and that the bytes are the image type claimed. */
export function decodeThumbnail(dataUrl: string): { bytes: Uint8Array; type: string } {
  const match = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
  if (!match)
    throw new ApiError(
      400,
      "malformed",
      "thumbnail must be a data URL: data:image/png;base64,... (png, jpeg or webp)",
      [{ path: ["thumbnail"] }],
    );
  const type = match[1]!;
  const bytes = new Uint8Array(Buffer.from(match[2]!, "base64"));
  if (bytes.length > MAX_THUMBNAIL_BYTES) {
    throw new ApiError(
      413,
      "too_large",
      `the thumbnail is ${bytes.length} bytes; at most ${MAX_THUMBNAIL_BYTES} are kept`,
      [{ path: ["thumbnail"] }],
    );
  }
  if (!SIGNATURES[type]!(bytes))
    throw new ApiError(400, "malformed", `the thumbnail's bytes are not a ${type} image`, [{ path: ["thumbnail"] }]);
  return { bytes, type };
}
