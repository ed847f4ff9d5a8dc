/**
 * What a record kind is, in one place: its schema, the column names publishers use for its fields, its
 * record-id prefix, how long it is shown (its disclosure term), how it is titled and dated, and its labels.
 * One module per kind (license.ts, penalty.ts, redlist.ts, blacklist.ts, commitment.ts), gathered in index.ts.
 */
import type { z } from 'zod';
import type { DisclosureConfig } from '../disclosure-rules.ts';
import type { RecordKind, SourceKind, SubjectCategory, Tier } from '../schemas/common.ts';
import type { Disclosure, ObjectionStatus } from '../schemas/record.ts';

/** A field of the header dictionary: the column names publishers use for it. */
export interface FieldDef {
  field: string;
  /** Human label used in messages when the value came from a default rather than a column. */
  label: string;
  aliases: string[];
  /** Kinds this field belongs to; all kinds when absent. */
  kinds?: SourceKind[];
  /** Several columns may feed this field (CF_CFLB1, CF_CFLB2); their values are combined. */
  multi?: boolean;
  /** Amount columns in 元 rather than 万元. */
  unit?: 'yuan';
}

export interface DisclosureEvents {
  removal?: { date: string; method: string };
  objection?: { received: string; status: ObjectionStatus; closed?: string };
}

/** The term before events: which rule, from when, until when, and whether it may be shown at all. */
export interface Term {
  rule: string;
  tier?: Tier;
  start: string;
  startBasis?: Disclosure['startBasis'];
  /** Last day of the minimum period; equal to `end` when the record cannot be repaired early. */
  minEnd?: string;
  end?: string;
  publish: boolean;
  note: string;
  basis?: Disclosure['basis'];
}

/** What a kind's term depends on besides the record: who it is about and which regime decided it. */
export interface TermContext {
  subjectCategory: SubjectCategory;
  regime?: 'ndrc' | 'samr';
  today: string;
  config: DisclosureConfig;
}

export interface KindModule<K extends RecordKind, F extends { kind: K }> {
  kind: K;
  /** 行政处罚, as lists, filters and open data name the kind. */
  label: string;
  /** Heading of the kind's section in a credit file. */
  section: string;
  /** URL segment of the kind's list (/lists/{slug}/). */
  slug: string;
  /** Prefix of its record ids (cf-…): part of every permalink, never to change. */
  idPrefix: string;
  /** One letter for it in the search index's metadata. */
  searchCode: string;
  /** Who decides or lists: 处罚机关, 许可机关… */
  authorityRole: string;
  /** What its list page says of it, if anything. */
  listIntro?: string;
  /** Its fields as the ingest validates them. */
  schema: z.ZodType<F>;
  /** Column names of its own fields (the subject's columns are shared: scripts/ingest/fields.ts). */
  headers: FieldDef[];
  /** The record's own title: violation type, licence, list name or commitment type. */
  title(r: F): string;
  /** The date a reader would cite. */
  date(r: F): string;
  /** What tells one such record of a subject from another (hashed into its id), given its normalised 文号. */
  idKey(r: F, doc: string): string;
  /** How long it is shown, before events (removal, objection). */
  term(r: F, ctx: TermContext): Term;
}
