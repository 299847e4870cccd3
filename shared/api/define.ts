import type { z } from 'zod';

/**
 * One method of the API contract: the schema of its input and of its result. Both transports
 * (Electron IPC, loopback HTTP) validate the input with `input` before a handler runs, so a
 * handler can trust its argument; results are typed by `output` and checked in tests.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Long-running methods report progress as events carrying the caller's taskId. */
  progress?: boolean;
}

export type MethodMap = Record<string, MethodSpec>;

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, opts: { progress?: boolean } = {}): MethodSpec<I, O> {
  return { input, output, ...opts };
}
