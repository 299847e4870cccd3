import type { Backend } from '../../backend';

export interface CommandArgs {
  /** Options by name (--limit 5 → limit: '5'); flags without a value are 'true'. */
  options: Record<string, string>;
  positionals: string[];
}

export interface Command {
  /** One line for `cli help`. */
  usage: string;
  /** Runs the command and returns the JSON value to print. */
  run(backend: Backend, args: CommandArgs): Promise<unknown>;
}

export function requireId(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0)
    throw new Error(`${what} must be a document or object id (a positive whole number), got ${JSON.stringify(value ?? '')}.`);
  return n;
}
