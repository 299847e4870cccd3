import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { ApiError } from '../../../../shared/api/errors';
import { inflateCapped } from '../../importers/zip-guard';
import { OffsetMap } from './codepoints';
import { METADATA_VARIABLE_NAMES, type QdpxVariable, type QdpxVariableValue } from './variables';

/**
 * Reads a .qdpx written by any REFI-QDA tool into plain data. Accepts the deviations seen in the
 * wild: the project file named <Project>.qde instead of project.qde, sources with CRLF or CR line
 * ends or a BOM, memos written as <Description> instead of Notes. Everything it cannot take is
 * listed in `warnings`, never silently dropped.
 */

export interface QdpxCode {
  guid: string;
  name: string;
  color: string | null;
  description: string | null;
  parentGuid: string | null;
}

export interface QdpxSelection {
  guid: string;
  /** UTF-16 offsets into the source's normalised text (LF line ends, no BOM). */
  start: number;
  end: number;
  codeGuids: string[];
  noteGuids: string[];
  /** A memo written on the selection itself (MAXQDA, ATLAS.ti). */
  memo: string | null;
}

export interface QdpxSource {
  guid: string;
  name: string;
  text: string;
  selections: QdpxSelection[];
  noteGuids: string[];
  memo: string | null;
  /** Values of the project's variables (document attributes) for this source. */
  variables: QdpxVariableValue[];
}

export interface ParsedQdpx {
  projectName: string;
  origin: string | null;
  codes: QdpxCode[];
  sources: QdpxSource[];
  /** The project's variables: the researcher's document attributes (and PolicyLens's own metadata). */
  variables: QdpxVariable[];
  notes: Map<string, { name: string; text: string }>;
  projectNoteGuids: string[];
  warnings: string[];
}

const MAX_UNCOMPRESSED = 500 * 1024 * 1024;
/** Real project.qde files are kilobytes to a few MB; a parsed XML tree costs ~10× its text in memory. */
const MAX_PROJECT_XML = 64 * 1024 * 1024;
/** One source text: the same limit as a directly imported file. */
const MAX_SOURCE_BYTES = 200 * 1024 * 1024;
const REPEATED = new Set([
  'User',
  'Code',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'VariableValue',
  'Variable',
  'Case',
  'Link',
  'Set',
  'Graph',
]);

type X = Record<string, unknown>;
const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v && typeof v === 'object' ? [v as X] : []);
const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in (v as X)) return str((v as X)['#text']);
  return null;
};

/** Text without BOM and with LF line ends, and a map from the raw file's code points to it. */
export function normaliseSourceText(raw: string): { text: string; fromRawCodePoint: (cp: number) => number; hadCrlf: boolean } {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const rawMap = new OffsetMap(noBom);
  // Positions of every removed '\r' (CRLF → LF; a lone CR becomes LF and is kept).
  const removed: number[] = [];
  for (let i = 0; i < noBom.length; i++) if (noBom[i] === '\r' && noBom[i + 1] === '\n') removed.push(i);
  const text = noBom.replace(/\r\n?/g, '\n');
  return {
    text,
    hadCrlf: removed.length > 0 || /\r/.test(noBom),
    fromRawCodePoint(cp) {
      const u = rawMap.toUtf16(Math.max(0, Math.min(cp, rawMap.codePointLength)));
      let lo = 0;
      let hi = removed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (removed[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return u - lo;
    },
  };
}

async function openZip(bytes: Uint8Array, fileName: string): Promise<JSZip> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new ApiError('bad_file', `${fileName} is not a REFI-QDA project: a .qdpx is a zip archive, and this file is not one.`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ApiError('bad_file', `${fileName} is damaged or truncated (${(e as Error).message}).`);
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (total > MAX_UNCOMPRESSED)
    throw new ApiError(
      'bad_file',
      `${fileName} would unpack to ${Math.round(total / 1048576)} MB, more than PolicyLens accepts (${MAX_UNCOMPRESSED / 1048576} MB).`,
    );
  return zip;
}

export async function readQdpx(bytes: Uint8Array, fileName: string): Promise<ParsedQdpx> {
  const zip = await openZip(bytes, fileName);
  const warnings: string[] = [];
  const qdeFiles = Object.values(zip.files).filter((f) => !f.dir && /\.qde$/i.test(f.name));
  const qde = qdeFiles.find((f) => f.name.toLowerCase() === 'project.qde') ?? qdeFiles.sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0];
  if (!qde) throw new ApiError('bad_file', `${fileName} holds no project file (project.qde): it is a zip archive but not a REFI-QDA project.`);
  if (qde.name.toLowerCase() !== 'project.qde') warnings.push(`The project file is named "${qde.name}" instead of project.qde; it was read anyway.`);
  const xmlBytes = await inflateCapped(qde, MAX_PROJECT_XML).catch((e: Error) => {
    throw new ApiError('bad_file', `${fileName} is damaged: ${qde.name} cannot be unpacked (${e.message}).`);
  });
  if (!xmlBytes)
    throw new ApiError(
      'bad_file',
      `${fileName} cannot be imported: its ${qde.name} unpacks to more than ${MAX_PROJECT_XML / 1048576} MB (the archive's declared sizes are not trusted).`,
    );
  const xml = xmlBytes.toString('utf8');
  // REFI-QDA needs no DTD; refusing one rules out entity-expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new ApiError('bad_file', `${qde.name} declares a DTD or entities, which REFI-QDA projects never need; it was not read.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ApiError('bad_file', `${qde.name} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  let doc: X;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      isArray: (name) => REPEATED.has(name),
    }).parse(xml) as X;
  } catch (e) {
    throw new ApiError('bad_file', `${qde.name} is not well-formed XML (${(e as Error).message}).`);
  }
  const project = doc.Project as X | undefined;
  if (!project || typeof project !== 'object') throw new ApiError('bad_file', `${qde.name} has no <Project> element: it is not a REFI-QDA project file.`);

  const codes: QdpxCode[] = [];
  const walkCodes = (list: unknown, parentGuid: string | null) => {
    for (const c of arr(list)) {
      const guid = str(c.guid);
      const name = str(c.name)?.trim();
      if (!guid || !name) {
        warnings.push('A code without a GUID or a name was skipped.');
        continue;
      }
      const color = str(c.color);
      codes.push({
        guid,
        name,
        color: color && /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.test(color) ? color : null,
        description: str(c.Description)?.trim() || null,
        parentGuid,
      });
      if (arr(c.NoteRef).length) warnings.push(`Notes attached to the code "${name}" are kept as notes without a place in the text.`);
      walkCodes(c.Code, guid);
    }
  };
  walkCodes((project.CodeBook as X | undefined)?.Codes && ((project.CodeBook as X).Codes as X).Code, null);

  const notes = new Map<string, { name: string; text: string }>();
  for (const n of arr((project.Notes as X | undefined)?.Note)) {
    const guid = str(n.guid);
    if (!guid) continue;
    let text = str(n.PlainTextContent) ?? '';
    const path = str(n.plainTextPath);
    if (!text && path) text = (await readInternal(zip, path, warnings, `note "${str(n.name) ?? guid}"`)) ?? '';
    notes.set(guid, { name: str(n.name) ?? '', text: text.replace(/\r\n?/g, '\n') });
  }

  const variables: QdpxVariable[] = arr((project.Variables as X | undefined)?.Variable)
    .map((v) => ({
      guid: str(v.guid) ?? '',
      name: str(v.name)?.trim() ?? '',
      typeOfVariable: str(v.typeOfVariable) ?? 'Text',
      description: str(v.Description),
    }))
    .filter((v) => v.guid && v.name);
  const metadataGuids = new Set(variables.filter((v) => METADATA_VARIABLE_NAMES.has(v.name)).map((v) => v.guid));
  const valueOf = (vv: X) => {
    for (const k of ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'])
      if (vv[k] !== undefined) return str(vv[k])?.trim() ?? null;
    return null;
  };

  const sourcesEl = (project.Sources as X | undefined) ?? {};
  for (const kind of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    const n = arr(sourcesEl[kind]).length;
    if (n) warnings.push(`${n} ${kind.replace('Source', '').toLowerCase()} source(s) were skipped: PolicyLens works with text only.`);
  }
  const sources: QdpxSource[] = [];
  let crlf = false;
  let withVariables = 0;
  for (const s of arr(sourcesEl.TextSource)) {
    const guid = str(s.guid) ?? '';
    const name = str(s.name)?.trim() || guid || 'source';
    let raw = str(s.PlainTextContent);
    const path = str(s.plainTextPath);
    if (raw == null && path) raw = await readInternal(zip, path, warnings, `source "${name}"`);
    if (raw == null) {
      warnings.push(
        str(s.richTextPath)
          ? `The source "${name}" has only rich text (DOCX) and no plain text; it was skipped.`
          : `The source "${name}" has no text; it was skipped.`,
      );
      continue;
    }
    const norm = normaliseSourceText(raw);
    crlf ||= norm.hadCrlf;
    const selections: QdpxSelection[] = [];
    for (const sel of arr(s.PlainTextSelection)) {
      const a = Number(str(sel.startPosition));
      const b = Number(str(sel.endPosition));
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b <= a) {
        warnings.push(`A selection in "${name}" has invalid positions (${str(sel.startPosition)}–${str(sel.endPosition)}) and was skipped.`);
        continue;
      }
      selections.push({
        guid: str(sel.guid) ?? '',
        start: norm.fromRawCodePoint(a),
        end: norm.fromRawCodePoint(b),
        codeGuids: arr(sel.Coding)
          .map((c) => str((c.CodeRef as X | undefined)?.targetGUID))
          .filter((x): x is string => !!x),
        noteGuids: arr(sel.NoteRef)
          .map((r) => str(r.targetGUID))
          .filter((x): x is string => !!x),
        memo: str(sel.Description)?.trim() || null,
      });
    }
    if (arr(s.Coding).length)
      warnings.push(`${arr(s.Coding).length} coding(s) of the whole source "${name}" were not imported: PolicyLens codes clauses and text ranges.`);
    const values = arr(s.VariableValue).flatMap((vv) => {
      const variableGuid = str((vv.VariableRef as X | undefined)?.targetGUID);
      const value = valueOf(vv);
      return variableGuid && value ? [{ variableGuid, value }] : [];
    });
    if (values.some((v) => metadataGuids.has(v.variableGuid))) withVariables++;
    sources.push({
      guid,
      name,
      text: norm.text,
      selections,
      noteGuids: arr(s.NoteRef)
        .map((r) => str(r.targetGUID))
        .filter((x): x is string => !!x),
      memo: str(s.Description)?.trim() || null,
      variables: values.filter((v) => !metadataGuids.has(v.variableGuid)),
    });
  }
  if (withVariables)
    warnings.push(`Metadata variables (city, 文号, dates) of ${withVariables} source(s) were not imported: PolicyLens reads metadata from the text itself.`);
  if (crlf) warnings.push('Sources with Windows (CRLF) or old Mac (CR) line ends were converted to LF; positions were adjusted.');
  for (const [el, what] of [
    ['Cases', 'Cases'],
    ['Sets', 'Sets'],
    ['Graphs', 'Graphs'],
    ['Links', 'Links between items'],
  ] as const) {
    if (project[el]) warnings.push(`${what} in the project cannot be represented in PolicyLens and were not imported.`);
  }
  return {
    projectName: str(project.name) ?? fileName,
    origin: str(project.origin),
    codes,
    sources,
    variables,
    notes,
    projectNoteGuids: arr(project.NoteRef)
      .map((r) => str(r.targetGUID))
      .filter((x): x is string => !!x),
    warnings,
  };
}

/** Reads an internal:// file from the archive's sources/ folder; absolute paths are outside the file. */
async function readInternal(zip: JSZip, path: string, warnings: string[], what: string): Promise<string | null> {
  const m = /^internal:\/\/(.+)$/i.exec(path.trim());
  if (!m) {
    warnings.push(`The ${what} refers to a file outside the project (${path}); it was skipped.`);
    return null;
  }
  const name = m[1].replace(/\\/g, '/');
  const file =
    zip.file(`sources/${name}`) ??
    zip.file(`Sources/${name}`) ??
    Object.values(zip.files).find((f) => f.name.toLowerCase().endsWith(`/${name.toLowerCase()}`)) ??
    null;
  if (!file) {
    warnings.push(`The ${what} names sources/${name}, which is missing from the archive; it was skipped.`);
    return null;
  }
  const bytes = await inflateCapped(file, MAX_SOURCE_BYTES).catch(() => null);
  if (!bytes) {
    warnings.push(`The ${what} (${file.name}) is damaged or unpacks to more than ${MAX_SOURCE_BYTES / 1048576} MB; it was skipped.`);
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push(`The ${what} is not valid UTF-8; undecodable bytes were replaced.`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}
