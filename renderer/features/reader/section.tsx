import type { Section } from '../../app/sections';
import { deferred } from '../../app/deferred';

/** The Reader is reached from documents, hits and links; it has no sidebar entry. */
export const section: Section = { id: 'reader', titleKey: 'reader:title', component: deferred(() => import('./ReaderPage').then((m) => m.ReaderPage)) };
