import { OrbitControls } from "@react-three/drei";
import { Canvas } from "@react-three/fiber";
import { createRoot } from "react-dom/client";

/** The reference for bench:web: an empty R3F scene with the same controls, nothing else. */
function Empty() {
  return (
    <Canvas
      camera={{ position: [2, 1.5, 2.5], fov: 35 }}
      gl={{ preserveDrawingBuffer: true }}
      onCreated={() =>
        requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("kitbash:interactive")))
      }
    >
      <color attach="background" args={["#f3f0ea"]} />
      <OrbitControls makeDefault />
    </Canvas>
  );
}

createRoot(document.getElementById("root")!).render(<Empty />);
