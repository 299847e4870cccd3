import { ApiError } from '../../../shared/api/errors';
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { agreementMethods } from '../../../shared/api/methods/agreement';
import { agreementFigures } from '../../../shared/domain/agreement/index';
import type { BackendContext } from '../context';
import { createThemesRepo, type ThemesRepo } from '../db/themes';
import type { HandlerGroup } from '../handlers/types';
import { requireCoder } from '../themes/coding';
import { agreementWorkbook } from './export';
import { reconcile } from './reconcile';
import { type AgreementLevel, buildUnits } from './units';
import { resolveDestination, writeNew } from '../export/files';

const CURRENT = 'current_coder';

function coderOut(repo: ThemesRepo, id: number): Output<'coders.add'> {
  const c = repo.coders().find((x) => x.id === id)!;
  return { id: c.id, name: c.name, createdAt: c.created_at, codings: c.codings };
}

function uniqueName(repo: ThemesRepo, name: string, self: number | null): void {
  const other = repo.coderByName(name);
  if (other && other.id !== self) throw new ApiError('conflict', `There is already a coder named “${name}”.`);
}

/** Inter-coder agreement over the project's codings, at one level. */
export function computeAgreement(
  ctx: BackendContext,
  repo: ThemesRepo,
  input: { coderIds: number[]; docIds?: number[]; themeIds?: string[]; level: AgreementLevel },
): Output<'agreement.compute'> {
  const { documents } = ctx;
  const coderIds = [...new Set(input.coderIds)];
  if (coderIds.length < 2) throw new ApiError('invalid_input', 'Agreement compares at least two different coders.');
  const coders = coderIds.map((id) => {
    const c = repo.coder(id);
    if (!c) throw new ApiError('not_found', `There is no coder ${id}.`);
    return { id: c.id, name: c.name };
  });
  const known = repo.themes().map((t) => t.id);
  const themeIds = input.themeIds ? [...new Set(input.themeIds)] : known;
  const unknown = themeIds.filter((t) => !known.includes(t));
  if (unknown.length) throw new ApiError('not_found', `No theme ${unknown.slice(0, 5).join(', ')} in the codebook.`);
  const codings = coderIds.flatMap((id) => repo.coderCodings(id));
  const docIds = input.docIds ? [...new Set(input.docIds)] : [...new Set(codings.map((c) => c.doc_id))].sort((a, b) => a - b);
  const missing = docIds.filter((d) => !documents.get(d));
  if (missing.length) throw new ApiError('not_found', `No document ${missing.slice(0, 5).join(', ')}.`);
  const inDocs = new Set(docIds);
  const coded = new Set(codings.filter((c) => inDocs.has(c.doc_id)).map((c) => c.clause_id));
  // The universe: every codable clause of the documents, and any other clause a coder coded.
  const clauseRows = docIds.flatMap((d) => documents.clauses(d)).filter((c) => c.kind === 'measure' || c.kind === 'heading' || coded.has(c.id));
  const units = buildUnits(
    input.level,
    clauseRows.map((c) => ({ id: c.id, start: c.start, end: c.end })),
    coderIds,
    themeIds,
    codings.filter((c) => inDocs.has(c.doc_id)).map((c) => ({ clauseId: c.clause_id, themeId: c.theme_id, coderId: c.coder_id!, start: c.start, end: c.end })),
  );
  const figures = (u: Parameters<typeof agreementFigures>[0]) => {
    const f = agreementFigures(u);
    return { ...f, units: Math.round(f.units) };
  };
  const clauseById = new Map(clauseRows.map((c) => [c.id, c]));
  const docInfo = new Map(
    documents
      .list()
      .filter((d) => inDocs.has(d.id))
      .map((d) => [d.id, d]),
  );
  const texts = new Map<number, string>();
  const textOf = (docId: number) => texts.get(docId) ?? (texts.set(docId, documents.get(docId)?.cleaned_text ?? ''), texts.get(docId)!);
  const consensus = new Set(
    repo
      .liveCodings(null)
      .filter((c) => c.status === 'accepted' || c.source === 'manual')
      .map((c) => `${c.clause_id}\u0000${c.theme_id}`),
  );
  const disagreements = units.disagreements.map(({ clauseId, themeId }) => {
    const c = clauseById.get(clauseId)!;
    const d = docInfo.get(c.doc_id);
    const mine = codings.filter((x) => x.clause_id === clauseId && x.theme_id === themeId);
    return {
      docId: c.doc_id,
      clauseId,
      path: c.path,
      city: d?.city ?? null,
      title: d?.title ?? null,
      snippet: c.text.slice(0, 120),
      themeId,
      coders: coderIds.map((coderId) => {
        const own = mine.filter((x) => x.coder_id === coderId);
        return {
          coderId,
          whole: own.some((x) => x.start === null),
          ranges: own.filter((x) => x.start !== null).map((x) => ({ start: x.start!, end: x.end!, text: x.quote ?? textOf(c.doc_id).slice(x.start!, x.end!) })),
        };
      }),
      consensus: consensus.has(`${clauseId}\u0000${themeId}`),
    };
  });
  return {
    level: input.level,
    coders,
    documents: docIds.length,
    clauses: clauseRows.length,
    overall: figures(units.overall),
    themes: units.themes.map((t) => ({ themeId: t.themeId, figures: figures(t.units), coded: t.coded.map((x) => Math.round(x)) })),
    disagreements,
  };
}

/** Coders, agreement and reconciliation (issue 14). Writes go through the themes undo log. */
export function createAgreementFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof agreementMethods> } {
  const { db, events } = ctx;
  const repo = createThemesRepo(db);
  const changed = () => events.changed('themes');
  return {
    handlers: {
      'coders.list': () => {
        const current = Number(repo.state(CURRENT)) || null;
        const coders = repo.coders().map((c) => ({ id: c.id, name: c.name, createdAt: c.created_at, codings: c.codings }));
        return { coders, current: coders.some((c) => c.id === current) ? current : null };
      },
      'coders.add': ({ name }) => {
        const id = db.transaction(() => {
          uniqueName(repo, name, null);
          return repo.addCoder(name);
        })();
        changed();
        return coderOut(repo, id);
      },
      'coders.rename': ({ id, name }) => {
        db.transaction(() => {
          requireCoder(repo, id);
          uniqueName(repo, name, id);
          repo.renameCoder(id, name);
        })();
        changed();
        return coderOut(repo, id);
      },
      'coders.setCurrent': ({ coderId }) => {
        requireCoder(repo, coderId);
        repo.setState(CURRENT, coderId === null ? '' : String(coderId));
        changed();
        return { ok: true as const };
      },
      'agreement.compute': (input) => computeAgreement(ctx, repo, input),
      'agreement.reconcile': (input: ParsedInput<'agreement.reconcile'>) => {
        const result = reconcile(ctx, repo, input.decisions);
        changed();
        return result;
      },
      'agreement.export': async ({ locale, path, fileName, overwrite, ...scope }) => {
        const clause = computeAgreement(ctx, repo, { ...scope, level: 'clause' });
        const character = computeAgreement(ctx, repo, { ...scope, level: 'character' });
        const target = resolveDestination(ctx, { path, fileName }, 'xlsx', locale === 'zh-CN' ? '编码一致性' : 'Inter-coder agreement');
        const themes = new Map(repo.themes().map((t) => [t.id, locale === 'zh-CN' ? t.name_zh : t.name_en || t.name_zh]));
        const bytes = await agreementWorkbook({ clause, character, themes, locale });
        writeNew(target.path, bytes, overwrite);
        return { path: target.path, downloadName: target.downloadName, bytes: bytes.length, format: 'xlsx', warnings: [] };
      },
    },
  };
}
