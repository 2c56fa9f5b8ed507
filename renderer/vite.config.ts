import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { withCspMeta } from '../shared/csp';

// Runs in Node at build time (import.meta.dirname), not in the renderer.
// Built to plain files loaded from the app bundle (file://), so every URL is relative and
// nothing is inlined that the CSP (script-src 'self'; style-src 'self') would refuse.
// The CSP's meta tag is written into index.html here, from shared/csp.ts, the same text
// main/app sends as a header: one source, and a page without it fails the build.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), { name: 'sscp-csp-meta', transformIndexHtml: { order: 'pre', handler: withCspMeta } }],
  build: {
    outDir: `${import.meta.dirname}/../dist/renderer`,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'chrome140',
  },
});
