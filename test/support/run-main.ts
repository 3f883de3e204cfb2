import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `appwrite-secops <args>` in-process through the real `main()`: every command registered, and the
 * same mapping of typed and commander errors to exit codes as the binary. For command tests that need
 * the source (coverage, fake servers in this process) rather than the built bundle.
 */
export async function runMain(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; secrets?: string[] } = {},
): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'appwrite-secops', ...args],
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: opts.env ?? {},
      cwd: opts.cwd ?? process.cwd(),
      ...(opts.stdin !== undefined ? { stdin: Readable.from([Buffer.from(opts.stdin)]) } : {}),
    },
    { secrets: opts.secrets },
  );
  return { code, stdout, stderr };
}
