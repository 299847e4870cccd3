import type { Section } from '../../app/sections';
import { SearchPage } from './SearchPage';

export const section: Section = { id: 'search', titleKey: 'search:title', order: 2, component: SearchPage };
