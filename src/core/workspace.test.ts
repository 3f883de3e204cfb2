import { mkdtemp, mkdir, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { Workspace } from './workspace.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ws-'));
  await mkdir(path.join(dir, 'a', 'node_modules', 'x'), { recursive: true });
  await mkdir(path.join(dir, 'b'), { recursive: true });
  await writeFile(path.join(dir, 'a', '.env'), 'A=1\n');
  await writeFile(path.join(dir, 'a', 'node_modules', 'x', '.env'), 'B=1\n');
  await writeFile(path.join(dir, 'bom.txt'), '\ufeffhello');
  await writeFile(path.join(dir, 'bin.dat'), Buffer.from([1, 2, 0, 3]));
  await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(2048));
  await symlink(dir, path.join(dir, 'b', 'loop')); // a folder link back to the root
  await symlink(path.join(dir, 'self-a'), path.join(dir, 'self-b'));
  await symlink(path.join(dir, 'self-b'), path.join(dir, 'self-a'));
});

describe('Workspace', () => {
  it('lists files once, skipping node_modules and not following folder links', async () => {
    const ws = new Workspace(dir);
    const files = await ws.files();
    expect(files).toContain('a/.env');
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    expect(files.some((f) => f.startsWith('b/loop'))).toBe(false);
    expect(await ws.files()).toBe(files);
  });

  it('drops a byte-order mark', async () => {
    expect(await new Workspace(dir).readText('bom.txt')).toBe('hello');
  });

  it.each([
    ['bin.dat', /binary/],
    ['latin1.txt', /not valid UTF-8/],
    ['missing.txt', /no such file/],
    ['self-a', /symbolic link loop/],
    ['a', /is a folder/],
  ])('refuses %s with a clear InputError', async (name, msg) => {
    const err = await new Workspace(dir).readText(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(msg);
  });

  it('refuses files over the size limit', async () => {
    await expect(new Workspace(dir).readText('big.txt', { maxBytes: 1024 })).rejects.toThrow(/over the 1024-byte limit/);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files', async () => {
    const p = path.join(dir, 'secret.txt');
    await writeFile(p, 'x');
    await chmod(p, 0);
    await expect(new Workspace(dir).readText('secret.txt')).rejects.toThrow(/permission denied/);
  });
});
