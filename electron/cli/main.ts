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
  const backend = createBackend({ databasePath: resolve(args.options.db), mode: 'cli' });
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
