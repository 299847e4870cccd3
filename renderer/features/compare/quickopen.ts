import type { QuickOpenSource } from '../../app/extensions';
import { navigate } from '../../app/router';

/** Comparisons in quick open, and a command to start a new one. */
export const quickOpenSource: QuickOpenSource = {
  id: 'compare',
  async load(api, t) {
    const list = await api['compare.list']({});
    return [
      { id: 'compare:new', kind: 'command' as const, title: t('compare:quickNew'), keywords: 'compare comparison 比较 对比 new', run: () => navigate('compare', ['new']) },
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
