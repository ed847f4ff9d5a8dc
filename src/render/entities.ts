/**
 * The entry the entity renderer bundles (scripts/render-entities.ts): the same Astro components the site
 * uses for a subject's credit file and a record's permalink, compiled once by Vite with Astro's plugins and
 * rendered with Astro's container API in worker threads.
 */
export { default as SubjectPage } from '../components/pages/SubjectPage.astro';
export { default as RecordPage } from '../components/pages/RecordPage.astro';
export { default as SubjectSectionPage } from '../components/pages/SubjectSectionPage.astro';
