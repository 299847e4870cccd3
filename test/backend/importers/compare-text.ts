// Compares extracted text with the text that was put into a file, ignoring white space (PDF lines
// wrap anywhere) and telling apart three kinds of difference: single characters replaced by another
// (a font that shares one glyph between two code points, e.g. 胶 and 㬵, makes the PDF name the
// other one — a property of the file, not of the importer), and text lost or added (importer bugs).
import { diffChars } from 'diff';

export interface TextComparison {
  /** Pairs "expected→actual" of one-character substitutions. */
  substitutions: string[];
  lost: string[];
  extra: string[];
}

export function compareIgnoringWhiteSpace(expected: string, actual: string): TextComparison {
  const strip = (s: string) => s.replace(/\s+/g, '');
  const parts = diffChars(strip(expected), strip(actual));
  const result: TextComparison = { substitutions: [], lost: [], extra: [] };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added && part.value.length === next.value.length && part.value.length <= 2) {
      for (let k = 0; k < part.value.length; k++) result.substitutions.push(`${part.value[k]}→${next.value[k]}`);
      i++;
    } else if (part.removed) result.lost.push(part.value);
    else if (part.added) result.extra.push(part.value);
  }
  return result;
}
