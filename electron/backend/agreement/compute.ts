// Inter-coder agreement from codings already read, the same for the desktop project
// (agreement/index.ts) and the team Store (team/agreement.ts): the scope asked is checked, and the
// units (units.ts), figures (shared/domain/agreement) and disagreements make the result. Pure: each
// store reads its own rows and hands them over in these shapes.
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { agreementFigures } from '../../../shared/domain/agreement/index';
import type { ClauseKind } from '../../../shared/domain/types';
import type { Coding, StoredClause } from '../store/types';
import { type AgreementLevel, buildUnits } from './units';

type Result = Output<'agreement.compute'>;

/** A clause of the compared documents: its span [start, end) of the cleaned text. */
export type AgreementClause = Pick<StoredClause, 'id' | 'docId' | 'path' | 'text' | 'start' | 'end'>;

/** A live coding by one of the compared coders (never the consensus's null) in the compared documents. */
export type AgreementCoding = Pick<Coding, 'clauseId' | 'themeId' | 'coderId' | 'start' | 'end' | 'quote'>;

/** The coders compared, each once: at least two, each known (`coderOf` finds one by id). */
export function comparedCoders(
  ids: number[],
  coderOf: (id: number) => { id: number; name: string } | null | undefined,
): { coderIds: number[]; coders: Result['coders'] } {
  const coderIds = [...new Set(ids)];
  if (coderIds.length < 2) throw new ApiError('invalid_input', 'Agreement compares at least two different coders.');
  const coders = coderIds.map((id) => {
    const c = coderOf(id);
    if (!c) throw new ApiError('not_found', `There is no coder ${id}.`);
    return { id: c.id, name: c.name };
  });
  return { coderIds, coders };
}

/** The themes compared: those asked (each in the codebook), or every theme of the codebook. */
export function comparedThemes(asked: string[] | undefined, known: string[]): string[] {
  const themeIds = asked ? [...new Set(asked)] : known;
  const unknown = themeIds.filter((t) => !known.includes(t));
  if (unknown.length) throw new ApiError('not_found', `No theme ${unknown.slice(0, 5).join(', ')} in the codebook.`);
  return themeIds;
}

/** The documents compared: those asked, or every document a compared coder coded, in id order; each must exist. */
export function comparedDocuments(asked: number[] | undefined, coded: number[], exists: (docId: number) => boolean): number[] {
  const docIds = asked ? [...new Set(asked)] : [...new Set(coded)].sort((a, b) => a - b);
  const missing = docIds.filter((d) => !exists(d));
  if (missing.length) throw new ApiError('not_found', `No document ${missing.slice(0, 5).join(', ')}.`);
  return docIds;
}

/** The universe of units: every codable clause of the documents, and any other clause a coder coded. */
export const isComparedClause = (c: { id: number; kind: ClauseKind }, coded: Set<number>) => c.kind === 'measure' || c.kind === 'heading' || coded.has(c.id);

/** The figures per theme and overall, and each disagreement with what every coder coded. */
export function agreementResult(input: {
  level: AgreementLevel;
  coders: Result['coders'];
  themeIds: string[];
  documents: number;
  clauses: AgreementClause[];
  codings: AgreementCoding[];
  /** City and title of a compared document. */
  documentOf: (docId: number) => { city: string | null; title: string | null } | undefined;
  /** The (clause, theme) pairs the project's consensus codes. */
  consensus: Array<{ clauseId: number; themeId: string }>;
  /** The text of a coded range that stored no quote. */
  unquoted: (docId: number, start: number, end: number) => string;
}): Result {
  const { coders, codings } = input;
  const coderIds = coders.map((c) => c.id);
  const units = buildUnits(
    input.level,
    input.clauses.map((c) => ({ id: c.id, start: c.start, end: c.end })),
    coderIds,
    input.themeIds,
    codings.map((c) => ({ clauseId: c.clauseId, themeId: c.themeId, coderId: c.coderId!, start: c.start, end: c.end })),
  );
  const figures = (u: Parameters<typeof agreementFigures>[0]) => {
    const f = agreementFigures(u);
    return { ...f, units: Math.round(f.units) };
  };
  const clauseById = new Map(input.clauses.map((c) => [c.id, c]));
  const consensus = new Set(input.consensus.map((c) => `${c.clauseId}\u0000${c.themeId}`));
  return {
    level: input.level,
    coders,
    documents: input.documents,
    clauses: input.clauses.length,
    overall: figures(units.overall),
    themes: units.themes.map((t) => ({ themeId: t.themeId, figures: figures(t.units), coded: t.coded.map((x) => Math.round(x)) })),
    disagreements: units.disagreements.map(({ clauseId, themeId }) => {
      const c = clauseById.get(clauseId)!;
      const d = input.documentOf(c.docId);
      const mine = codings.filter((x) => x.clauseId === clauseId && x.themeId === themeId);
      return {
        docId: c.docId,
        clauseId,
        path: c.path,
        city: d?.city ?? null,
        title: d?.title ?? null,
        snippet: c.text.slice(0, 120),
        themeId,
        coders: coderIds.map((coderId) => {
          const own = mine.filter((x) => x.coderId === coderId);
          return {
            coderId,
            whole: own.some((x) => x.start === null),
            ranges: own
              .filter((x) => x.start !== null)
              .map((x) => ({ start: x.start!, end: x.end!, text: x.quote ?? input.unquoted(c.docId, x.start!, x.end!) })),
          };
        }),
        consensus: consensus.has(`${clauseId}\u0000${themeId}`),
      };
    }),
  };
}
