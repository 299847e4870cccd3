import type { QuickOpenSource } from '../../app/extensions';
import { navigate } from '../../app/router';

/** Notes in quick open: their text is searchable; opening one shows it on the Notes page. */
export const quickOpenSource: QuickOpenSource = {
  id: 'notes',
  async load(api, t) {
    const notes = await api['notes.list']({ limit: 500 });
    return notes.map((n) => ({
      id: `note:${n.id}`,
      kind: 'note' as const,
      title: n.plainText.split('\n')[0].slice(0, 80) || t('notes:title'),
      subtitle: [n.context.city, n.context.docTitle, n.context.clausePath].filter(Boolean).join(' · '),
      keywords: n.plainText.slice(0, 500),
      run: () => navigate('notes', [], { q: n.plainText.split('\n')[0].slice(0, 20) }),
    }));
  },
};
