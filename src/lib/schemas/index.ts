export * from './common.ts';
export * from './subject.ts';
export * from './record.ts';
export * from './source.ts';
export * from './report.ts';
