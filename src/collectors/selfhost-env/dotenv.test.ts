import { describe, expect, it } from 'vitest';
import { effectiveEntries, parseDotenv } from './dotenv.js';

const one = (text: string) => {
  const r = parseDotenv(text);
  expect(r.problems).toEqual([]);
  expect(r.entries).toHaveLength(1);
  return r.entries[0]!;
};

describe('parseDotenv: values as docker compose reads them', () => {
  it.each([
    ['plain', 'A=b', 'b'],
    ['spaces around', '  A = b  ', 'b'],
    ['colon separator', 'A: b', 'b'],
    ['export prefix', 'export A=b', 'b'],
    ['empty', 'A=', ''],
    ['empty double quotes', 'A=""', ''],
    ['inline comment', 'A=b # note', 'b'],
    ['hash without space is data', 'A=b#c', 'b#c'],
    ['comment right after =', 'A= # only a comment', ''],
    ['hash value', 'A=#abc', '#abc'],
    ['single quotes are literal', "A='x \\n $B # y'", 'x \\n $B # y'],
    ['backticks are literal', 'A=`x $B`', 'x $B'],
    ['double-quote escapes', 'A="l1\\nl2\\t\\"q\\" \\\\ \\$B"', 'l1\nl2\t"q" \\ $B'],
    ['comment after closing quote', 'A="b" # note', 'b'],
    ['hash inside quotes', 'A="b # not a comment"', 'b # not a comment'],
    ['equals in value', 'A=b=c==', 'b=c=='],
    ['dollar-dollar', 'A=pa$$word', 'pa$word'],
    ['dotted and dashed names', 'my.key-1=v', 'v'],
  ])('%s', (_, text, value) => {
    expect(one(text).value).toBe(value);
  });

  it('records line and column of each key, across CRLF, comments and indentation', () => {
    const r = parseDotenv('# header\r\n\r\nA=1\r\n   export B=2\r\n');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.key, e.value, e.line, e.column, e.exported])).toEqual([
      ['A', '1', 3, 1, false],
      ['B', '2', 4, 11, true],
    ]);
  });

  it('reads multi-line double-quoted values and keeps counting lines', () => {
    const r = parseDotenv('KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1\n');
    expect(r.problems).toEqual([]);
    expect(r.entries[0]).toMatchObject({ key: 'KEY', value: '-----BEGIN KEY-----\nabc\n-----END KEY-----', line: 1, endLine: 3, quote: 'double' });
    expect(r.entries[1]).toMatchObject({ key: 'NEXT', line: 4 });
  });

  it('reads multi-line single-quoted values literally', () => {
    expect(one("A='x\ny'").value).toBe('x\ny');
  });

  it('interpolates earlier keys, and marks values that come from the deploy environment', () => {
    const r = parseDotenv('A=one\nB=${A}-two\nC="$A"\nD=\'$A\'\nE=${UNSET}\nF=x${UNSET}y\nG=${UNSET:-dflt}\nH=${REQ:?set REQ}\n');
    const by = Object.fromEntries(r.entries.map((e) => [e.key, e]));
    expect(by.B!.value).toBe('one-two');
    expect(by.C!.value).toBe('one');
    expect(by.D!.value).toBe('$A');
    expect(by.E).toMatchObject({ value: '', fromEnvironment: true, unresolved: ['UNSET'] });
    expect(by.F).toMatchObject({ value: 'xy', fromEnvironment: false, unresolved: ['UNSET'] });
    expect(by.G).toMatchObject({ value: 'dflt', fromEnvironment: false, unresolved: [] });
    expect(by.H).toMatchObject({ value: '', fromEnvironment: true, unresolved: ['REQ'] });
  });

  it('treats a bare name as inherited from the environment', () => {
    const r = parseDotenv('export TOKEN\nPLAIN # comment\n');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.key, e.inherited, e.fromEnvironment])).toEqual([
      ['TOKEN', true, true],
      ['PLAIN', true, true],
    ]);
  });

  it('the last duplicate wins, with a warning at the later line', () => {
    const r = parseDotenv('A=1\nB=2\nA=3\n');
    expect(r.problems).toEqual([{ level: 'warning', line: 3, column: 1, message: expect.stringMatching(/A is set again \(first at line 1\)/) }]);
    expect(effectiveEntries(r.entries).map((e) => [e.key, e.value])).toEqual([
      ['B', '2'],
      ['A', '3'],
    ]);
  });
});

describe('parseDotenv: malformed input is reported by line and the rest is still read', () => {
  it.each([
    ['garbage line', 'A=1\n=nokey\nB=2', 2, /expected NAME=value/],
    ['space in name', 'A=1\nMY KEY=2\nB=2', 2, /unexpected "K" … after the name MY/],
    ['unterminated double quote', 'A=1\nC="open\nB=2', 2, /never closed/],
    ['unterminated single quote', "A=1\nC='open\nB=2", 2, /never closed/],
    ['bad interpolation', 'A=1\nC=${oops\nB=2', 2, /unterminated/],
  ])('%s', (_, text, line, message) => {
    const r = parseDotenv(text);
    expect(r.problems).toEqual([expect.objectContaining({ level: 'error', line, message: expect.stringMatching(message) })]);
    expect(r.entries.map((e) => e.key)).toEqual(expect.arrayContaining(['A', 'B']));
  });

  it('warns about text after a closing quote', () => {
    const r = parseDotenv('A="b" junk\n');
    expect(r.entries[0]!.value).toBe('b');
    expect(r.problems).toEqual([expect.objectContaining({ level: 'warning', line: 1, message: expect.stringMatching(/after the closing quote/) })]);
  });

  it('never echoes a whole malformed line (it may hold a secret)', () => {
    const r = parseDotenv('this is not sUp3rS3cretValue\n');
    expect(JSON.stringify(r.problems)).not.toContain('sUp3rS3cretValue');
  });
});
