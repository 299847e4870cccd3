// Export files of a team project: written into the caller's own export folder, which the host
// serves to that caller only, never over an existing file unless asked.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '../../../shared/api/client';
import type { MethodName, Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { modelToJson } from '../export/formats/json';
import { tablesToXlsx } from '../export/formats/tables';
import { buildModel } from '../export/model-builder';
import { modelToQdpx } from '../export/qdpx/export';
import type { Coding } from '../store/types';
import { version } from '../version';
import { type Caller, type TeamContext, type TeamDispatch, type TeamHandlers, isLead } from './caller';

/** A file name for an export: the one asked (no folders), or the default. */
function exportName(asked: string | undefined, fallback: string, extension: string): string {
  const base = (asked ?? fallback).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || fallback;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** Where an export of the caller goes (their own folder): its file on the server and the name they download. */
export function exportTarget(
  ctx: TeamContext,
  caller: Caller,
  dest: { path?: string; fileName?: string; overwrite: boolean },
  fallback: string,
  extension: string,
): { file: string; name: string } {
  if (dest.path !== undefined) throw new ApiError('invalid_input', 'A team server writes exports for download: give a fileName, not a path on the server.');
  const dir = ctx.exportDirOf(caller);
  mkdirSync(dir, { recursive: true });
  const name = exportName(dest.fileName, fallback, extension);
  const file = join(dir, name);
  if (existsSync(file) && !dest.overwrite) throw new ApiError('conflict', `${name} exists already: choose another name or overwrite it.`);
  return { file, name };
}

export function writeExport(
  ctx: TeamContext,
  caller: Caller,
  dest: { path?: string; fileName?: string; overwrite: boolean },
  fallback: string,
  extension: string,
  bytes: Buffer,
): { path: string; downloadName: string } {
  const { file, name } = exportTarget(ctx, caller, dest, fallback, extension);
  writeFileSync(file, bytes);
  return { path: name, downloadName: name };
}

export function exportHandlers(ctx: TeamContext, dispatch: TeamDispatch): TeamHandlers {
  const { store } = ctx;
  return {
    /**
     * The project's codings as an XLSX table, with each coding's coder. Blind as everywhere: the
     * lead gets every coder's and the consensus, a coder their own, a viewer the consensus.
     */
    'export.project': async ({ format, options, attributes, ...dest }, caller): Promise<Output<'export.project'>> => {
      // The attributes feature says which documents a filter selects, as the caller (as on the desktop).
      const api = createClient((method, input) => dispatch.call(caller, method, input));
      const documentIds = attributes?.length ? (await api.attributes.match({ filters: attributes })).docIds : undefined;
      if (format !== 'xlsx') {
        // REFI-QDA and JSON: the desktop's model and writers, read through the contract as the caller
        // (so a coder's file holds their own codings, as everything they see).
        const source = { api, info: { version }, available: (m: MethodName) => dispatch.has(m) };
        const model = await buildModel(source, { allComparisons: format === 'json', documentIds }, 'PolicyLens team project');
        const bytes = format === 'qdpx' ? await modelToQdpx(model, options) : modelToJson(model);
        const out = writeExport(ctx, caller, dest, `${model.projectName} export`, format, bytes);
        return { ...out, bytes: bytes.length, format, warnings: model.warnings };
      }
      const keep = documentIds ? new Set(documentIds) : null;
      const zh = options.locale === 'zh-CN';
      const coders = await store.coders.list();
      const names = new Map(coders.map((c) => [c.id, c.name]));
      const whose: Array<number | null> = isLead(caller) ? [null, ...coders.map((c) => c.id)] : caller.role === 'coder' ? [caller.coderId] : [null];
      const codings: Coding[] = [];
      for (const id of whose)
        codings.push(
          ...(await store.codings.ofCoder(id)).filter(
            (c) => (!keep || keep.has(c.docId)) && (c.status === 'accepted' || (options.includeSuggested && c.status === 'suggested')),
          ),
        );
      const themes = new Map((await store.themes.list()).map((t) => [t.id, zh ? t.nameZh : t.nameEn || t.nameZh]));
      const docs = new Map((await store.documents.list()).map((d) => [d.id, d]));
      const clauses = new Map<number, { path: string; text: string }>();
      for (const docId of new Set(codings.map((c) => c.docId))) for (const c of await store.documents.clauses(docId)) clauses.set(c.id, c);
      const header = zh
        ? ['文件', '城市', '年份', '条款', '主题', '编码者', '范围', '文本', '状态', '编码时间']
        : ['Document', 'City', 'Year', 'Clause', 'Theme', 'Coder', 'Extent', 'Text', 'Status', 'Coded at'];
      const rows = codings.map((c) => {
        const d = docs.get(c.docId);
        const clause = clauses.get(c.clauseId);
        return [
          d?.title ?? d?.fileName ?? String(c.docId),
          d?.city ?? '',
          d?.year ?? null,
          clause?.path ?? '',
          themes.get(c.themeId) ?? c.themeId,
          c.coderId === null ? (zh ? '共识' : 'consensus') : (names.get(c.coderId) ?? String(c.coderId)),
          c.start === null ? (zh ? '整条' : 'whole clause') : `${c.start}–${c.end}`,
          c.start === null ? (clause?.text ?? '') : (c.quote ?? ''),
          c.status,
          c.createdAt,
        ];
      });
      const bytes = await tablesToXlsx([{ name: zh ? '编码' : 'Codings', header, rows, align: ['left', 'left', 'right'] }], {
        title: zh ? '团队项目编码' : 'Team project codings',
      });
      const out = writeExport(ctx, caller, dest, zh ? '团队编码' : 'Team codings', 'xlsx', bytes);
      return { ...out, bytes: bytes.length, format: 'xlsx', warnings: [] };
    },
  };
}
