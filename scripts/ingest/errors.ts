/** A source that cannot be fetched, read or trusted: the run stops and the last good output stays. */
export class SourceError extends Error {
  readonly source: string;
  readonly hint: string;
  /** What went wrong, without the source's name or the hint. */
  readonly reason: string;
  constructor(source: string, message: string, hint: string) {
    super(`来源 ${source}：${message}。${hint}`);
    this.source = source;
    this.hint = hint;
    this.reason = message;
  }
}

/** The run cannot go on (a bad descriptor file, an internal check): the last good output stays as it was. */
export class IngestError extends Error {}
