import { defineConfig } from 'vite';

// Preact through the automatic JSX runtime: no plugin needed. The API serves the build at /app.
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
});
