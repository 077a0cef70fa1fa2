import { defineConfig } from 'vitest/config';

// JSX goes through Vite's built-in transformer (automatic runtime from preact),
// so no Babel-based preset is needed.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // The server's CSP is script-src 'self': keep every script in a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
