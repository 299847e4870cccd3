import type { Section } from '../../app/sections';
import { NotesPage } from './NotesPage';

export const section: Section = { id: 'notes', titleKey: 'notes:title', order: 5, component: NotesPage };
