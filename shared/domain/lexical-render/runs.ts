import type { RichBlock, RichInline, RichList, RichMarks } from './tree';

/**
 * Rich blocks flattened into paragraphs of styled runs, the shape word processors (DOCX) want:
 * no nesting except a list level. Library-free so it stays in shared/; the DOCX writer maps
 * each run to its own objects.
 */
export interface DocRun extends RichMarks {
  text: string;
  /** Set on runs inside a safe link. */
  href?: string;
  /** A line break before this run's text. */
  breakBefore?: boolean;
}

export interface DocParagraph {
  style: 'normal' | 'heading' | 'quote' | 'code' | 'bullet' | 'numbered';
  /** Heading level 1–6, or list depth 0… */
  level: number;
  /** The printed prefix of a numbered or check-list item ('3.', '☑'); bullets get theirs from the writer. */
  prefix?: string;
  runs: DocRun[];
}

function runsOf(inlines: RichInline[]): DocRun[] {
  const runs: DocRun[] = [];
  let pendingBreak = false;
  for (const i of inlines) {
    if (i.kind === 'break') {
      pendingBreak = true;
      continue;
    }
    const texts = i.kind === 'link' ? i.children.map((c) => ({ ...c, href: i.href ?? undefined })) : [i];
    for (const t of texts) {
      const { kind: _kind, ...rest } = t as typeof t & { kind?: string };
      const run: DocRun = { ...rest };
      if (run.href === undefined) delete run.href;
      if (pendingBreak) run.breakBefore = true;
      pendingBreak = false;
      runs.push(run);
    }
  }
  if (pendingBreak) runs.push({ text: '', breakBefore: true });
  return runs;
}

function listParagraphs(list: RichList, depth: number): DocParagraph[] {
  return list.items.flatMap((item, i) => {
    const prefix = list.checklist ? (item.checked ? '☑' : '☐') : list.ordered ? `${list.start + i}.` : undefined;
    const p: DocParagraph = { style: list.ordered || list.checklist ? 'numbered' : 'bullet', level: depth, runs: runsOf(item.children) };
    if (prefix) p.prefix = prefix;
    return [p, ...item.nested.flatMap((n) => listParagraphs(n, depth + 1))];
  });
}

export function richToParagraphs(blocks: RichBlock[]): DocParagraph[] {
  return blocks.flatMap((b): DocParagraph[] => {
    switch (b.kind) {
      case 'paragraph':
        return [{ style: 'normal', level: 0, runs: runsOf(b.children) }];
      case 'heading':
        return [{ style: 'heading', level: b.level, runs: runsOf(b.children) }];
      case 'quote':
        return [{ style: 'quote', level: 0, runs: runsOf(b.children) }];
      case 'code':
        return [{ style: 'code', level: 0, runs: [{ text: b.text, code: true }] }];
      case 'list':
        return listParagraphs(b, 0);
    }
  });
}
