/**
 * The entry the entity renderer bundles (scripts/render-entities.ts): the Astro components of the pages made from
 * the data (credit files, permalinks, lists, authorities, the subject index), compiled once by Vite with Astro's
 * plugins and rendered with Astro's container API in worker threads.
 */
export { default as SubjectPage } from '../components/pages/SubjectPage.astro';
export { default as RecordPage } from '../components/pages/RecordPage.astro';
export { default as SubjectSectionPage } from '../components/pages/SubjectSectionPage.astro';
export { default as ListPage } from '../components/ListPage.astro';
export { default as MonthPage } from '../components/pages/MonthPage.astro';
export { default as AuthoritiesPage } from '../components/pages/AuthoritiesPage.astro';
export { default as AuthorityPage } from '../components/pages/AuthorityPage.astro';
export { default as AuthorityKindPage } from '../components/pages/AuthorityKindPage.astro';
export { default as SubjectsPage } from '../components/pages/SubjectsPage.astro';
export { default as SubjectsLetterPage } from '../components/pages/SubjectsLetterPage.astro';
export { default as SubjectsPartPage } from '../components/pages/SubjectsPartPage.astro';
export { default as Batch } from './Batch.astro';
export { default as SiteHeader } from '../components/SiteHeader.astro';
export { default as SiteFooter } from '../components/SiteFooter.astro';
