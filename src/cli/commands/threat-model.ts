import { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../runtime.js';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';

export function registerThreatModel(program: Command, ctx: CliContext): void {
  const tm = program.command('threat-model').description('Threat model of the app: trust boundaries and service paths (config section threatModel).');
  tm.command('init')
    .description('Draft the threatModel section from the code: service paths by runtime and auth mode, with the operations they call and minimal key scopes.')
    .argument('[path]', 'folder of the app', '.')
    .option('--config <file>', 'config file to add the section to (default: appwrite-secops.yaml in the folder, or the one found there)')
    .option('--stdout', 'print the draft instead of writing it')
    .option('--force', 'replace an existing threatModel section')
    .addHelpText(
      'after',
      `
Writes the draft into the config file: creates appwrite-secops.yaml when there is none, adds the section
to an existing one (keeping its settings and comments), and never replaces an existing threatModel
section without --force. Review the draft: the audit holds the code to it.

Examples:
  appwrite-secops threat-model init --stdout
  appwrite-secops threat-model init apps/web
  appwrite-secops threat-model init --force`,
    )
    .action(async (target, opts) => {
      const { Workspace, readTextFile } = await import('../../core/workspace.js');
      const { CONFIG_FILE_NAMES } = await import('../../core/config.js');
      const { buildInventory } = await import('../../code/inventory.js');
      const { draftThreatModel, draftYaml, mergeIntoConfig } = await import('../../threat-model/draft.js');
      const root = path.resolve(ctx.io.cwd, target);
      await assertFolder(root);
      const inv = await buildInventory({ workspace: new Workspace(root), redactor: ctx.redactor });
      const draft = draftThreatModel(inv);
      if (inv.callSites.length === 0) ctx.log('no Appwrite SDK calls found: the draft has no service paths');
      if (draft.clientKeyFiles.length) ctx.log(`warning: client code uses an API key (${draft.clientKeyFiles.join(', ')}); the draft does not declare it. Run \`appwrite-secops audit\` for the findings.`);
      if (draft.unplaced.length) ctx.log(`${draft.unplaced.length} file(s) with Appwrite calls have no known runtime and are in no path: ${draft.unplaced.join(', ')}`);
      if (opts.stdout) {
        ctx.out(draftYaml(draft));
        return;
      }
      const existing = CONFIG_FILE_NAMES.map((n) => path.join(root, n)).find((f) => existsSync(f));
      const file = opts.config ? path.resolve(ctx.io.cwd, opts.config) : (existing ?? path.join(root, 'appwrite-secops.yaml'));
      const shown = path.relative(ctx.io.cwd, file) || file;
      if (!existsSync(file)) {
        await writeFile(file, draftYaml(draft), { flag: 'wx' });
        ctx.out(`created    ${shown} (threatModel: ${draft.threatModel.servicePaths.length} service path(s))\n`);
      } else {
        const text = await readTextFile(file, shown, { maxBytes: 2 * 1024 * 1024 });
        const merged = mergeIntoConfig(text, draft, shown, !!opts.force, file.endsWith('.json'));
        await writeFile(file, merged);
        ctx.out(`updated    ${shown} (threatModel: ${draft.threatModel.servicePaths.length} service path(s))\n`);
      }
    });
}

/** The inventory commands take a folder: a missing path or a file is an input error (exit 2). */
export async function assertFolder(root: string): Promise<void> {
  const { InputError } = await import('../../core/errors.js');
  const st = await stat(root).catch(() => undefined);
  if (!st) throw new InputError(`${root}: no such folder`, { hint: 'pass the folder of your app' });
  if (!st.isDirectory()) throw new InputError(`${root} is a file, expected a folder`, { hint: 'pass the folder that contains it' });
}
