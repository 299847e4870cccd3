import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = {
  id: 'agreement',
  titleKey: 'agreement:title',
  order: 7,
  component: deferred(() => import('./AgreementPage').then((m) => m.AgreementPage)),
};
