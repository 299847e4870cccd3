import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = { id: 'team', titleKey: 'team:page.title', order: 8, component: deferred(() => import('./TeamPage').then((m) => m.TeamPage)) };
