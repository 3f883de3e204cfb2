#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { launch } from '../dist/cli/launch.js';

// Output piped into a reader that stops early (`| head`) ends the run quietly, with its exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The CLI is one bundled script, compiled with a V8 code cache (see src/cli/launch.ts).
launch(fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url)), process.argv).then(
  ({ code }) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`appwrite-secops: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
