/**
 * The one place collections are declared. Records and subjects are written by the ingest
 * (`npm run ingest`, content/data/) and validated again here with the same schemas; policies,
 * guides, cases and news are MDX written by the credit office.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readNdjson } from './lib/ndjson.ts';
import { ArticleSchema, GuideSchema, PolicySchema } from './lib/schemas/content.ts';
import { PublishedRecordSchema } from './lib/schemas/record.ts';
import { SubjectSchema } from './lib/schemas/subject.ts';

const mdx = (dir: string) => glob({ pattern: '*.mdx', base: `./content/${dir}` });

/** Entries of an NDJSON file, read line by line (Astro's file() loader reads the whole file as one string). */
function ndjson(path: string): Loader {
  return {
    name: 'ndjson',
    load: async ({ store, parseData }) => {
      store.clear();
      for await (const item of readNdjson<{ id: string }>(path)) {
        store.set({ id: item.id, data: await parseData({ id: item.id, data: item }) });
      }
    },
  };
}

export const collections = {
  records: defineCollection({ loader: ndjson('content/data/records.ndjson'), schema: PublishedRecordSchema }),
  subjects: defineCollection({ loader: ndjson('content/data/subjects.ndjson'), schema: SubjectSchema }),
  policies: defineCollection({ loader: mdx('policies'), schema: PolicySchema }),
  guides: defineCollection({ loader: mdx('guides'), schema: GuideSchema }),
  cases: defineCollection({ loader: mdx('cases'), schema: ArticleSchema }),
  news: defineCollection({ loader: mdx('news'), schema: ArticleSchema }),
};
