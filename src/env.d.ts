declare namespace App {
  interface Locals {
    /**
     * The header and footer as text, rendered once for the menu entry of the pages being rendered (scripts/render-worker.ts);
     * the layout (src/layouts/Base.astro) renders them itself where this is absent, as on Astro's own pages.
     */
    chrome?: { header: string; footer: string };
  }
}
