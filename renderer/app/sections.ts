import type { ComponentType } from 'react';
import type { Route } from './router';

/**
 * A section of the app. Each feature folder that has a `section.tsx` exporting `section` is
 * picked up automatically; the sidebar lists those with an order, in that order.
 */
export interface Section {
  id: string;
  /** i18n key of the sidebar label, e.g. 'library:title'. */
  titleKey: string;
  /** Position in the sidebar; omit for routes that are not sidebar entries (the Reader). */
  order?: number;
  /** Single-letter keyboard shortcut with Alt (Alt+1 … are assigned by order). */
  component: ComponentType<{ route: Route }>;
}

export { plannedSections } from './plannedSections';

/**
 * Starts loading a section's code if it is deferred (deferred.tsx): a page opened directly by its
 * address need not wait for the first render to ask for it. Resolves when the code is there (or
 * could not be fetched); null when the section's code is in the app already.
 */
export function preloadSection(id: string): Promise<void> | null {
  const component = sections.find((s) => s.id === id)?.component as { preload?: () => Promise<void> } | undefined;
  // A chunk that cannot be fetched shows its error where the page renders, not here.
  return component?.preload?.().catch(() => undefined) ?? null;
}

const modules = import.meta.glob<{ section: Section }>('../features/*/section.tsx', { eager: true });
export const sections: Section[] = Object.values(modules)
  .map((m) => m.section)
  .filter(Boolean);

/** App-wide overlays (quick open, export dialog …): every `features/<name>/overlay.tsx` exporting `Overlay`. */
const overlayModules = import.meta.glob<{ Overlay: ComponentType }>('../features/*/overlay.tsx', { eager: true });
export const overlays: ComponentType[] = Object.values(overlayModules)
  .map((m) => m.Overlay)
  .filter(Boolean);
