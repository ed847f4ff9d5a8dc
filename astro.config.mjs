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
  // scripts/build.ts builds into a staging folder and publishes into dist/ only the files that changed.
  outDir: process.env.CREDIT_ASTRO_OUT ?? './dist',
  vite: { plugins: [tailwindcss()] },
});
