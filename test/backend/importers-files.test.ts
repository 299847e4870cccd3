// Which files an import picks up: supported files by extension, folders recursively and sorted,
// hidden files and symbolic-link loops skipped.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSupportedFile, listImportableFiles } from '../../electron/backend/importers/index';
import { makeTempDir } from './importers/make-fixtures';

describe('isSupportedFile', () => {
  it("accepts the importers' extensions in any case and nothing else", () => {
    for (const name of ['a.txt', 'B.TXT', 'c.html', 'd.htm', 'e.docx', 'f.pdf', 'g.md', 'h.markdown', '政策.PDF'])
      expect(isSupportedFile(name), name).toBe(true);
    for (const name of ['a.doc', 'b.xlsx', 'c.pdf.exe', 'README', 'd.txt.zip', '.pdf.bak']) expect(isSupportedFile(name), name).toBe(false);
  });
});

describe('listImportableFiles', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const touch = (rel: string) => {
    const full = path.join(temp.dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, 'x');
    return full;
  };

  it('expands folders recursively in natural order, skipping hidden and unsupported files and link loops', async () => {
    const root = path.join(temp.dir, 'corpus');
    touch('corpus/plan 10.txt');
    touch('corpus/plan 2.pdf');
    touch('corpus/a/notes.md');
    touch('corpus/a/picture.png');
    touch('corpus/.hidden.txt');
    touch('corpus/.git/config.txt');
    touch('corpus/b/deep/page.html');
    symlinkSync(root, path.join(root, 'b', 'loop'));
    const files = await listImportableFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a/notes.md', 'b/deep/page.html', 'plan 2.pdf', 'plan 10.txt']);
  });

  it('keeps files named explicitly (even unsupported ones, for the report) and removes duplicates', async () => {
    const doc = touch('single/old.doc');
    const txt = touch('single/x.txt');
    const files = await listImportableFiles([doc, txt, path.dirname(txt)]);
    expect(files).toEqual([doc, txt]);
  });
});
