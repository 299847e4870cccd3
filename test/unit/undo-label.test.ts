import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { catalog } from '../../renderer/features/themes/i18n';
import { undoLabelText } from '../../renderer/features/themes/undoLabel';
import type { Theme } from '../../shared/api/methods/themes';

const t = ((key: string, vars: Record<string, string>) => {
  const template = (catalog.en.step as Record<string, string>)[key.replace('themes:step.', '')];
  return template.replace(/\{\{(\w)\}\}/g, (_, k: string) => vars[k]);
}) as unknown as TFunction;
const themes = [
  { id: 'talent', nameZh: '人才', nameEn: 'Talent' },
  { id: 'financing', nameZh: '融资/金融支持', nameEn: 'Financing' },
] as Theme[];

describe('undo steps in the interface language', () => {
  it('names themes in English in the English interface', () => {
    expect(undoLabelText('Code 人才', t, themes, 'en')).toBe('code as Talent');
    expect(undoLabelText('Merge 人才 into 融资/金融支持', t, themes, 'en')).toBe('merge Talent into Financing');
    expect(undoLabelText('Accept 12 suggestions ≥ 0.8', t, themes, 'en')).toBe('accept 12 suggestions ≥ 0.8');
  });
  it('keeps a step of unknown shape, and a theme deleted since, as recorded', () => {
    expect(undoLabelText('Something new', t, themes, 'en')).toBe('Something new');
    expect(undoLabelText('Delete theme 旧主题', t, themes, 'en')).toBe('delete theme 旧主题');
  });
});
