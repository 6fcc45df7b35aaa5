import { defineConfig } from 'vitest/config';

/** Checks on the built extension (manifest, permissions, sizes): run after `wxt build`. */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: { include: ['tests/build/**/*.test.ts'], environment: 'node' },
});
