import i18next from 'i18next';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import type { QuickOpenItem, QuickOpenSource } from '../../app/extensions';
import { commands, runCommand } from '../../app/commands';
import { navigate } from '../../app/router';

/**
 * Up to this many documents load with the palette (fuzzy-matched with their clause headings);
 * a larger corpus is looked up as the researcher types (documents.find), a page at a time.
 */
const MAX_LOADED_DOCUMENTS = 300;
const FOUND_PER_QUERY = 20;
/** Whether the last load held every document (then find has nothing to add). */
let loadedWhole = true;

function documentItem(d: DocumentSummary): QuickOpenItem {
  return {
    id: `doc-${d.id}`,
    kind: 'document',
    title: d.title ?? d.file,
    subtitle: [d.city, d.year, d.docNumber].filter(Boolean).join(' · '),
    keywords: [d.city, d.province, d.docNumber, d.file, d.issuer].filter(Boolean).join(' '),
    run: () => navigate('reader', [d.id]),
  };
}

/**
 * The built-in items: documents, cities, clause headings, and the registry's commands (import,
 * new comparison, switch language …). Other features add theirs through their own quickopen.ts.
 */
export const quickOpenSource: QuickOpenSource = {
  id: 'core',
  async load(api, t) {
    const [first, values] = await Promise.all([api['documents.find']({ q: '', limit: MAX_LOADED_DOCUMENTS }), api['documents.filterValues']({})]);
    // All of a small corpus; none of a large one up front (find below looks them up as typed).
    loadedWhole = first.total <= MAX_LOADED_DOCUMENTS;
    const docs = loadedWhole ? first.documents : [];
    const items: QuickOpenItem[] = docs.map(documentItem);
    for (const city of values.cities) {
      items.push({ id: `city-${city}`, kind: 'document', title: t('quickopen:city', { city }), keywords: city, run: () => navigate('search', [], { city }) });
    }
    // Reading every document's clauses costs one call each: headings only for a corpus that loads whole.
    const clauseLists = await Promise.all(docs.map((d) => api['documents.clauses']({ id: d.id }).catch(() => [])));
    clauseLists.forEach((clauses, i) => {
      const d = docs[i];
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
  async find(api, q) {
    if (loadedWhole) return [];
    return (await api['documents.find']({ q, limit: FOUND_PER_QUERY })).documents.map(documentItem);
  },
};
