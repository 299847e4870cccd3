import type { compareMethods } from '../../../shared/api/methods/compare';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';

/** The compare feature: its handlers and the document hooks it needs. */
export function createCompareFeature(_ctx: BackendContext): { handlers: HandlerGroup<keyof typeof compareMethods>; hooks?: DocumentHooks } {
  return { handlers: {} };
}
