// A seed typed into Word with automatic numbering (its 一、 （一） 1. （1） made by Word's list buttons,
// so they exist only in numbering.xml) must import to the same clause tree as the seed's text: same
// labels, levels, parents, kinds and clause text. Checked for Word files written by the `docx` package
// (one list per label style, and a multi-level outline list where the numbering fits one) and for the
// same files after LibreOffice has opened and saved them (it rewrites numbering.xml its own way).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers/index';
import { analyseDocument, type AnalysedDocument } from '../../shared/domain/analyze/index';
import { makeTempDir, readSeed, seedNames } from './importers/make-fixtures';
import { docxWithListPerStyle, docxWithOutlineList, numberedParagraphs } from './importers/numbered-docx';

const SOFFICE = '/usr/bin/soffice';
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The clause tree as researchers cite it: path, level, kind and the start of each clause's own text. */
function clauseTree(doc: AnalysedDocument): string[] {
  return doc.clauses.map((c) => `${squeeze(c.path)} | level ${c.level} | ${c.kind} | ${squeeze(c.text).slice(0, 24)}`);
}

function analyseText(seed: string): AnalysedDocument {
  return analyseDocument({ text: readSeed(seed), format: 'txt', encoding: 'utf-8', warnings: [] }, seed);
}

async function analyseDocx(bytes: Uint8Array, name: string): Promise<AnalysedDocument> {
  return analyseDocument(await extractFile(name, bytes), name);
}

const temp = makeTempDir();
afterAll(() => temp.cleanup());
/** Word files built in this run, for the LibreOffice round trip. */
const built: Array<{ seed: string; file: string }> = [];

describe('a seed numbered by Word imports to the clause tree of its text', () => {
  for (const seed of seedNames()) {
    it(`${seed}: one Word list per label style`, async () => {
      const text = analyseText(seed);
      const paragraphs = numberedParagraphs(readSeed(seed), text.clauses);
      const numbered = paragraphs.filter((p) => p.scheme !== null).length;
      const labelled = text.clauses.filter((c) => c.label !== '').length;
      // The rebuild must carry (nearly) every clause label as Word numbering, or the check says little.
      expect(numbered).toBeGreaterThanOrEqual(Math.ceil(labelled * 0.9));
      const bytes = await docxWithListPerStyle(paragraphs);
      await expectLabelsOnlyInNumbering(bytes, paragraphs);
      expect(clauseTree(await analyseDocx(bytes, 'numbered.docx'))).toEqual(clauseTree(text));
      const file = path.join(temp.dir, `lists-${seed.replace('.txt', '')}.docx`);
      writeFileSync(file, bytes);
      built.push({ seed, file });
    });
  }

  it('a multi-level outline list (一、 level 1, （一） level 2 …) where the numbering fits one', async () => {
    let fitted = 0;
    for (const seed of seedNames()) {
      const text = analyseText(seed);
      const bytes = await docxWithOutlineList(numberedParagraphs(readSeed(seed), text.clauses));
      if (!bytes) continue;
      fitted++;
      expect(clauseTree(await analyseDocx(bytes, 'outline.docx')), seed).toEqual(clauseTree(text));
      const file = path.join(temp.dir, `outline-${seed.replace('.txt', '')}.docx`);
      writeFileSync(file, bytes);
      built.push({ seed, file });
    }
    expect(fitted).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!existsSync(SOFFICE))('the same Word files after LibreOffice has opened and saved them', { timeout: 180_000 }, async () => {
    expect(built.length).toBeGreaterThanOrEqual(seedNames().length + 2);
    const outDir = path.join(temp.dir, 'libreoffice');
    mkdirSync(outDir, { recursive: true });
    // A private profile: another LibreOffice running on the machine must not be disturbed (or disturb us).
    const profile = `file://${path.join(temp.dir, 'lo-profile')}`;
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...built.map((b) => b.file)],
      {
        stdio: 'pipe',
        timeout: 170_000,
      },
    );
    for (const { seed, file } of built) {
      const saved = readFileSync(path.join(outDir, path.basename(file)));
      expect(clauseTree(await analyseDocx(saved, 'libreoffice.docx')), path.basename(file)).toEqual(clauseTree(analyseText(seed)));
    }
  });
});

/** The rebuilt file really leaves the labels to Word: no numbered paragraph's text starts with its label. */
async function expectLabelsOnlyInNumbering(bytes: Uint8Array, paragraphs: ReturnType<typeof numberedParagraphs>): Promise<void> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const first = paragraphs.find((p) => p.scheme !== null)!;
  expect(xml).toContain('<w:numPr>');
  expect(xml).toContain(first.text.slice(0, 10));
  expect(xml).not.toContain(first.scheme!.template.replace('%1', '一') + first.text.slice(0, 10));
}
