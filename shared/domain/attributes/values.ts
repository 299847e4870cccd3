/**
 * Values of researchers' own document attributes (NVivo's classifications, MAXQDA's document
 * variables). One canonical text form per type is what the database stores and what filters
 * compare, so "2021", "２０２１" and 2021 are one number and "2021/3/5" and "2021年3月5日" one date.
 */

import type { AttributeType } from '../vocabulary';

export { attributeTypes as ATTRIBUTE_TYPES, type AttributeType } from '../vocabulary';

/** What a caller gives: typed JSON or text typed into a cell. null (or blank text) clears. */
export type AttributeInput = string | number | boolean | null;
/** What the API returns: text and choice as text, number as number, date as YYYY-MM-DD, boolean. */
export type AttributeValue = string | number | boolean;

export interface AttributeSpec {
  name: string;
  type: AttributeType;
  options: string[];
}

export const MAX_TEXT_VALUE = 2000;
export const MAX_OPTIONS = 200;

export class AttributeValueError extends Error {}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '有', 'x', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是', '无']);

/** NFKC folds full-width digits and letters (２０２１ → 2021) the way a Chinese keyboard types them. */
const fold = (s: string) => s.normalize('NFKC').trim();

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A calendar date from 2021-03-05, 2021/3/5, 2021.3.5 or 2021年3月5日; null when it is none. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/u.exec(fold(text));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** The canonical text of a number: no exponent, so it is also a valid xsd:decimal. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Checks a value against its attribute and gives its canonical stored text, or null to clear.
 * Throws AttributeValueError with a message a researcher can act on.
 */
export function canonicalValue(spec: AttributeSpec, input: AttributeInput): string | null {
  if (input === null) return null;
  if (typeof input === 'string' && !fold(input)) return null;
  const shown = typeof input === 'string' ? input.trim() : String(input);
  const bad = (why: string) => new AttributeValueError(`“${shown}” is not a valid value for “${spec.name}”: ${why}`);
  switch (spec.type) {
    case 'text': {
      if (typeof input !== 'string') throw bad('it takes text.');
      const t = input.trim().normalize('NFC');
      if (t.length > MAX_TEXT_VALUE) throw bad(`text is at most ${MAX_TEXT_VALUE} characters.`);
      return t;
    }
    case 'choice': {
      if (typeof input !== 'string') throw bad('it takes one of its options.');
      const t = input.trim().normalize('NFC');
      const found = spec.options.find((o) => o === t) ?? spec.options.find((o) => fold(o) === fold(t));
      if (found === undefined) throw bad(spec.options.length ? `choose one of ${spec.options.join(', ')}.` : 'the attribute has no options yet.');
      return found;
    }
    case 'number': {
      const n =
        typeof input === 'number'
          ? input
          : typeof input === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(fold(input).replace(/[,，]/g, ''))
            ? Number(fold(input).replace(/[,，]/g, ''))
            : NaN;
      if (!Number.isFinite(n)) throw bad('it takes a number.');
      return numberText(n);
    }
    case 'date': {
      const d = typeof input === 'string' ? parseDate(input) : null;
      if (!d) throw bad('it takes a date such as 2021-03-05 or 2021年3月5日.');
      return d;
    }
    case 'boolean': {
      if (typeof input === 'boolean') return input ? 'true' : 'false';
      const w = fold(String(input)).toLowerCase();
      if (TRUE_WORDS.has(w)) return 'true';
      if (FALSE_WORDS.has(w)) return 'false';
      throw bad('it takes yes or no (是/否).');
    }
  }
}

/** The stored text as the API's typed value. */
export function typedValue(type: AttributeType, stored: string): AttributeValue {
  if (type === 'number') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}

/** Checks a name and a choice list; returns the cleaned options (trimmed, no blanks, no duplicates). */
export function cleanOptions(type: AttributeType, options: readonly string[] | undefined): string[] {
  if (type !== 'choice') {
    if (options?.length) throw new AttributeValueError('Only a choice attribute has a list of options.');
    return [];
  }
  const out: string[] = [];
  for (const o of options ?? []) {
    const t = o.trim().normalize('NFC');
    if (!t) continue;
    if (t.length > 200) throw new AttributeValueError(`The option “${t.slice(0, 20)}…” is longer than 200 characters.`);
    if (out.some((x) => fold(x) === fold(t))) throw new AttributeValueError(`The option “${t}” is listed twice.`);
    out.push(t);
  }
  if (out.length > MAX_OPTIONS) throw new AttributeValueError(`A choice attribute has at most ${MAX_OPTIONS} options.`);
  return out;
}

export function cleanName(name: string): string {
  const t = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!t) throw new AttributeValueError('An attribute needs a name.');
  if (t.length > 100) throw new AttributeValueError('An attribute name is at most 100 characters.');
  return t;
}
