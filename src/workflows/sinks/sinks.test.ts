import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSink } from './command.js';
import { dotenvSink, readDotenvValue, setDotenvValue } from './dotenv.js';
import { parseSinkFlag, sinkFromConfig } from './index.js';
import { printSink } from './print.js';

const SECRET = `standard_${'5e'.repeat(128)}`;
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});
const tmp = async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'aw-sink-')));

describe('setDotenvValue', () => {
  const cases: [string, string, string][] = [
    ['replaces in place, other lines untouched', 'A=1\nKEY=old\n# c\nB=2\n', 'A=1\nKEY=new\n# c\nB=2\n'],
    ['keeps export', 'export KEY="old"\n', 'export KEY=new\n'],
    ['appends when absent', 'A=1', 'A=1\nKEY=new\n'],
    ['creates', '', 'KEY=new\n'],
    ['keeps CRLF', 'A=1\r\nKEY=old\r\n', 'A=1\r\nKEY=new\r\n'],
    ['replaces every assignment', 'KEY=a\nX=1\nKEY=b\n', 'KEY=new\nX=1\nKEY=new\n'],
    ['does not touch a longer name', 'KEY_OLD=a\n', 'KEY_OLD=a\nKEY=new\n'],
  ];
  for (const [name, input, output] of cases) it(name, () => expect(setDotenvValue(input, 'KEY', 'new')).toBe(output));
});

describe('dotenv sink', () => {
  it('writes atomically with mode 0600 and reports what it holds', async () => {
    const d = await tmp();
    const file = path.join(d, '.env');
    await writeFile(file, 'A=1\nAPPWRITE_API_KEY=x\n', { mode: 0o644 });
    const sink = dotenvSink(file, 'APPWRITE_API_KEY');
    expect(await sink.holds(SECRET)).toBe(false);
    await sink.deliver(SECRET);
    expect(await readFile(file, 'utf8')).toBe(`A=1\nAPPWRITE_API_KEY=${SECRET}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await sink.holds(SECRET)).toBe(true);
    expect(await readDotenvValue(file, 'A')).toBe('1');
    // No temporary file is left behind.
    expect(await readdir(d)).toEqual(['.env']);
  });

  it('fails without touching anything when the folder is missing', async () => {
    const d = await tmp();
    await expect(dotenvSink(path.join(d, 'nope', '.env'), 'K').deliver(SECRET)).rejects.toThrow(/could not write .*ENOENT/);
    expect(await readdir(d)).toEqual([]);
  });
});

describe('command sink', () => {
  it('gives the secret on stdin only: not in argv, not in the environment', async () => {
    const d = await tmp();
    const cmd = `cat > "${d}/stdin"; echo "$0 $*" > "${d}/argv"; env > "${d}/env"`;
    await commandSink(cmd, { env: { PATH: process.env.PATH }, cwd: d, timeoutMs: 5000 }).deliver(SECRET);
    expect(await readFile(path.join(d, 'stdin'), 'utf8')).toBe(SECRET);
    expect(await readFile(path.join(d, 'argv'), 'utf8')).not.toContain(SECRET);
    expect(await readFile(path.join(d, 'env'), 'utf8')).not.toContain(SECRET);
  });

  it('fails on a non-zero exit and on a timeout', async () => {
    const d = await tmp();
    await expect(commandSink('echo nope >&2; exit 3', { env: {}, cwd: d, timeoutMs: 5000 }).deliver(SECRET)).rejects.toThrow(/failed \(exit 3\): nope/);
    await expect(commandSink('sleep 5', { env: {}, cwd: d, timeoutMs: 200 }).deliver(SECRET)).rejects.toThrow(/did not finish/);
  });
});

describe('print sink', () => {
  it('shows the secret once after confirmation, and not without', async () => {
    let out = '';
    await printSink({ write: (t) => (out += t), confirm: async () => true }).deliver(SECRET);
    expect(out).toBe(`${SECRET}\n`);
    out = '';
    await expect(printSink({ write: (t) => (out += t), confirm: async () => false }).deliver(SECRET)).rejects.toThrow(/not shown/);
    expect(out).toBe('');
  });
});

describe('sink specs', () => {
  it('parses --sink', () => {
    expect(parseSinkFlag('dotenv:deploy/.env.prod:ORDERS_KEY')).toEqual({ kind: 'dotenv', path: 'deploy/.env.prod', variable: 'ORDERS_KEY' });
    expect(parseSinkFlag('dotenv:.env')).toEqual({ kind: 'dotenv', path: '.env', variable: 'APPWRITE_API_KEY' });
    expect(parseSinkFlag('command:gh secret set K')).toEqual({ kind: 'command', command: 'gh secret set K' });
    expect(parseSinkFlag('print')).toEqual({ kind: 'print' });
    expect(() => parseSinkFlag('vault')).toThrow(/not a sink/);
  });
  it('fills {env} and {service} from the config', () => {
    expect(sinkFromConfig({ dotenv: { path: 'x/.env.{env}', variable: 'K' } }, { env: 'prod', service: 's' })).toEqual({ kind: 'dotenv', path: 'x/.env.prod', variable: 'K' });
    expect(sinkFromConfig({ command: 'gh secret set K --env {env}' }, { env: 'prod', service: 's' })).toEqual({ kind: 'command', command: 'gh secret set K --env prod' });
  });
});
