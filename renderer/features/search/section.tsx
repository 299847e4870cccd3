import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = {
  id: 'search',
  titleKey: 'search:title',
  order: 2,
  component: deferred(() => import('./SearchPage').then((m) => m.SearchPage)),
};
