// What an import report says about a document whose title, place or year could not be read:
// those three decide whether a document shows up in year filters, city groupings and heatmaps,
// so a researcher importing a whole corpus needs the list of documents to fix by hand, with why.
import type { DocumentMetadata } from '../types';

export interface UnreadField {
  field: 'title' | 'place' | 'year';
  reason: string;
}

const opening = (cleaned: string) => {
  const first =
    cleaned
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  return first.length > 24 ? `${first.slice(0, 24)}…` : first;
};

/** The fields among title, place and year that the analysis left empty, each with the reason. */
export function unreadFields(m: DocumentMetadata, cleaned: string): UnreadField[] {
  const out: UnreadField[] = [];
  if (!m.title) out.push({ field: 'title', reason: `no title line before the body: the text opens with “${opening(cleaned)}”` });
  if (!m.city && !m.province && m.level !== 'national') {
    out.push({
      field: 'place',
      reason: m.issuer
        ? `the issuer “${m.issuer}” names no place, and neither do the title or the text`
        : 'no issuer, and neither the title nor the text names a province or city',
    });
  }
  if (!m.dateWritten && !m.datePublished && !m.period) {
    const year = m.docNumber ? /[〔［\[(（【]\s*(\d{4})/u.exec(m.docNumber.normalize('NFKC'))?.[1] : undefined;
    const numbered = year ? `; only its 文号 ${m.docNumber} gives a year (${year})` : '';
    out.push({ field: 'year', reason: `no date printed: no 题注, signature date or date field${numbered}` });
  }
  return out;
}
