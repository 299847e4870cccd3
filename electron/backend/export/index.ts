import type { exportMethods } from '../../../shared/api/methods/export';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';

/** The export feature: its handlers and the document hooks it needs. */
export function createExportFeature(_ctx: BackendContext): { handlers: HandlerGroup<keyof typeof exportMethods>; hooks?: DocumentHooks } {
  return { handlers: {} };
}
