import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/core/config-schema.js';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('its configuration example is a valid config', () => {
    const section = readme.slice(readme.indexOf('## Configuration'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const config = parseConfigText(yaml, 'README.md');
    expect(config.exceptions[0]).toMatchObject({ check: 'selfhost/force-https', owner: 'platform-team' });
    expect(config.environments).toHaveProperty('prod');
  });

  it('keeps the two fresh-machine commands that .ci/run and new users rely on', async () => {
    expect(readme).toContain('npm ci && npm run build && node bin/appwrite-secops.js audit examples/selfhosted-insecure');
    expect(readme).toContain('npm ci && npm test');
    expect(await readFile(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('npm test');
  });

  it('names every command the CLI has', async () => {
    const { runMain } = await import('../test/support/run-main.js');
    const help = (await runMain(['--help'])).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(10);
    for (const c of commands) expect(readme, `README does not mention \`${c}\``).toMatch(new RegExp(`\`${c}[ \`]`));
  });
});
