import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../json-text.js';
import { parseAuditOutput, type AuditFormat } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, '__fixtures__', name), 'utf8');

const ALL_FIVE = ['GHSA-hrpp-h998-j3pp', 'GHSA-m6fv-jmcg-4jfg', 'GHSA-qw6h-vgh9-j6wx', 'GHSA-qwcr-r2fm-qrc7', 'GHSA-xvch-5gv4-984h'];

const FORMATS: { file: string; format: AuditFormat; source: string; tool?: 'npm' | 'pnpm' | 'yarn' | 'bun' }[] = [
  { file: 'npm7-v2.json', format: 'npm-v2', source: 'npm-audit' },
  { file: 'npm6-v1.json', format: 'npm-v1', source: 'npm-audit' },
  { file: 'pnpm.json', format: 'pnpm', source: 'pnpm-audit' },
  { file: 'yarn-berry2.json', format: 'yarn-berry-json', source: 'yarn-audit' },
  { file: 'yarn-berry2.json', format: 'yarn-berry-json', source: 'yarn-audit', tool: 'yarn' },
  { file: 'yarn-classic.ndjson', format: 'yarn-classic', source: 'yarn-audit' },
  { file: 'yarn4.ndjson', format: 'yarn4-ndjson', source: 'yarn-audit' },
  { file: 'bun.json', format: 'bun', source: 'bun-audit' },
];

describe('audit output formats', () => {
  for (const c of FORMATS) {
    it(`${c.file}${c.tool ? ` (we ran ${c.tool})` : ''}: detected as ${c.format}, every advisory read`, () => {
      const r = parseAuditOutput(fixture(c.file), { origin: c.file, tool: c.tool });
      expect(r.format).toBe(c.format);
      expect(r.source).toBe(c.source);
      expect(r.advisories.map((a) => a.id).sort()).toEqual(ALL_FIVE);
      const qs = r.advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!;
      expect(qs.affected[0]!.name).toBe('qs');
      expect(qs.affected[0]!.semverRange).toBe('>=6.7.0 <6.7.3');
      expect(qs.severity).toBe('high');
      expect(qs.source).toBe(c.source);
      const minimist = r.advisories.find((a) => a.id === 'GHSA-xvch-5gv4-984h')!;
      expect(minimist.severity).toBe('critical');
    });
  }

  it('v1-shaped outputs carry CVEs, fixes, numeric ids and paths', () => {
    const r = parseAuditOutput(fixture('pnpm.json'), { origin: 'pnpm.json' });
    const qs = r.advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!;
    expect(qs.aliases.sort()).toEqual(['1096470', 'CVE-2022-24999']);
    expect(qs.affected[0]!.fixed).toEqual(['6.7.3']);
    expect(qs.cvss).toEqual([{ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 }]);
    expect(qs.reported[0]).toEqual({ name: 'qs', version: '6.7.0', paths: ['.>express>qs', '.>express>body-parser>qs'] });
  });

  it('npm v2 keeps the GHSA from the URL and npm\'s own upgrade advice', () => {
    const r = parseAuditOutput(fixture('npm7-v2.json'), { origin: 'x' });
    const qs = r.advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!;
    expect(qs.aliases).toEqual(['1096470']);
    expect(qs.fixAvailable).toEqual({ name: 'express', version: '4.21.2', isSemVerMajor: false });
    expect(qs.reported).toEqual([{ name: 'qs', paths: ['node_modules/qs'] }]);
  });

  it('yarn classic merges the lines of one advisory (one per path)', () => {
    const r = parseAuditOutput(fixture('yarn-classic.ndjson'), { origin: 'x' });
    const qs = r.advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!;
    expect(qs.reported.flatMap((x) => x.paths ?? [])).toContain('express>body-parser>qs');
  });

  it('yarn 4 reads Tree Versions as the installed versions', () => {
    const r = parseAuditOutput(fixture('yarn4.ndjson'), { origin: 'x' });
    expect(r.advisories.find((a) => a.id === 'GHSA-hrpp-h998-j3pp')!.reported).toEqual([{ name: 'qs', version: '6.7.0', paths: ['express@npm:4.17.1', 'body-parser@npm:1.19.0'] }]);
  });

  it('a single yarn 4 line (one vulnerable package) is still yarn 4', () => {
    const one = fixture('yarn4.ndjson').split('\n')[0]!;
    expect(parseAuditOutput(one, { origin: 'x' }).format).toBe('yarn4-ndjson');
  });

  it('clean outputs parse to no advisories', () => {
    expect(parseAuditOutput(fixture('npm7-clean.json'), { origin: 'x' }).advisories).toEqual([]);
    expect(parseAuditOutput(fixture('bun-clean.json'), { origin: 'x' }).advisories).toEqual([]);
    expect(parseAuditOutput(fixture('yarn-classic-clean.ndjson'), { origin: 'x' }).advisories).toEqual([]);
    expect(parseAuditOutput('', { origin: 'x', emptyMeansClean: true }).advisories).toEqual([]);
  });
});

describe('audit output that cannot be trusted is an error, never a pass', () => {
  const bad: { name: string; text: string; message: RegExp; line?: number }[] = [
    { name: 'empty', text: '', message: /empty/ },
    { name: 'whitespace', text: '\n\n', message: /empty/ },
    { name: 'truncated npm v2', text: fixture('npm7-v2.json').slice(0, 500), message: /truncated/ },
    { name: 'npm error (retired endpoint)', text: fixture('npm-error-410.json'), message: /audit itself failed: E410/ },
    { name: 'HTML from a proxy', text: '<html><body>Bad gateway</body></html>', message: /Unexpected token|Expected|not valid JSON/ },
    { name: 'unknown JSON object', text: '{"hello": "world"}', message: /unexpected shape/ },
    { name: 'future report version', text: '{"auditReportVersion": 3, "vulnerabilities": {}}', message: /unsupported auditReportVersion 3/ },
    { name: 'counts without advisories', text: '{"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {"vulnerabilities": {"high": 2, "total": 2}}}', message: /counts 2 vulnerabilities/ },
    { name: 'yarn classic cut before the summary', text: fixture('yarn-classic.ndjson').split('\n').slice(0, 3).join('\n'), message: /no auditSummary/ },
    { name: 'yarn classic error line', text: '{"type":"error","data":"Request failed \\"410 Gone\\""}\n{"type":"info","data":"x"}', message: /yarn audit failed/ },
    { name: 'yarn 4 line cut in the middle', text: fixture('yarn4.ndjson').slice(0, 400), message: /not JSON/, line: 2 },
    { name: 'v1 advisory without vulnerable_versions', text: '{"advisories": {"1": {"module_name": "qs", "id": 1}}, "actions": []}', message: /no "vulnerable_versions"/ },
  ];
  for (const c of bad) {
    it(c.name, () => {
      let err: unknown;
      try {
        parseAuditOutput(c.text, { origin: 'x' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormatError);
      expect((err as Error).message).toMatch(c.message);
      if (c.line) expect((err as FormatError).line).toBe(c.line);
    });
  }
});
