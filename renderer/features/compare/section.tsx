import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = {
  id: 'compare',
  titleKey: 'compare:title',
  order: 3,
  component: deferred(() => import('./ComparePage').then((m) => m.ComparePage)),
};
