import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

export const section: Section = { id: 'notes', titleKey: 'notes:title', order: 5, component: deferred(() => import('./NotesPage').then((m) => m.NotesPage)) };
