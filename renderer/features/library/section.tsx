import type { Section } from '../../app/sections';
import { LibraryPage } from './LibraryPage';

export const section: Section = { id: 'library', titleKey: 'library:title', order: 1, component: LibraryPage };
