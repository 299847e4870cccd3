import type { Section } from '../../app/sections';
import { ReaderPage } from './ReaderPage';

/** The Reader is reached from documents, hits and links; it has no sidebar entry. */
export const section: Section = { id: 'reader', titleKey: 'reader:title', component: ReaderPage };
