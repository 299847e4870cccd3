import type { QuickOpenSource } from '../../app/extensions';
import { navigate } from '../../app/router';

/** Themes in quick open: jump to the heatmap, where the theme's clauses can be listed. */
export const quickOpenSource: QuickOpenSource = {
  id: 'themes',
  async load(api, t) {
    const { themes } = await api['themes.codebook']({});
    return themes.map((th) => ({
      id: `theme:${th.id}`,
      kind: 'theme' as const,
      title: `${th.nameZh}${th.nameEn ? ` · ${th.nameEn}` : ''}`,
      subtitle: t('themes:coded', { count: th.codedCount }),
      keywords: [th.id, th.description, ...th.keywords].join(' '),
      run: () => navigate('themes', ['heatmap']),
    }));
  },
};
