import type { annotationsMethods } from '../../../shared/api/methods/annotations';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';

/** The annotations feature: its handlers and the document hooks it needs. */
export function createAnnotationsFeature(_ctx: BackendContext): { handlers: HandlerGroup<keyof typeof annotationsMethods>; hooks?: DocumentHooks } {
  return { handlers: {} };
}
