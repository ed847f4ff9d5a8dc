// .astro files imported from TypeScript (src/render/entities.ts): Vite compiles them; plain tsc only needs
// to know that the default export is an Astro component factory.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
