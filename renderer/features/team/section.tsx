import type { Section } from '../../app/sections';
import { TeamPage } from './TeamPage';

export const section: Section = { id: 'team', titleKey: 'team:page.title', order: 8, component: TeamPage };
