import { defineConfig } from 'vitest/config';

// The pages are served by Spring Boot from classpath:/static/, so Vite writes straight into
// target/classes/static with stable names: the playground's template links /app.js and /app.css,
// the share page's (/t/{id}) /share.js, the workshop join page's (/w/{code}) /join.js and the
// instructor's dashboard /instructor.js, all with the same /app.css.
export default defineConfig({
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: false, // other static resources may live there too
    target: 'es2022',
    sourcemap: true,
    cssCodeSplit: false,
    rollupOptions: {
      input: { app: 'src/main.ts', share: 'src/share.ts', join: 'src/join.ts', instructor: 'src/instructor.ts' },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'app-[name].js',
        assetFileNames: (asset) => (asset.names?.some((n) => n.endsWith('.css')) ? 'app.css' : '[name][extname]'),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
