import type { MethodMap } from '../define';

/** The export methods of the contract. */
export const exportMethods = {} satisfies MethodMap;
