import type { MethodMap } from '../define';

/** The search methods of the contract. */
export const searchMethods = {} satisfies MethodMap;
