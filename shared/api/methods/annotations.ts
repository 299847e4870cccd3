import type { MethodMap } from '../define';

/** The annotations methods of the contract. */
export const annotationsMethods = {} satisfies MethodMap;
