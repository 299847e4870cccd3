// The numbers Word prints before paragraphs it numbers itself ("automatic numbering"). They are not in
// the text of word/document.xml: a paragraph only says <w:numPr> numId + ilvl (or inherits them from its
// style), and word/numbering.xml says how each level of that list is printed (numFmt, lvlText such as
// "%1、" or "（%2）", start, when it restarts). A Chinese policy document numbered this way reaches us
// as bare headings unless we print the labels ourselves, which is what this file does: it keeps a
// counter per list and level, in document order, the way Word does.
import { child, childVal, elements, intVal, isOn, type XmlElement } from './docx-xml';
import { formatListNumber } from './docx-number-formats';

/** How one level of a list is printed. */
interface LevelDefinition {
  start: number;
  numFmt: string;
  /** "%1、", "（%2）", "%1.%2." — %N is the counter of level N-1 printed in that level's format. */
  lvlText: string;
  /** 0: never restarts; N: restarts when level N-1 or a higher one is used; undefined: after any higher level. */
  restartAfter: number | undefined;
  /** Legal numbering: every %N printed as a decimal. */
  isLgl: boolean;
  /** What Word puts between the number and the text: a tab (the default), a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** A paragraph style bound to this level (headings numbered through their style). */
  pStyle: string | undefined;
}

/** A list instance (w:num): its abstract definition, with its own level overrides. */
interface ListInstance {
  /** Instances of one abstract definition share their counters, as in Word. */
  counterKey: string;
  levels: Array<LevelDefinition | undefined>;
  startOverrides: Map<number, number>;
}

/** A paragraph style's numbering and the style it is based on. */
interface StyleNumbering {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

export interface PrintedLabel {
  /** The label as printed, e.g. '一、', '（二）', '1.' */
  text: string;
  suffix: LevelDefinition['suffix'];
}

const MAX_LEVELS = 9;

export class DocxNumbering {
  private readonly instances = new Map<string, ListInstance>();
  private readonly styles = new Map<string, StyleNumbering>();
  private readonly defaultParagraphStyle: string | undefined;
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** startOverride values not yet applied: `${numId}/${ilvl}`. */
  private readonly pendingOverrides = new Set<string>();

  constructor(numberingXml: XmlElement | undefined, stylesXml: XmlElement | undefined) {
    for (const style of elements(stylesXml, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const numPr = child(child(style, 'w:pPr'), 'w:numPr');
      this.styles.set(id, { basedOn: childVal(style, 'w:basedOn'), numId: childVal(numPr, 'w:numId'), ilvl: intVal(childVal(numPr, 'w:ilvl')) });
      const isDefault = ['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '');
      if (style.attrs['w:type'] === 'paragraph' && isDefault) this.defaultParagraphStyle ??= id;
    }
    this.readInstances(numberingXml);
  }

  /**
   * The label of a numbered paragraph, advancing the list's counters; null when the paragraph is not
   * numbered, or only bulleted (bullets are not clause numbers).
   */
  next(pPr: XmlElement | undefined): PrintedLabel | null {
    const target = this.paragraphList(pPr);
    if (!target) return null;
    const { numId, ilvl } = target;
    const list = this.instances.get(numId);
    const level = list?.levels[ilvl];
    if (!list || !level) return null;
    let counters = this.counters.get(list.counterKey);
    if (!counters) this.counters.set(list.counterKey, (counters = []));
    const override = `${numId}/${ilvl}`;
    if (this.pendingOverrides.delete(override)) counters[ilvl] = list.startOverrides.get(ilvl);
    else counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restartAfter = list.levels[deeper]?.restartAfter;
      if (restartAfter === undefined || (restartAfter > 0 && ilvl <= restartAfter - 1)) counters[deeper] = undefined;
    }
    if (level.numFmt === 'bullet') return null;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const value = counters[k] ?? list.levels[k]?.start ?? 1;
      return formatListNumber(value, level.isLgl ? 'decimal' : (list.levels[k]?.numFmt ?? 'decimal'));
    });
    return { text, suffix: level.suffix };
  }

  /** numId and level of a paragraph: its own w:numPr, else its style's (through w:basedOn). */
  private paragraphList(pPr: XmlElement | undefined): { numId: string; ilvl: number } | null {
    const direct = child(pPr, 'w:numPr');
    const styleId = childVal(pPr, 'w:pStyle') ?? this.defaultParagraphStyle;
    const inherited = this.styleNumbering(styleId);
    const numId = childVal(direct, 'w:numId') ?? inherited?.numId;
    if (numId === undefined || numId === '0') return null;
    const list = this.instances.get(numId);
    const ilvl =
      intVal(childVal(direct, 'w:ilvl')) ?? inherited?.ilvl ?? (styleId === undefined ? undefined : list?.levels.findIndex((l) => l?.pStyle === styleId)) ?? 0;
    return { numId, ilvl: ilvl >= 0 && ilvl < MAX_LEVELS ? ilvl : 0 };
  }

  private styleNumbering(styleId: string | undefined): { numId: string | undefined; ilvl: number | undefined } | null {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.get(id);
      numId ??= style?.numId;
      ilvl ??= style?.ilvl;
    }
    return numId === undefined && ilvl === undefined ? null : { numId, ilvl };
  }

  private readInstances(numberingXml: XmlElement | undefined): void {
    const abstracts = new Map<string, XmlElement>();
    for (const a of elements(numberingXml, 'w:abstractNum')) abstracts.set(a.attrs['w:abstractNumId'] ?? '', a);
    const nums = new Map<string, XmlElement>();
    for (const n of elements(numberingXml, 'w:num')) nums.set(n.attrs['w:numId'] ?? '', n);
    // A list style (w:numStyleLink) points through a numbering style to the instance that defines it.
    const styleLinked = new Map<string, string>();
    for (const [id, a] of abstracts) {
      const link = childVal(a, 'w:styleLink');
      if (link !== undefined) styleLinked.set(link, id);
    }
    const definitionOf = (abstractId: string): [string, XmlElement | undefined] => {
      const a = abstracts.get(abstractId);
      const link = childVal(a, 'w:numStyleLink');
      const target = link === undefined ? undefined : styleLinked.get(link);
      return target !== undefined && target !== abstractId ? [target, abstracts.get(target)] : [abstractId, a];
    };
    for (const [numId, num] of nums) {
      const [abstractId, abstract] = definitionOf(childVal(num, 'w:abstractNumId') ?? '');
      if (!abstract) continue;
      const levels: Array<LevelDefinition | undefined> = [];
      for (const lvl of elements(abstract, 'w:lvl')) {
        const i = intVal(lvl.attrs['w:ilvl']);
        if (i !== undefined && i >= 0 && i < MAX_LEVELS) levels[i] = readLevel(lvl);
      }
      const startOverrides = new Map<number, number>();
      for (const o of elements(num, 'w:lvlOverride')) {
        const i = intVal(o.attrs['w:ilvl']);
        if (i === undefined || i < 0 || i >= MAX_LEVELS) continue;
        const redefined = child(o, 'w:lvl');
        if (redefined) levels[i] = readLevel(redefined, levels[i]);
        // A level redefined for this instance starts this instance's count again, like a startOverride.
        const start = intVal(childVal(o, 'w:startOverride')) ?? (redefined ? levels[i]?.start : undefined);
        if (start !== undefined) {
          startOverrides.set(i, start);
          this.pendingOverrides.add(`${numId}/${i}`);
        }
      }
      this.instances.set(numId, { counterKey: abstractId, levels, startOverrides });
    }
  }
}

function readLevel(lvl: XmlElement, base?: LevelDefinition): LevelDefinition {
  const suff = childVal(lvl, 'w:suff');
  const restart = intVal(childVal(lvl, 'w:lvlRestart'));
  return {
    start: intVal(childVal(lvl, 'w:start')) ?? base?.start ?? 1,
    numFmt: numberFormat(lvl) ?? base?.numFmt ?? 'decimal',
    lvlText: child(lvl, 'w:lvlText')?.attrs['w:val'] ?? base?.lvlText ?? '',
    restartAfter: restart ?? base?.restartAfter,
    isLgl: child(lvl, 'w:isLgl') ? isOn(child(lvl, 'w:isLgl')) : (base?.isLgl ?? false),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: childVal(lvl, 'w:pStyle') ?? base?.pStyle,
  };
}

/**
 * A level's w:numFmt. Word 2010+ may wrap it in mc:AlternateContent (a custom format for new Word,
 * a standard one as fallback); the fallback is the one we can print.
 */
function numberFormat(lvl: XmlElement): string | undefined {
  const direct = childVal(lvl, 'w:numFmt');
  if (direct !== undefined) return direct;
  for (const alt of elements(lvl).filter((e) => e.name.endsWith(':AlternateContent'))) {
    for (const branch of [...elements(alt).filter((e) => e.name.endsWith(':Fallback')), ...elements(alt).filter((e) => e.name.endsWith(':Choice'))]) {
      const fmt = childVal(branch, 'w:numFmt');
      if (fmt !== undefined && fmt !== 'custom') return fmt;
    }
  }
  return undefined;
}
