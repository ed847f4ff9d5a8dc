import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, idSecret, loadDistrict, parseDistrict } from '../../src/lib/district.ts';
import { tempDir } from './helpers.ts';

const SAMPLE = join(import.meta.dirname, '../../district.yaml');

describe('loadDistrict', () => {
  it('reads the embedded sample’s configuration, with its sources file resolved beside it', () => {
    const d = loadDistrict(SAMPLE);
    expect(d.site.name).toBe('信用道里');
    expect(d.sourcesFile).toBe(join(import.meta.dirname, '../../content/sources/daoli/sources.yaml'));
    expect(d.disclosure.lowFine).toMatchObject({ person: 1, organisation: 10, basis: expect.stringContaining('演示配置') });
  });
  it('names the file and the unknown key, with the nearest known one', () => {
    const text = `site: { name: x, region: x, regionCode: '230102', host: x, operator: x, colors: { brand: '#a4161a', brandDark: '#7a0f12' }, emblem: { src: /e.svg, alt: '' }, errorReportUrl: 'https://example.gov.cn/', plan: { docNo: x, title: x } }
sources: s.yaml
idSecret: { value: a-development-secret-of-some-length }
disclosure: { lowFines: { person: 1, organisation: 10, basis: x } }
`;
    expect(() => parseDistrict(text, 'd.yaml')).toThrow(ConfigError);
    expect(() => parseDistrict(text, 'd.yaml')).toThrow(/d\.yaml.*\n.*disclosure\.lowFines：未知的配置项（是否应为 lowFine？）/);
  });
  it('refuses a red-list term pattern that is not anchored, so that it can never match by substring', () => {
    const dir = tempDir();
    const base = readSample().replace('  redlistTerms:\n    - name: 纳税信用A级纳税人', '  redlistTerms:\n    - pattern: A级');
    writeFileSync(join(dir, 'district.yaml'), base);
    expect(() => loadDistrict(join(dir, 'district.yaml'))).toThrow(/redlistTerms\.0\.pattern：pattern 须以 \^ 开头/);
  });
});

describe('shards', () => {
  const withShards = (shards: string) => parseDistrict(`${readSample()}\nshards:\n${shards}`, 'd.yaml');
  it('reads the portals searched together with this one', () => {
    expect(withShards("  - { name: 哈尔滨市南岗区, url: 'https://nangang.credit.example.gov.cn/' }\n").shards)
      .toEqual([{ name: '哈尔滨市南岗区', url: 'https://nangang.credit.example.gov.cn/' }]);
    expect(loadDistrict(SAMPLE).shards).toEqual([]);
  });
  it('refuses an address below the root, where the portal’s root-relative links would break', () => {
    expect(() => withShards("  - { name: 南岗区, url: 'https://credit.example.gov.cn/nangang/' }\n")).toThrow(/shards\.0\.url：分站地址须是站点根地址/);
  });
});

describe('idSecret', () => {
  it('takes the environment variable the district names over the configured value', () => {
    const d = { idSecret: { env: 'CREDIT_ID_SECRET', value: 'configured-development-value', development: true } };
    expect(idSecret(d, { CREDIT_ID_SECRET: 'secret-from-the-environment' })).toBe('secret-from-the-environment');
    expect(idSecret(d, {})).toBe('configured-development-value');
  });
  it('fails, naming the variable, when neither is there', () => {
    expect(() => idSecret({ idSecret: { env: 'CREDIT_ID_SECRET', development: false } }, {})).toThrow(/CREDIT_ID_SECRET/);
  });
});

function readSample(): string {
  return readFileSync(SAMPLE, 'utf8');
}
