// Shared by the export tests: a fresh project with the five seeds, real codings and annotations
// made through the contract, and a comparison of two seeds built by hand from their real clauses
// (the compare feature's own alignment is tested elsewhere; here the links only need to be real).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Backend } from '../../electron/backend';
import { buildModel } from '../../electron/backend/export/model-builder';
import type { ExportLink, ExportModel } from '../../electron/backend/export/model';
import { rowsFromLinks } from '../../electron/backend/export/comparison-source';
import type { Output } from '../../shared/api/contract';
import { freshProject, repoRoot } from '../contract/harness';

/** A note with every formatting the report must render: bold, italic, a link and a nested list. */
export function richNote(marker: string): string {
  const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' });
  const para = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children });
  const item = (value: number, ...children: unknown[]) => ({ type: 'listitem', version: 1, value, direction: null, format: '', indent: 0, children });
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        para(text(`${marker} `), text('融资担保比较', 1), text(' and '), text('italic', 2), text(' see '), {
          type: 'link',
          version: 1,
          url: 'https://www.gov.cn/',
          rel: null,
          target: null,
          title: null,
          direction: null,
          format: '',
          indent: 0,
          children: [text('国务院网站')],
        }),
        {
          type: 'list',
          version: 1,
          listType: 'bullet',
          start: 1,
          tag: 'ul',
          direction: null,
          format: '',
          indent: 0,
          children: [item(1, text('第一点：贷款贴息')), item(2, text('第二点：风险补偿'))],
        },
      ],
    },
  });
}

export interface SeedFixture {
  backend: Backend;
  dir: string;
  model: ExportModel;
  docA: Output<'documents.list'>[number];
  docB: Output<'documents.list'>[number];
  /** Clause texts that must appear in every report. */
  linkedTexts: string[];
  dispose(): void;
}

export async function seedFixture(): Promise<SeedFixture> {
  const project = await freshProject();
  const b = project.backend;
  const docs = await b.api.documents.list({});
  const [docA, docB] = [...docs].sort((x, y) => y.clauseCount - x.clauseCount);
  await b.api.themes.acceptAbove({ minScore: 0, docId: docA.id });
  const clausesA = (await b.api.documents.clauses({ id: docA.id })).filter((c) => c.kind === 'measure' && c.text.length > 20);
  const clausesB = (await b.api.documents.clauses({ id: docB.id })).filter((c) => c.kind === 'measure' && c.text.length > 20);
  // A manual range coding inside a clause, and notes of every kind.
  const rangeClause = clausesA[1];
  await b.api.themes.code({ clauseId: rangeClause.id, themeId: 'financing', start: rangeClause.end - 10, end: rangeClause.end - 2 });
  const note = await b.api.notes.create({ target: { kind: 'clause', docId: docA.id, clauseId: clausesA[0].id } });
  await b.api.notes.save({ id: note.id, content: richNote('NOTE-CLAUSE') });
  const rangeNote = await b.api.notes.create({ target: { kind: 'range', docId: docB.id, start: clausesB[0].end - 8, end: clausesB[0].end - 1 } });
  await b.api.notes.save({ id: rangeNote.id, content: richNote('NOTE-RANGE') });

  const model = await buildModel(b.context, { documentIds: [docA.id, docB.id] }, 'seed project');
  const links: ExportLink[] = [0, 1, 2, 3].map((i) => ({
    a: clausesA[i].id,
    b: clausesB[i].id,
    score: 0.9 - i * 0.1,
    status: i === 3 ? 'rejected' : i === 2 ? 'suggested' : 'confirmed',
  }));
  const order = new Map([...clausesA, ...clausesB].map((c, i) => [c.id, i]));
  const memberOf = new Map<number, { member: number; docId: number }>([
    ...clausesA.map((c) => [c.id, { member: 0, docId: docA.id }] as [number, { member: number; docId: number }]),
    ...clausesB.map((c) => [c.id, { member: 1, docId: docB.id }] as [number, { member: number; docId: number }]),
  ]);
  const members = [docA, docB].map((d) => ({
    docId: d.id,
    partIndex: null,
    title: d.title ?? d.file,
    clauseIds: model.documents.find((x) => x.id === d.id)!.clauses.map((c) => c.id),
  }));
  model.comparison = {
    id: 1,
    name: '青岛 对比 比较报告',
    documentIds: [docA.id, docB.id],
    members,
    links,
    rows: rowsFromLinks(
      links,
      (id) => memberOf.get(id),
      (id) => order.get(id) ?? 0,
    ),
  };
  model.annotations.push({
    id: 'row1',
    anchor: { kind: 'row', rowId: 'x', clauseIds: [clausesA[2].id] },
    lexical: richNote('NOTE-ROW'),
    text: 'NOTE-ROW',
    createdAt: null,
  });
  model.annotations.push({ id: 'cmp1', anchor: { kind: 'comparison' }, lexical: richNote('NOTE-COMPARISON'), text: 'NOTE-COMPARISON', createdAt: null });
  return {
    backend: b,
    dir: project.dir,
    model,
    docA,
    docB,
    linkedTexts: [0, 1, 2].flatMap((i) => [clausesA[i].text, clausesB[i].text]),
    dispose: project.dispose,
  };
}

/** The shared reference folder (../shared beside the repo), or null when absent. */
export const sharedDir = (() => {
  const d = resolve(repoRoot, '..', 'shared');
  return existsSync(d) ? d : null;
})();

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Runs LibreOffice headless with a private profile, so parallel runs do not clash. */
export function libreOffice(args: string[], profileDir: string): { ok: boolean; output: string } {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(profileDir, 'lo-profile')}`, '--headless', '--norestore', ...args], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

/** Squashes white space: converters wrap and indent text freely. */
export const squash = (s: string) => s.replace(/\s+/g, '');
