#!/usr/bin/env node
// The PolicyLens command line: the same backend as the app, for batch work and measurement.
// Prints exactly one JSON value on stdout; diagnostics and errors go to stderr (exit 1).
import { resolve } from 'node:path';
import { createBackend } from '../backend';
import { commands } from './commands';
import type { CommandArgs } from './commands/types';

function parse(argv: string[]): { name: string | undefined; args: CommandArgs } {
  const [name, ...rest] = argv;
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) options[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) options[a.slice(2)] = rest[++i];
      else options[a.slice(2)] = 'true';
    } else positionals.push(a);
  }
  return { name, args: { options, positionals } };
}

function help(): string {
  return ['Usage: npm run --silent cli -- <command> --db FILE …', '', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(12)} ${c.usage}`)].join('\n');
}

/** Why a project could not be opened, in words: never a stack trace. */
export function openFailure(db: string, e: unknown): string {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return `${db} is not a PolicyLens project (it is not an SQLite database, or its first page is damaged).`;
  if (code.startsWith('SQLITE_CORRUPT')) return `${db} is damaged (SQLite: ${message}). Restore it from a backup.`;
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM')
    return `${db} cannot be opened: the file or its folder is not readable, or the folder does not exist (${message}).`;
  if (code.startsWith('SQLITE_READONLY'))
    return `${db} is read-only and needs changes to open (an upgrade or a journal recovery); copy it to a writable folder first.`;
  if (code.startsWith('SQLITE_BUSY')) return `${db} is locked by another program for longer than PolicyLens waits; try again when it is done.`;
  if (code === 'EISDIR') return `${db} is a folder, not a project file.`;
  return `${db} cannot be opened: ${message}`;
}

async function main(): Promise<number> {
  const { name, args } = parse(process.argv.slice(2));
  if (!name || name === 'help' || name === '--help') {
    process.stderr.write(help() + '\n');
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);
    return 1;
  }
  if (!args.options.db) {
    process.stderr.write(`${name} needs --db FILE (the project database; created if missing).\n`);
    return 1;
  }
  let backend: ReturnType<typeof createBackend>;
  try {
    backend = createBackend({ databasePath: resolve(args.options.db), mode: 'cli' });
  } catch (e) {
    process.stderr.write(`${name}: ${openFailure(args.options.db, e)}\n`);
    return 1;
  }
  try {
    const result = await command.run(backend, args);
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    backend.close();
  }
}

main().then((code) => {
  process.exitCode = code;
});
