import type { QuickOpenItem, QuickOpenSource } from '../../app/extensions';
import { navigate } from '../../app/router';
import { setLocale } from '../../i18n';

/** Reading every document's clauses costs one call each; past this many documents only titles are offered. */
const MAX_DOCUMENTS_FOR_HEADINGS = 300;

/**
 * The built-in items: documents, cities, clause headings, and the commands (import, new
 * comparison, switch language). Other features add theirs through their own quickopen.ts.
 */
export const quickOpenSource: QuickOpenSource = {
  id: 'core',
  async load(api, t) {
    const docs = await api['documents.list']({});
    const items: QuickOpenItem[] = [];
    for (const d of docs) {
      items.push({
        id: `doc-${d.id}`, kind: 'document', title: d.title ?? d.file,
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
          id: `clause-${c.id}`, kind: 'clause', title: `${c.label}${c.heading}`,
          subtitle: `${d.city ?? '—'} · ${d.title ?? d.file}`, keywords: d.city ?? '',
          run: () => navigate('reader', [d.id], { clause: c.id }),
        });
      }
    });
    items.push(
      { id: 'cmd-import', kind: 'command', title: t('quickopen:cmd.import'), keywords: 'import 导入', run: () => navigate('library', [], { import: 1 }) },
      { id: 'cmd-compare', kind: 'command', title: t('quickopen:cmd.compare'), keywords: 'compare comparison 比较', run: () => navigate('compare', [], { new: 1 }) },
      { id: 'cmd-search', kind: 'command', title: t('quickopen:cmd.search'), keywords: 'search 检索 搜索', run: () => navigate('search') },
      { id: 'cmd-lang-en', kind: 'command', title: t('quickopen:cmd.language', { language: 'English' }), keywords: 'language locale 语言 English', run: () => setLocale('en') },
      { id: 'cmd-lang-zh', kind: 'command', title: t('quickopen:cmd.language', { language: '简体中文' }), keywords: 'language locale 语言 中文 Chinese', run: () => setLocale('zh-CN') },
    );
    return items;
  },
};
