import type { MethodMap } from '../define';

/** The themes methods of the contract. */
export const themesMethods = {} satisfies MethodMap;
