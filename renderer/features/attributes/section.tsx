import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = {
  id: 'attributes',
  titleKey: 'attributes:title',
  order: 6,
  component: deferred(() => import('./AttributesPage').then((m) => m.AttributesPage)),
};
