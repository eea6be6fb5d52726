import { defineConfig } from 'vitest/config';

// The page is served by Spring Boot from classpath:/static/, so Vite writes straight into
// target/classes/static with stable names (the Thymeleaf template links /app.js and /app.css).
export default defineConfig({
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: false, // other static resources may live there too
    target: 'es2022',
    sourcemap: true,
    cssCodeSplit: false,
    rollupOptions: {
      input: 'src/main.ts',
      output: {
        format: 'es',
        entryFileNames: 'app.js',
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
