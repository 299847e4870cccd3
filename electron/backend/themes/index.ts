import type { themesMethods } from '../../../shared/api/methods/themes';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';

/** The themes feature: its handlers and the document hooks it needs. */
export function createThemesFeature(_ctx: BackendContext): { handlers: HandlerGroup<keyof typeof themesMethods>; hooks?: DocumentHooks } {
  return { handlers: {} };
}
