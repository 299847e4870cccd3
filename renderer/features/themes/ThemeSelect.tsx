import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../shared/api/methods/themes';

/** A <select> of the codebook's themes, indented by depth; picking one calls onPick and resets. */
export function ThemeSelect({
  themes,
  label,
  onPick,
  testId,
  exclude = [],
}: {
  themes: Theme[];
  label: string;
  onPick: (id: string) => void;
  testId: string;
  exclude?: string[];
}) {
  const { i18n } = useTranslation();
  const depth = (t: Theme): number => (t.parentId ? 1 + depth(themes.find((x) => x.id === t.parentId) ?? { ...t, parentId: null }) : 0);
  const ordered = orderTree(themes);
  return (
    <select aria-label={label} data-testid={testId} value="" onChange={(e) => e.target.value && onPick(e.target.value)}>
      <option value="">{label}</option>
      {ordered
        .filter((t) => !exclude.includes(t.id))
        .map((t) => (
          <option key={t.id} value={t.id}>
            {'\u3000'.repeat(depth(t))}
            {themeName(t, i18n.language)}
          </option>
        ))}
    </select>
  );
}

export function themeName(t: Pick<Theme, 'nameZh' | 'nameEn'>, lang: string): string {
  return lang.startsWith('zh') ? t.nameZh : t.nameEn || t.nameZh;
}

/** Depth-first order of the tree, siblings by their `ord`. */
export function orderTree(themes: Theme[]): Theme[] {
  const out: Theme[] = [];
  const walk = (parent: string | null) => {
    for (const t of themes.filter((x) => x.parentId === parent).sort((a, b) => a.ord - b.ord)) {
      out.push(t);
      walk(t.id);
    }
  };
  walk(null);
  // Themes whose parent is missing (should not happen) still show.
  for (const t of themes) if (!out.includes(t)) out.push(t);
  return out;
}
