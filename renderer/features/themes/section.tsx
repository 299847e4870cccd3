import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = {
  id: 'themes',
  titleKey: 'themes:title',
  order: 4,
  component: deferred(() => import('./ThemesPage').then((m) => m.ThemesPage)),
};
