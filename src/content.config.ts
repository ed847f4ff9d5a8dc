/**
 * The one place collections are declared: policies, guides, cases and news, MDX written by the credit office.
 * Records and subjects are not collections: the ingest writes and validates them (content/data/), and the
 * site reads them as they are: Astro's own pages read only the ingest's summary and report (src/lib/view/data.ts),
 * the pages made from the records are rendered by scripts/render-entities.ts. The content layer would validate them
 * again and serialise them all into its data store (16 MB for the sample, about 1 GB for a city).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArticleSchema, GuideSchema, PolicySchema } from './lib/schemas/content.ts';

const mdx = (dir: string) => glob({ pattern: '*.mdx', base: `./content/${dir}` });

export const collections = {
  policies: defineCollection({ loader: mdx('policies'), schema: PolicySchema }),
  guides: defineCollection({ loader: mdx('guides'), schema: GuideSchema }),
  cases: defineCollection({ loader: mdx('cases'), schema: ArticleSchema }),
  news: defineCollection({ loader: mdx('news'), schema: ArticleSchema }),
};
