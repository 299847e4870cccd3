import type { QuickOpenSource } from '../../app/extensions';
import { navigate } from '../../app/router';

/** Comparisons in quick open (the command to start a new one is in the command registry). */
export const quickOpenSource: QuickOpenSource = {
  id: 'compare',
  async load(api, t) {
    const list = await api['compare.list']({});
    return [
      ...list.map((c) => ({
        id: `comparison:${c.id}`,
        kind: 'comparison' as const,
        title: c.name,
        subtitle: `${t('compare:quickComparison')} · ${c.members.map((m) => m.city ?? m.title).join(' / ')}`,
        keywords: c.members.map((m) => `${m.title} ${m.city ?? ''}`).join(' '),
        run: () => navigate('compare', [c.id]),
      })),
    ];
  },
};
