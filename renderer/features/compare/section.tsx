import type { Section } from '../../app/sections';
import { ComparePage } from './ComparePage';

export const section: Section = { id: 'compare', titleKey: 'compare:title', order: 3, component: ComparePage };
