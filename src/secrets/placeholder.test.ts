import { describe, expect, it } from 'vitest';
import { isCodeFile, plausibleSettingValue } from './placeholder.js';

describe('isCodeFile', () => {
  it.each([
    ['src/app.ts', true],
    ['dist/bundle/chunk-1.js.map', true], // a source map embeds the code it maps
    ['deploy/.env', false],
    ['config.yaml', false],
    ['data.json.map', false],
  ])('%s -> %s', (p, want) => expect(isCodeFile(p)).toBe(want));
});

describe('plausibleSettingValue', () => {
  it('an enum-like literal in code or in a source map is not a deployment secret', () => {
    for (const path of ['src/catalog.ts', 'dist/bundle/checks.js.map']) expect(plausibleSettingValue('critical', { path, quoted: true })).toBe(false);
    expect(plausibleSettingValue('kP3v9QxZr2LmT8wYq7Ba', { path: 'deploy/.env', quoted: false })).toBe(true);
  });
});
