import { ApiError } from '../../../shared/api/errors';
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { agreementMethods } from '../../../shared/api/methods/agreement';
import type { BackendContext } from '../context';
import { createThemesRepo, type ThemesRepo } from '../db/themes';
import type { HandlerGroup } from '../handlers/types';
import { requireCoder } from '../themes/coding';
import { agreementResult, comparedCoders, comparedDocuments, comparedThemes, isComparedClause } from './compute';
import { agreementWorkbook } from './export';
import { reconcile } from './reconcile';
import type { AgreementLevel } from './units';
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
  const { coderIds, coders } = comparedCoders(input.coderIds, (id) => repo.coder(id));
  const themeIds = comparedThemes(
    input.themeIds,
    repo.themes().map((t) => t.id),
  );
  const codings = coderIds.flatMap((id) => repo.coderCodings(id));
  const docIds = comparedDocuments(
    input.docIds,
    codings.map((c) => c.doc_id),
    (d) => !!documents.get(d),
  );
  const inDocs = new Set(docIds);
  const compared = codings
    .filter((c) => inDocs.has(c.doc_id))
    .map((c) => ({ clauseId: c.clause_id, themeId: c.theme_id, coderId: c.coder_id, start: c.start, end: c.end, quote: c.quote }));
  const coded = new Set(compared.map((c) => c.clauseId));
  const clauseRows = docIds.flatMap((d) => documents.clauses(d)).filter((c) => isComparedClause(c, coded));
  const docInfo = new Map(
    documents
      .list()
      .filter((d) => inDocs.has(d.id))
      .map((d) => [d.id, d]),
  );
  const texts = new Map<number, string>();
  const textOf = (docId: number) => texts.get(docId) ?? (texts.set(docId, documents.get(docId)?.cleaned_text ?? ''), texts.get(docId)!);
  return agreementResult({
    level: input.level,
    coders,
    themeIds,
    documents: docIds.length,
    clauses: clauseRows.map((c) => ({ id: c.id, docId: c.doc_id, path: c.path, text: c.text, start: c.start, end: c.end })),
    codings: compared,
    documentOf: (docId) => docInfo.get(docId),
    consensus: repo
      .liveCodings(null)
      .filter((c) => c.status === 'accepted' || c.source === 'manual')
      .map((c) => ({ clauseId: c.clause_id, themeId: c.theme_id })),
    unquoted: (docId, start, end) => textOf(docId).slice(start, end),
  });
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
