import type { Section } from '../../app/sections';
import { ThemesPage } from './ThemesPage';

export const section: Section = { id: 'themes', titleKey: 'themes:title', order: 4, component: ThemesPage };
