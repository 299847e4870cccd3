import type { TFunction } from 'i18next';
import type { AlignmentLink } from '../../../shared/api/methods/compare';
import { instrumentById } from '../../../shared/domain/align/lexicon';

/** A link's reasons as one sentence in the researcher's language. */
export function reasonText(t: TFunction, reasons: AlignmentLink['reasons'], lang: string): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'terms':
          return t('compare:reasonTerms', { terms: r.terms.join('、') });
        case 'instrument':
          return t('compare:reasonInstrument', {
            names: r.instruments.map((i) => (lang.startsWith('zh') ? instrumentById.get(i)?.zh : instrumentById.get(i)?.en) ?? i).join(', '),
          });
        case 'numbers':
          return t('compare:reasonNumbers', { values: r.values.join(', ') });
        case 'section':
          return t('compare:reasonSection', { terms: r.terms.join('、') });
        case 'mutual':
          return t('compare:reasonMutual');
      }
    })
    .join('; ');
}
