import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
  build: {
    target: "es2022",
    // The first render needs React, the panels and the engine; three.js and the 3D view load after.
    chunkSizeWarningLimit: 1200,
    // bench/empty.html: an empty R3F scene, the reference that bench:web measures beside the product.
    rollupOptions: { input: { main: "index.html", empty: "bench/empty.html" } },
  },
  worker: { format: "es" },
});
