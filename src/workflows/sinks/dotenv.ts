/**
 * The dotenv sink: sets one variable in a dotenv file and leaves every other line as it was. The file
 * is replaced atomically (a temporary file in the same folder, fsync, rename), so a crash leaves either
 * the old file or the new one, never half of each; it is written with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { IncompleteError, InputError } from '../../core/errors.js';
import { describeSink, type Sink } from './types.js';

const lineFor = (variable: string) => new RegExp(`^(\\s*(?:export\\s+)?)${variable}\\s*=(.*)$`);

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t.replace(/\s+#.*$/, '');
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`, { hint: 'check the path and its permissions' });
  }
}

/** The value of `variable` in a dotenv file (the last assignment wins, as when a shell sources it). */
export async function readDotenvValue(file: string, variable: string): Promise<string | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  const re = lineFor(variable);
  let value: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = re.exec(line);
    if (m) value = unquote(m[2]!);
  }
  return value;
}

/** The file's text with `variable` set to `value`: every assignment of it replaced, or one appended. */
export function setDotenvValue(text: string, variable: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const re = lineFor(variable);
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  let found = false;
  const out = lines.map((line) => {
    const m = re.exec(line);
    if (!m) return line;
    found = true;
    return `${m[1]}${variable}=${value}`;
  });
  if (!found) out.push(`${variable}=${value}`);
  return `${out.join(eol)}${eol}`;
}

export async function writeFileAtomic(file: string, text: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx', mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await chmod(tmp, mode);
    await rename(tmp, file);
  } catch (err) {
    await handle?.close();
    await rm(tmp, { force: true });
    throw new IncompleteError(`could not write ${file}: ${(err as Error).message}`, { hint: 'check that the folder exists and is writable; the file was left unchanged' });
  }
  // Make the rename durable. Some file systems refuse fsync on a folder; the rename itself has happened.
  const d = await open(dir, 'r');
  try {
    await d.sync().catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EINVAL' && err.code !== 'EISDIR' && err.code !== 'EPERM') throw err;
    });
  } finally {
    await d.close();
  }
}

export function dotenvSink(file: string, variable: string): Sink {
  const spec = { kind: 'dotenv' as const, path: file, variable };
  return {
    spec,
    label: describeSink(spec),
    async holds(secret) {
      return (await readDotenvValue(file, variable)) === secret;
    },
    async deliver(secret) {
      const text = (await readIfExists(file)) ?? '';
      await writeFileAtomic(file, setDotenvValue(text, variable, secret));
    },
  };
}
