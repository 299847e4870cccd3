import type { z } from 'zod';
import type { MethodMap } from './define';
import { agreementMethods } from './methods/agreement';
import { notesMethods } from './methods/notes';
import { attributesMethods } from './methods/attributes';
import { compareMethods } from './methods/compare';
import { documentsMethods } from './methods/documents';
import { exportMethods } from './methods/export';
import { extractionMethods } from './methods/extraction';
import { projectMethods } from './methods/project';
import { searchMethods } from './methods/search';
import { systemMethods } from './methods/system';
import { teamMethods } from './methods/team';
import { themesMethods } from './methods/themes';

/**
 * The one API contract. Every method is declared once, in its domain's file under ./methods;
 * the Electron preload and IPC bridge, the HTTP host, the renderer's clients and the backend's
 * handler table are all derived from this object, so adding a method touches one list.
 */
export const contract = {
  ...systemMethods,
  ...documentsMethods,
  ...searchMethods,
  ...compareMethods,
  ...themesMethods,
  ...extractionMethods,
  ...notesMethods,
  ...exportMethods,
  ...projectMethods,
  ...attributesMethods,
  ...agreementMethods,
  ...teamMethods,
} satisfies MethodMap;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller passes (before defaults are applied). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** The client-side view of the contract: one async function per method. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

export const methodNames = Object.keys(contract) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
