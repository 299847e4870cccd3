/** A minimal XML writer: elements with attributes and text, everything escaped. */

// XML 1.0 forbids most control characters and lone surrogates even when escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type XmlChild = XmlNode | string | null | undefined | false;

export interface XmlNode {
  name: string;
  attrs: Record<string, string | number | boolean | null | undefined>;
  children: XmlChild[];
}

export function el(name: string, attrs: XmlNode['attrs'] = {}, ...children: Array<XmlChild | XmlChild[]>): XmlNode {
  return { name, attrs, children: children.flat() };
}

function render(node: XmlNode, indent: string, out: string[]): void {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
  const kids = node.children.filter((c): c is XmlNode | string => c !== null && c !== undefined && c !== false);
  if (!kids.length) {
    out.push(`${indent}<${node.name}${attrs}/>`);
  } else if (kids.every((k) => typeof k === 'string')) {
    out.push(`${indent}<${node.name}${attrs}>${kids.map((k) => xmlText(k as string)).join('')}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const k of kids) {
      if (typeof k === 'string') out.push(indent + '  ' + xmlText(k));
      else render(k, indent + '  ', out);
    }
    out.push(`${indent}</${node.name}>`);
  }
}

export function renderXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  render(root, '', out);
  return out.join('\n') + '\n';
}
