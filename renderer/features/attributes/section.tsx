import type { Section } from '../../app/sections';
import { AttributesPage } from './AttributesPage';

export const section: Section = { id: 'attributes', titleKey: 'attributes:title', order: 6, component: AttributesPage };
