import type { Section } from '../../app/sections';
import { AgreementPage } from './AgreementPage';

export const section: Section = { id: 'agreement', titleKey: 'agreement:title', order: 7, component: AgreementPage };
