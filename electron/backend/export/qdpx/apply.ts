import type { Input, Output } from '../../../../shared/api/contract';
import type { QdpxImportReport } from '../../../../shared/api/methods/project';

import { safeFileName } from '../files';
import { lexicalFromText } from './lexical-from-text';
import type { ParsedQdpx, QdpxSource } from './read';
import { locateByText, textOffsetMap } from '../../../../shared/domain/reanchor';
import { applyVariableValues, ensureAttributes, type QdpxTarget } from './variables';

export type { QdpxTarget };

/**
 * Writes a read .qdpx into the project through the contract: each text source is imported as
 * a document (the normal pipeline cleans and segments it), codes become themes (an existing
 * theme of the same name is reused), selections become codings of whole clauses or of ranges,
 * and notes become annotations. Positions move from the source text to the cleaned text by a
 * character diff, so each coding stays on the same words.
 */

type Clause = Output<'documents.clauses'>[number];

function expandColor(c: string | null): string | undefined {
  if (!c) return undefined;
  return c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`.toLowerCase() : c.toLowerCase();
}

/** Where a clause's own text lies (after its label). */
function ownRange(text: string, c: Clause): { start: number; end: number } {
  const at = c.text ? text.slice(c.start, c.end).indexOf(c.text) : -1;
  return at >= 0 ? { start: c.start + at, end: c.start + at + c.text.length } : { start: c.start, end: c.end };
}

export async function applyQdpx(
  ctx: QdpxTarget,
  parsed: ParsedQdpx,
  progress: (done: number, total: number, label: string) => void,
): Promise<QdpxImportReport> {
  const created = { docs: [] as number[], themes: [] as string[], attributes: [] as number[] };
  try {
    return await applyAll(ctx, parsed, progress, created);
  } catch (e) {
    // Leave the project as it was: take back the documents and themes this import added
    // (their codings and notes go with them).
    for (const id of created.docs) await ctx.api.documents.delete({ id }).catch(() => {});
    for (const id of created.themes.reverse()) await ctx.api.themes.delete({ id }).catch(() => {});
    for (const id of created.attributes) await ctx.api.attributes.delete({ id }).catch(() => {});
    throw e;
  }
}

async function applyAll(
  ctx: QdpxTarget,
  parsed: ParsedQdpx,
  progress: (done: number, total: number, label: string) => void,
  created: { docs: number[]; themes: string[]; attributes: number[] },
): Promise<QdpxImportReport> {
  const warnings = [...parsed.warnings];
  const report: QdpxImportReport = { documents: [], themes: { created: 0, reused: 0 }, codings: 0, notes: 0, warnings };

  // Codebook first: codes by GUID → theme ids, parents before children.
  const themeOf = new Map<string, string>();
  const book = await ctx.api.themes.codebook({});
  const byName = new Map<string, string>();
  for (const t of book.themes) for (const n of [t.nameZh, t.nameEn]) if (n && !byName.has(n.trim())) byName.set(n.trim(), t.id);
  const pending = [...parsed.codes];
  while (pending.length) {
    const i = pending.findIndex((c) => !c.parentGuid || themeOf.has(c.parentGuid) || !parsed.codes.some((p) => p.guid === c.parentGuid));
    const code = pending.splice(Math.max(0, i), 1)[0];
    const existing = byName.get(code.name);
    if (existing) {
      themeOf.set(code.guid, existing);
      report.themes.reused++;
      continue;
    }
    const theme = await ctx.api.themes.create({
      nameZh: code.name.slice(0, 200),
      color: expandColor(code.color),
      description: code.description?.slice(0, 2000),
      parentId: code.parentGuid ? (themeOf.get(code.parentGuid) ?? null) : null,
    });
    created.themes.push(theme.id);
    themeOf.set(code.guid, theme.id);
    byName.set(code.name, theme.id);
    report.themes.created++;
  }

  // Variables become document attributes (by name and type; an existing one is reused).
  const attributes = await ensureAttributes(ctx, parsed.variables ?? [], warnings);
  created.attributes.push(...attributes.created);

  const taken = new Set((await ctx.api.documents.list({})).map((d) => d.file));
  const notesUsed = new Set<string>();
  const addNote = async (target: Input<'notes.create'>['target'], text: string) => {
    if (!text.trim()) return;
    await ctx.api.notes.create({ target, content: lexicalFromText(text) });
    report.notes++;
  };
  let split = 0;
  let unmapped = 0;

  for (let si = 0; si < parsed.sources.length; si++) {
    const source: QdpxSource = parsed.sources[si];
    progress(si, parsed.sources.length, source.name);
    let file = `${safeFileName(source.name).replace(/\.(txt|docx?|pdf|html?|md)$/i, '')}.txt`;
    for (let n = 2; taken.has(file); n++) file = `${safeFileName(source.name)} (${n}).txt`;
    taken.add(file);
    const imp = await ctx.api.documents.importFiles({ files: [{ name: file, dataBase64: Buffer.from(source.text, 'utf8').toString('base64') }] });
    const docId = imp.imported[0]?.id ?? imp.duplicates[0]?.id ?? imp.updated[0]?.id;
    if (!docId) {
      warnings.push(`The source "${source.name}" could not be imported: ${imp.errors[0]?.message ?? 'unknown reason'}.`);
      continue;
    }
    if (imp.imported.length) created.docs.push(docId);
    if (imp.duplicates.length)
      warnings.push(`The source "${source.name}" is already in the project; its codings and notes were added to the existing document.`);
    const detail = await ctx.api.documents.get({ id: docId });
    report.documents.push({ id: docId, title: detail.title, source: source.name });
    const { text: cleaned } = await ctx.api.documents.text({ id: docId });
    const clauses = await ctx.api.documents.clauses({ id: docId });
    const map = textOffsetMap(source.text, cleaned) ?? locateByText(source.text, cleaned);

    for (const sel of source.selections) {
      const start = map(sel.start);
      const end = map(sel.end);
      if (end <= start) {
        unmapped++;
        continue;
      }
      const themeIds = sel.codeGuids.map((g) => themeOf.get(g)).filter((t): t is string => !!t);
      if (sel.codeGuids.length > themeIds.length)
        warnings.push(`A selection in "${source.name}" refers to a code that is not in the codebook; that coding was skipped.`);
      const whole = clauses.find((c) => {
        const r = ownRange(cleaned, c);
        return r.start === start && r.end === end;
      });
      const pieces = whole
        ? [{ clause: whole, whole: true, start, end }]
        : clauses
            .filter((c) => c.start < end && c.end > start && cleaned.slice(Math.max(c.start, start), Math.min(c.end, end)).trim())
            .map((c) => ({ clause: c, whole: false, start: Math.max(c.start, start), end: Math.min(c.end, end) }));
      if (pieces.length > 1 && themeIds.length) split++;
      for (const themeId of themeIds) {
        for (const p of pieces) {
          await ctx.api.themes.code(p.whole ? { clauseId: p.clause.id, themeId } : { clauseId: p.clause.id, themeId, start: p.start, end: p.end });
          report.codings++;
        }
      }
      for (const g of sel.noteGuids) {
        const note = parsed.notes.get(g);
        if (!note) continue;
        notesUsed.add(g);
        await addNote(whole ? { kind: 'clause', docId, clauseId: whole.id } : { kind: 'range', docId, start, end }, note.text);
      }
      if (sel.memo) await addNote(whole ? { kind: 'clause', docId, clauseId: whole.id } : { kind: 'range', docId, start, end }, sel.memo);
    }
    for (const g of source.noteGuids) {
      const note = parsed.notes.get(g);
      if (!note) continue;
      notesUsed.add(g);
      await addNote({ kind: 'document', docId }, note.text);
    }
    if (source.memo) await addNote({ kind: 'document', docId }, source.memo);
    await applyVariableValues(ctx, docId, source.variables ?? [], attributes.byGuid, source.name, warnings);
  }
  progress(parsed.sources.length, parsed.sources.length, '');

  if (split) warnings.push(`${split} selection(s) spanning several clauses were coded clause by clause.`);
  if (unmapped) warnings.push(`${unmapped} selection(s) cover text that cleanup removed (page numbers, blank lines) and were skipped.`);
  const loose = [...parsed.notes.keys()].filter((g) => !notesUsed.has(g));
  if (loose.length)
    warnings.push(
      `${loose.length} note(s) not attached to any text (project or code notes) could not be placed: PolicyLens keeps notes on documents, clauses and text.`,
    );
  if (report.documents.length) ctx.events.changed('themes');
  return report;
}
