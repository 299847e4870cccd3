import type { searchMethods } from '../../../shared/api/methods/search';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';

/** The search feature: its handlers and the document hooks it needs. */
export function createSearchFeature(_ctx: BackendContext): { handlers: HandlerGroup<keyof typeof searchMethods>; hooks?: DocumentHooks } {
  return { handlers: {} };
}
