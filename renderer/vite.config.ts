import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Runs in Node at build time (import.meta.dirname), not in the renderer.
// Built to plain files loaded from the app bundle (file://), so every URL is relative and
// nothing is inlined that the CSP (script-src 'self'; style-src 'self') would refuse.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${import.meta.dirname}/../dist/renderer`,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'chrome140',
  },
});
