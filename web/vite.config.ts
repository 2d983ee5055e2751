// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from "vite";

// The build directory comes from the CMake build (PARLEY_WEB_OUT_DIR); `npm run build` alone writes dist/.
export default defineConfig({
  base: "./",
  build: {
    outDir: process.env.PARLEY_WEB_OUT_DIR ?? "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` talks to a `parley serve` on the default port.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
  test: { include: ["tests/**/*.test.ts"] },
});
