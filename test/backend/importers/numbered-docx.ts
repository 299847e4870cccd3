// Rebuilds a plain-text policy document as a Word file whose clause numbers are Word's automatic
// numbering (the labels live only in numbering.xml, as when an author numbers headings with Word's
// list buttons), so the DOCX importer can be checked to give the same clause tree as the text.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { AnalysedClause } from '../../../shared/domain/analyze/index';

/** A clause label read as a numbering level: "（十四）" → template "（%1）", chineseCounting, 14. */
export interface LabelScheme {
  template: string;
  format: (typeof LevelFormat)[keyof typeof LevelFormat];
  value: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100 };

function chineseValue(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      total += (digit || 1) * CN_UNITS[ch];
      digit = 0;
    }
  }
  return total + digit;
}

export function labelScheme(label: string): LabelScheme | null {
  const m = /^(\D*?)([一二三四五六七八九十百零〇]+|\d+|[①-⑳])(\D*)$/u.exec(label.trim());
  if (!m) return null;
  const [, prefix, token, suffix] = m;
  const template = `${prefix}%1${suffix}`;
  if (/^\d+$/.test(token)) return { template, format: LevelFormat.DECIMAL, value: Number(token) };
  if (/^[①-⑳]$/u.test(token)) return { template, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, value: token.codePointAt(0)! - 0x2460 + 1 };
  const value = chineseValue(token);
  // Word's chineseCounting spells 100 as 一〇〇; a text that counts past 99 was numbered in the "thousand" style.
  return { template, format: value >= 100 ? LevelFormat.CHINESE_COUNTING_THOUSAND : LevelFormat.CHINESE_COUNTING, value };
}

/** One paragraph of the rebuilt document: text, and the numbering Word prints before it. */
export interface NumberedParagraph {
  text: string;
  scheme: LabelScheme | null;
  /** Depth in the clause tree (1 = top), for the multi-level list variant. */
  level: number;
}

/**
 * The text's lines (a blank line an empty paragraph); a line that starts a labelled clause loses its
 * label and keeps its scheme instead. Clauses labelled in mid-line stay inline text, as they would in Word.
 */
export function numberedParagraphs(text: string, clauses: AnalysedClause[]): NumberedParagraph[] {
  const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const labelled = clauses.filter((c) => c.label.trim() !== '' && labelScheme(c.label) !== null);
  let next = 0;
  const out: NumberedParagraph[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      out.push({ text: '', scheme: null, level: 0 });
      continue;
    }
    let matched: NumberedParagraph | null = null;
    for (let k = next; k < Math.min(next + 3, labelled.length); k++) {
      const c = labelled[k];
      const label = c.label.trim();
      const rest = line.slice(label.length).trim();
      // The clause's own text may run on past this line (a heading followed by its paragraph).
      const [a, b] = [squeeze(rest), squeeze(c.text)];
      const n = Math.min(8, a.length, b.length);
      if (line.startsWith(label) && a.slice(0, n) === b.slice(0, n)) {
        matched = { text: rest, scheme: labelScheme(label), level: c.level };
        next = k + 1;
        break;
      }
    }
    out.push(matched ?? { text: line, scheme: null, level: 0 });
  }
  return out;
}

const schemeKey = (s: LabelScheme) => `${s.format}|${s.template}`;
const level = (scheme: LabelScheme, index: number, start = 1) => ({
  level: index,
  format: scheme.format,
  text: scheme.template.replace('%1', `%${index + 1}`),
  start,
  alignment: AlignmentType.LEFT,
});

/**
 * Variant 1, any numbering: one list per label style (the way most authors number with Word's
 * buttons). A number that restarts at 1 starts a new instance of its list; any other jump starts a
 * list of its own that begins at that number.
 */
export async function docxWithListPerStyle(paragraphs: NumberedParagraph[]): Promise<Uint8Array> {
  const configs: Array<{ reference: string; levels: ReturnType<typeof level>[] }> = [];
  const current = new Map<string, { reference: string; start: number; instance: number; last: number }>();
  const children = paragraphs.map((p) => {
    if (!p.scheme) return new Paragraph({ children: [new TextRun(p.text)] });
    const key = schemeKey(p.scheme);
    let list = current.get(key);
    if (!list || p.scheme.value !== list.last + 1) {
      if (list && list.start === p.scheme.value) list = { ...list, instance: list.instance + 1 };
      else {
        const reference = `list${configs.length}`;
        configs.push({ reference, levels: [level(p.scheme, 0, p.scheme.value)] });
        list = { reference, start: p.scheme.value, instance: 0, last: 0 };
      }
    }
    list.last = p.scheme.value;
    current.set(key, list);
    return new Paragraph({ numbering: { reference: list.reference, level: 0, instance: list.instance }, children: [new TextRun(p.text)] });
  });
  return pack(configs, children);
}

/**
 * Variant 2, an outline list: one multi-level list whose level k prints the k-th label style, each
 * level restarting under its parent (Word's default), a new instance when the top level starts again
 * at 1 (a second document in the file). Null when the text's numbering does not fit that shape (a
 * style used at two depths, or numbers that run on across parents).
 */
export async function docxWithOutlineList(paragraphs: NumberedParagraph[]): Promise<Uint8Array | null> {
  const styleAtDepth = new Map<number, LabelScheme>();
  for (const p of paragraphs) {
    if (!p.scheme) continue;
    const known = styleAtDepth.get(p.level);
    if (known && schemeKey(known) !== schemeKey(p.scheme)) return null;
    styleAtDepth.set(p.level, p.scheme);
  }
  const depths = [...styleAtDepth.keys()].sort((a, b) => a - b);
  if (depths.length === 0 || depths.length > 9 || new Set([...styleAtDepth.values()].map(schemeKey)).size !== depths.length) return null;
  const counters: Array<number | undefined> = [];
  let instance = 0;
  const children: Paragraph[] = [];
  for (const p of paragraphs) {
    if (!p.scheme) {
      children.push(new Paragraph({ children: [new TextRun(p.text)] }));
      continue;
    }
    const k = depths.indexOf(p.level);
    if (k === 0 && p.scheme.value === 1 && counters[0] !== undefined) {
      instance++;
      counters.length = 0;
    }
    counters[k] = (counters[k] ?? 0) + 1;
    counters.length = k + 1;
    if (counters[k] !== p.scheme.value) return null;
    children.push(new Paragraph({ numbering: { reference: 'outline', level: k, instance }, children: [new TextRun(p.text)] }));
  }
  return pack([{ reference: 'outline', levels: depths.map((d, k) => level(styleAtDepth.get(d)!, k)) }], children);
}

async function pack(configs: Array<{ reference: string; levels: ReturnType<typeof level>[] }>, children: Paragraph[]): Promise<Uint8Array> {
  const doc = new Document({ numbering: { config: configs }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
