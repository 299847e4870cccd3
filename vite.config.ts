import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * renderer/api/early.ts is an entry of its own, loaded first and on its own (async, no imports):
 * it sends the first screen's calls as soon as the page starts, while the app's modules are still
 * being fetched and evaluated. The app imports its state from the same chunk.
 */
function earlyCallsFirst(): Plugin {
  return {
    name: 'policylens-early-calls-first',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        if (!chunk) return html;
        // Before the app's own script (so it is fetched first), after the Content-Security-Policy (which applies to what follows it).
        const tag = `<script type="module" async crossorigin src="./${chunk.fileName}"></script>`;
        return html.replace(/^(\s*)<script /m, `$1${tag}\n$1<script `);
      },
    },
  };
}

// The renderer is built once into dist/renderer and served by Electron (file://) or by the
// browser-mode host; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyCallsFirst()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html'), early: resolve(import.meta.dirname, 'renderer/api/early.ts') } },
  },
});
