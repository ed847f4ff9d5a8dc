/**
 * The one place collections are declared. Records and subjects are written by the ingest
 * (`npm run ingest`, content/data/) and validated again here with the same schemas; policies,
 * guides, cases and news are MDX written by the credit office.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ArticleSchema, GuideSchema, PolicySchema } from './lib/schemas/content.ts';
import { PublishedRecordSchema } from './lib/schemas/record.ts';
import { SubjectSchema } from './lib/schemas/subject.ts';

const mdx = (dir: string) => glob({ pattern: '*.mdx', base: `./content/${dir}` });

export const collections = {
  records: defineCollection({ loader: file('content/data/records.json'), schema: PublishedRecordSchema }),
  subjects: defineCollection({ loader: file('content/data/subjects.json'), schema: SubjectSchema }),
  policies: defineCollection({ loader: mdx('policies'), schema: PolicySchema }),
  guides: defineCollection({ loader: mdx('guides'), schema: GuideSchema }),
  cases: defineCollection({ loader: mdx('cases'), schema: ArticleSchema }),
  news: defineCollection({ loader: mdx('news'), schema: ArticleSchema }),
};
