import { AdaptiveDpr, ContactShadows, Environment, Lightformer, OrbitControls } from "@react-three/drei";
import { Canvas, useFrame, useThree } from "@react-three/fiber";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import type { Object3D, Vector3 } from "three";
import { useConfigurator, useConfiguratorStore, useStrings } from "../app/context.tsx";
import { type CameraPreset, presetPosition, productBox } from "./camera.ts";
import { footprintOf, shadowSize, UNIT_SCALE } from "./footprint.ts";
import { BACKDROP_LAYER } from "./layers.ts";
import { ProductModel } from "./ProductModel.tsx";
import { detectQuality, type Quality, QualityContext, useQuality } from "./quality.ts";

/** What the DOM around the canvas can ask of the 3D view. */
export interface ViewerApi {
  snapshot(width?: number): string;
  exportGltf(): Promise<Blob>;
  setCamera(preset: CameraPreset): void;
}

export interface ViewerProps {
  onReady?: (api: ViewerApi) => void;
  /** Keep the drawing buffer so tests and thumbnails can read pixels back. */
  preserveDrawingBuffer?: boolean;
}

/** The 3D view: the design's parts, studio lighting, orbit controls and camera presets. */
export default function Viewer({ onReady, preserveDrawingBuffer = false }: ViewerProps) {
  const t = useStrings();
  const preset = useRef<CameraPreset | null>("angle");
  const presets: [CameraPreset, string][] = [
    ["angle", t.cameraAngle],
    ["front", t.cameraFront],
    ["side", t.cameraSide],
    ["top", t.cameraTop],
  ];
  const api = useRef<ViewerApi | null>(null);
  const quality = useMemo(detectQuality, []);
  const full = quality === "full";
  return (
    <div className="viewer">
      <QualityContext value={quality}>
        <Canvas
          shadows={full}
          dpr={[1, 2]}
          // While the camera moves, a slow renderer draws at half resolution and sharpens when it stops.
          performance={{ min: full ? 1 : 0.5 }}
          camera={{ position: [2, 1.5, 2.5], fov: 35, near: 0.01, far: 100 }}
          // Render only when something changes (a click, the camera): idle frames would take the CPU
          // the engine needs, and software renderers draw slowly.
          frameloop="demand"
          gl={{ preserveDrawingBuffer, antialias: full }}
          data-quality={quality}
          onCreated={({ camera, raycaster, gl, scene }) => {
            camera.layers.enable(BACKDROP_LAYER);
            raycaster.layers.enable(BACKDROP_LAYER);
            // Tests that read pixels back also read the scene (for example the contact shadow's texture).
            if (preserveDrawingBuffer) Object.assign(window, { kitbashThree: { gl, scene } });
          }}
        >
          <color attach="background" args={["#f3f0ea"]} />
          <Lighting quality={quality} />
          <Product />
          <Shadow />
          {!full && <AdaptiveDpr />}
          {!full && <QuickFrameAfterClick />}
          <Controls regress={!full} />
          <CameraRig
            preset={preset}
            onReady={(rig) => {
              api.current = rig;
              onReady?.(rig);
            }}
          />
        </Canvas>
      </QualityContext>
      <fieldset className="viewer__cameras" aria-label={t.camera}>
        {presets.map(([id, label]) => (
          <button key={id} type="button" onClick={() => api.current?.setCamera(id)}>
            {label}
          </button>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * Studio lighting. Full: image-based light from two soft boxes and a shadow-casting key light. Lite: the same
 * key and fill without the environment map and shadow map, which cost most of a frame on a software renderer.
 */
function Lighting({ quality }: { quality: Quality }) {
  if (quality === "lite")
    return (
      <>
        <hemisphereLight args={["#ffffff", "#d8cfc0", 0.9]} />
        <directionalLight position={[3, 5, 4]} intensity={1.5} />
        <directionalLight position={[-4, 2, -2]} intensity={0.4} />
      </>
    );
  return (
    <>
      <hemisphereLight args={["#ffffff", "#d8cfc0", 0.7]} />
      <directionalLight position={[3, 5, 4]} intensity={1.6} castShadow shadow-mapSize={[1024, 1024]} />
      <Environment resolution={64}>
        <Lightformer intensity={1.2} position={[0, 3, 3]} scale={[6, 2, 1]} />
        <Lightformer intensity={0.6} position={[-4, 1, -2]} scale={[3, 3, 1]} />
      </Environment>
      <StaticShadowMap />
    </>
  );
}

/** The scene's shape: it changes on a click that moves, resizes, adds or removes parts, not on an orbit. */
const useSceneShape = () =>
  useConfigurator(
    (s) => s.snapshot?.scene.parts.map((p) => `${p.key}:${p.position}:${p.size}:${p.rotation}`).join("|") ?? "",
  );

/** The light and the parts stand still while the camera orbits: redraw the shadow map only when the shape changes. */
function StaticShadowMap() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const shape = useSceneShape();
  useEffect(() => {
    gl.shadowMap.autoUpdate = false;
    return () => {
      gl.shadowMap.autoUpdate = true;
    };
  }, [gl]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the shape is the reason to redraw
  useEffect(() => {
    gl.shadowMap.needsUpdate = true;
    invalidate();
  }, [gl, invalidate, shape]);
  return null;
}

/**
 * A soft contact shadow under the product only (backdrop parts are on a layer its camera does not see), drawn
 * once per change of the scene's shape: ContactShadows redraws when it re-renders.
 */
function Shadow() {
  const store = useConfiguratorStore();
  // A software renderer redraws a small shadow much faster, and blurred it looks the same: at 128 pixels the
  // shadow adds under 1 ms to the median click on SwiftShader (62.5 ms with it, 61.8 without).
  const resolution = useQuality() === "full" ? 256 : 128;
  const shape = useSceneShape();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the footprint follows the shape
  const [width, depth] = useMemo(() => {
    const scene = store.getState().snapshot?.scene;
    return scene ? shadowSize(footprintOf(scene)) : [0, 0];
  }, [store, shape]);
  // drei allocates render targets (and does not free the old ones) whenever this array changes identity.
  const scale = useMemo<[number, number]>(() => [width, depth], [width, depth]);
  if (width === 0) return null;
  // 1 cm above height 0, where packs put their floors: a plane in the same place flickers through them, and a
  // rug lies a few millimetres higher.
  // drei blurs the shadow with a camera that sees nothing from above height 0: patched in `patches/`.
  return (
    <ContactShadows
      name="contact-shadow"
      position={[0, 0.01, 0]}
      scale={scale}
      frames={1}
      resolution={resolution}
      opacity={0.45}
      blur={2.4}
      far={3}
    />
  );
}

function Product() {
  const unit = useConfigurator((s) => s.snapshot?.scene.unit ?? "cm");
  const store = useConfiguratorStore();
  return (
    <group scale={UNIT_SCALE[unit]} onPointerMissed={() => store.getState().select(null)}>
      <ProductModel />
    </group>
  );
}

/**
 * On a software renderer a full-resolution frame takes tens of milliseconds: the frame that shows a click's
 * answer is drawn at the dragging resolution, and sharpened once the customer pauses (R3F's debounce).
 */
function QuickFrameAfterClick() {
  const regress = useThree((s) => s.performance.regress);
  const snapshot = useConfigurator((s) => s.snapshot);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new snapshot is the reason to regress
  useLayoutEffect(() => regress(), [regress, snapshot]);
  return null;
}

/** Orbit controls; with `regress`, the customer's drag (not a camera preset's flight) lowers the resolution. */
function Controls({ regress }: { regress: boolean }) {
  const performance = useThree((s) => s.performance);
  const dragging = useRef(false);
  return (
    <OrbitControls
      makeDefault
      enableDamping
      minDistance={0.3}
      maxDistance={20}
      maxPolarAngle={Math.PI / 2 - 0.02}
      onStart={() => {
        dragging.current = true;
      }}
      onEnd={() => {
        dragging.current = false;
      }}
      onChange={() => {
        if (regress && dragging.current) performance.regress();
      }}
    />
  );
}

/** Moves the camera towards a preset without React state: refs read in the frame loop. */
function CameraRig({
  preset,
  onReady,
}: {
  preset: React.RefObject<CameraPreset | null>;
  onReady: (api: ViewerApi) => void;
}) {
  const { camera, scene, gl, controls, invalidate } = useThree();
  const goal = useRef<{ position: Vector3; target: Vector3 } | null>(null);
  const parts = useConfigurator((s) => s.snapshot?.scene.parts.length ?? 0);
  const framed = useRef(false);

  useEffect(() => {
    const product = scene.getObjectByName("product");
    const fit = (which: CameraPreset) => {
      if (!product) return;
      const box = productBox(product);
      if (box.isEmpty()) return;
      goal.current = presetPosition(which, box);
      invalidate();
    };
    if (parts > 0 && !framed.current && preset.current) {
      framed.current = true;
      fit(preset.current);
      // The first frame with the product drawn: the moment the 3D view becomes interactive.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          performance.mark("kitbash:interactive");
          gl.domElement.closest(".viewer")?.setAttribute("data-ready", "true");
        }),
      );
    }
    onReady({
      setCamera: (which) => {
        preset.current = which;
        fit(which);
      },
      snapshot: (width = 640) => snapshotOf(gl, scene, camera, width),
      exportGltf: () => exportGltf(product ?? scene),
    });
  }, [scene, gl, camera, parts, preset, onReady, invalidate]);

  useFrame((_, delta) => {
    const next = goal.current;
    if (!next) return;
    invalidate(); // on demand, keep frames coming until the camera arrives
    const orbit = controls as unknown as { target: Vector3; update(): void } | null;
    const step = 1 - Math.exp(-delta * 6);
    camera.position.lerp(next.position, step);
    orbit?.target.lerp(next.target, step);
    orbit?.update();
    if (camera.position.distanceTo(next.position) < 0.002) goal.current = null;
  });
  return null;
}

function snapshotOf(
  gl: { render: (s: Object3D, c: never) => void; domElement: HTMLCanvasElement },
  scene: Object3D,
  camera: unknown,
  width: number,
): string {
  gl.render(scene, camera as never);
  const source = gl.domElement;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = Math.round((source.height / source.width) * width);
  canvas.getContext("2d")?.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png");
}

async function exportGltf(object: Object3D): Promise<Blob> {
  const { GLTFExporter } = await import("three/examples/jsm/exporters/GLTFExporter.js");
  const result = await new GLTFExporter().parseAsync(object, { binary: true });
  return new Blob([result as ArrayBuffer], { type: "model/gltf-binary" });
}
