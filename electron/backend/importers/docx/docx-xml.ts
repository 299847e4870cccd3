// The XML parts of a .docx read into a small element tree (fast-xml-parser, order preserved), with the
// WordprocessingML namespace always under the prefix "w:" whatever prefix the writer chose, so the
// readers can ask for 'w:p' and 'w:numPr' without caring which program made the file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Deep enough for any real document (nested tables add three levels each, a text box in a drawing
 * about fifteen); a file nested deeper is refused by the parser instead of exhausting the stack.
 */
const MAX_NESTING = 400;

/** The main WordprocessingML namespace, transitional and strict. */
const WORD_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

/** Parses one part; throws an Error with a short reason when the XML is not well formed. */
export function parseXmlPart(xml: string): XmlElement {
  // Word never writes a DTD; one in a .docx can only be there to expand entities.
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) throw new Error('the XML declares a DTD, which a Word document never does');
  // The parser is lenient by design; a damaged part must be refused, not half read.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${valid.err.msg} at line ${valid.err.line}`);
  const prefix = wordPrefix(xml);
  const toW = (name: string): string => {
    if (prefix === '') return name.includes(':') ? name : `w:${name}`;
    return prefix !== 'w' && name.startsWith(`${prefix}:`) ? `w:${name.slice(prefix.length + 1)}` : name;
  };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: MAX_NESTING,
    transformTagName: toW,
    // Attributes without a prefix are not in the w namespace; only rename prefixed ones.
    transformAttributeName: (name) => (prefix !== '' && prefix !== 'w' && name.startsWith(`${prefix}:`) ? `w:${name.slice(prefix.length + 1)}` : name),
  });
  const roots = (parser.parse(xml) as RawNode[]).map(toNode).filter((n): n is XmlElement => typeof n !== 'string');
  if (roots.length === 0) throw new Error('the XML has no root element');
  return roots[0];
}

type RawNode = Record<string, unknown>;

/** fast-xml-parser's ordered output ({ tag: children, ':@': attrs } / { '#text': s }) → XmlNode. */
function toNode(raw: RawNode): XmlNode {
  if ('#text' in raw) return String(raw['#text']);
  const name = Object.keys(raw).find((k) => k !== ':@') ?? '';
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  const children = (raw[name] as RawNode[] | undefined) ?? [];
  return { name, attrs, children: children.map(toNode) };
}

/** The prefix the root element binds to the WordprocessingML namespace ('' for a default namespace). */
function wordPrefix(xml: string): string {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? '';
  for (const m of root.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (WORD_NAMESPACES.has(m[2])) return m[1] ?? '';
  }
  return 'w';
}

export function elements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The w:val of a child element (<w:numId w:val="3"/> → '3'). */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** Text content of an element (only its direct text nodes: w:t, w:instrText …). */
export function ownText(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}

/** A toggle property such as <w:vanish/> or <w:vanish w:val="false"/>. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs['w:val'];
  return v === undefined || !['false', '0', 'off'].includes(v);
}

export function intVal(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}
