import type { MethodMap } from '../define';

/** The compare methods of the contract. */
export const compareMethods = {} satisfies MethodMap;
