import { createContext, useContext } from "react";

/**
 * How much the 3D view draws. "full" has image-based lighting, a shadow map and multisampling; "lite" drops
 * them, for renderers that draw every pixel on the CPU (SwiftShader, llvmpipe), where they cost most of a frame.
 */
export type Quality = "full" | "lite";

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let detected: Quality | undefined;

/**
 * The quality for this browser: `?quality=full|lite` in the address wins; otherwise "lite" on a software
 * renderer. Decided before the canvas exists, because multisampling is fixed when a WebGL context is created.
 */
export function detectQuality(): Quality {
  const asked = new URLSearchParams(window.location.search).get("quality");
  if (asked === "full" || asked === "lite") return asked;
  detected ??= probeRenderer();
  return detected;
}

function probeRenderer(): Quality {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  if (!gl) return "lite";
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return SOFTWARE_RENDERER.test(renderer) ? "lite" : "full";
}

export const QualityContext = createContext<Quality>("full");

export const useQuality = () => useContext(QualityContext);
