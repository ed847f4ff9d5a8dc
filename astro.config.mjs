// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';

// Static output only: the portal must run from any static server or CDN.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  // scripts/build.ts clears dist/ itself: Astro must leave the entity pages the renderer keeps up to date.
  vite: { plugins: [tailwindcss()], build: { emptyOutDir: false } },
});
