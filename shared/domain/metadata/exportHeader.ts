// Where an exported copy comes from: PKULaw's 【法宝引证码】 (sourceId) and 原文链接 (sourceUrl),
// read from the raw text's first lines (cleanup removes them from the text: cleanup/exportLines.ts).
import { EXPORT_HEADER_LINES, SOURCE_ID_RE, SOURCE_URL_RE } from '../cleanup/exportLines';

export interface ExportHeader {
  sourceId: string | null;
  sourceUrl: string | null;
}

export function readExportHeader(raw: string): ExportHeader {
  const lines = raw
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .slice(0, EXPORT_HEADER_LINES);
  let sourceId: string | null = null;
  let sourceUrl: string | null = null;
  for (const l of lines) {
    sourceId ??= SOURCE_ID_RE.exec(l)?.[1] ?? null;
    sourceUrl ??= SOURCE_URL_RE.exec(l)?.[1] ?? null;
  }
  return { sourceId, sourceUrl };
}
