import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Many tests drive the real CLI or a real Chromium; on a 2-core machine they need room.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Chromium-heavy files compete for 2 cores; two workers keep them from starving each other.
    maxWorkers: 2,
  },
});
