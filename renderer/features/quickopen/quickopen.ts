import i18next from 'i18next';
import type { QuickOpenItem, QuickOpenSource } from '../../app/extensions';
import { commands, runCommand } from '../../app/commands';
import { navigate } from '../../app/router';

/** Reading every document's clauses costs one call each; past this many documents only titles are offered. */
const MAX_DOCUMENTS_FOR_HEADINGS = 300;

/**
 * The built-in items: documents, cities, clause headings, and the registry's commands (import,
 * new comparison, switch language …). Other features add theirs through their own quickopen.ts.
 */
export const quickOpenSource: QuickOpenSource = {
  id: 'core',
  async load(api, t) {
    const docs = await api['documents.list']({});
    const items: QuickOpenItem[] = [];
    for (const d of docs) {
      items.push({
        id: `doc-${d.id}`,
        kind: 'document',
        title: d.title ?? d.file,
        subtitle: [d.city, d.year, d.docNumber].filter(Boolean).join(' · '),
        keywords: [d.city, d.province, d.docNumber, d.file, d.issuer].filter(Boolean).join(' '),
        run: () => navigate('reader', [d.id]),
      });
    }
    for (const city of new Set(docs.map((d) => d.city).filter((c): c is string => !!c))) {
      items.push({ id: `city-${city}`, kind: 'document', title: t('quickopen:city', { city }), keywords: city, run: () => navigate('search', [], { city }) });
    }
    const withHeadings = docs.slice(0, MAX_DOCUMENTS_FOR_HEADINGS);
    const clauseLists = await Promise.all(withHeadings.map((d) => api['documents.clauses']({ id: d.id }).catch(() => [])));
    clauseLists.forEach((clauses, i) => {
      const d = withHeadings[i];
      for (const c of clauses) {
        if (!c.heading) continue;
        items.push({
          id: `clause-${c.id}`,
          kind: 'clause',
          title: `${c.label}${c.heading}`,
          subtitle: `${d.city ?? '—'} · ${d.title ?? d.file}`,
          keywords: d.city ?? '',
          run: () => navigate('reader', [d.id], { clause: c.id }),
        });
      }
    });
    // The commands come from the one registry (renderer/app/commands), as the shortcuts do.
    const zh = i18next.language.startsWith('zh');
    for (const c of commands.filter((x) => x.palette)) {
      items.push({
        id: `cmd-${c.id}`,
        kind: 'command',
        title: zh ? c.title['zh-CN'] : c.title.en,
        subtitle: c.keys?.join(' · '),
        keywords: `${c.keywords ?? ''} ${c.title.en} ${c.title['zh-CN']}`,
        run: () => void runCommand(c.id),
      });
    }
    return items;
  },
};
