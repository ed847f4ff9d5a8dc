/**
 * The one place collections are declared. Records and subjects are written by the ingest
 * (`npm run ingest`, content/data/) and validated again here with the same schemas.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { PublishedRecordSchema } from './lib/schemas/record.ts';
import { SubjectSchema } from './lib/schemas/subject.ts';

export const collections = {
  records: defineCollection({ loader: file('content/data/records.json'), schema: PublishedRecordSchema }),
  subjects: defineCollection({ loader: file('content/data/subjects.json'), schema: SubjectSchema }),
};
