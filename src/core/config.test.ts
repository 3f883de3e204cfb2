import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, parseConfigText } from './config-schema.js';
import { defaultConfig, findConfigFile, loadConfigFile } from './config.js';
import { InputError } from './errors.js';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('config', () => {
  it('has defaults when empty', () => {
    expect(parseConfigText('', 'c.yaml')).toEqual(defaultConfig());
    expect(defaultConfig().failOn).toBe('high');
    expect(defaultConfig().exceptionPolicy.warnWithinDays).toBe(14);
  });

  it('reads YAML and JSON', () => {
    expect(parseConfigText('failOn: critical\n', 'c.yaml').failOn).toBe('critical');
    expect(parseConfigText('{"failOn": "low"}', 'c.json').failOn).toBe('low');
  });

  it.each([
    ['failOn: hihg\n', 1, /failOn/],
    ['failOn: high\nexceptions:\n  - check: selfhost/force-https\n    reason: behind a TLS proxy\n    owner: ops\n    expires: 2026-13-01\n', 6, /expires/],
    ['failOn: high\nexceptoins: []\n', 1, /unknown setting "exceptoins"/],
    ['exceptions:\n  - check: x/y\n    reason: short\n    owner: a\n    expires: 2027-01-01\n', 3, /reason/],
    ['exceptions:\n  - check: x/y\n    reason: a long enough reason\n    expires: 2027-01-01\n', 2, /owner/],
  ])('points at the line of a bad value (%#)', (text, line, msg) => {
    const err = errorOf(() => parseConfigText(text, 'appwrite-secops.yaml'));
    expect(err.position).toMatchObject({ path: 'appwrite-secops.yaml', line });
    expect(err.message).toMatch(msg);
    expect(err.describe()).toMatch(new RegExp(`^appwrite-secops\\.yaml:${line}: `));
  });

  it('reports YAML syntax errors with a line', () => {
    const err = errorOf(() => parseConfigText('failOn: high\nchecks: {exclude: [a, b}\n', 'c.yaml'));
    expect(err.position?.line).toBe(2);
  });

  it('refuses duplicate keys and non-mappings', () => {
    expect(errorOf(() => parseConfigText('failOn: high\nfailOn: low\n', 'c.yaml')).position?.line).toBe(2);
    expect(errorOf(() => parseConfigText('- a\n- b\n', 'c.yaml')).message).toMatch(/mapping/);
  });

  it('stops a YAML alias bomb quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const t = Date.now();
    const err = errorOf(() => parseConfigText(bomb.join('\n'), 'c.yaml'));
    expect(err.message).toMatch(/alias/i);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('is found upward from the audited folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cfg-'));
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir, 'appwrite-secops.yml'), 'failOn: medium\n');
    const found = findConfigFile(path.join(dir, 'a', 'b'));
    expect(found).toBe(path.join(dir, 'appwrite-secops.yml'));
    expect((await loadConfigFile(found!)).config.failOn).toBe('medium');
  });

  it('exports a JSON Schema that describes the settings', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties?: unknown };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['failOn', 'exceptions', 'checks', 'evidence']));
    expect(schema.additionalProperties).toBe(false);
  });
});
