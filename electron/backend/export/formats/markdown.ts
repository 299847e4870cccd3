import { escapeMarkdown, richToMarkdown } from '../../../../shared/domain/lexical-render';
import type { Report, ReportClause, ReportRow } from '../report/build';
import type { Segment } from '../report/segments';

/** The report in Markdown: differences in **bold**, numbers in `code`, annotations as quotes. */

function segmentsMd(segments: Segment[]): string {
  // Consecutive differing segments share one pair of ** so numbers inside stay readable.
  const out: string[] = [];
  for (let i = 0; i < segments.length;) {
    let j = i;
    while (j < segments.length && segments[j].diff === segments[i].diff) j++;
    const inner = segments
      .slice(i, j)
      .map((s) => (s.number ? '`' + s.text.replace(/`/g, 'ˋ') + '`' : escapeMarkdown(s.text)))
      .join('');
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    out.push(segments[i].diff && m[2] ? `${m[1]}**${m[2]}**${m[3]}` : inner);
    i = j;
  }
  return out.join('');
}

function clauseMd(c: ReportClause): string {
  const head = [c.path, c.heading].filter(Boolean).join(' ');
  const text = segmentsMd(c.segments).replace(/\n/g, '  \n');
  return head ? `*${escapeMarkdown(head)}* — ${text}` : text;
}

function rowMd(r: Report, row: ReportRow): string {
  const out = [`### ${escapeMarkdown(row.title)}`, ''];
  r.columns.forEach((col, i) => {
    const cell = row.cells[i];
    if (!cell.length) return;
    out.push(`**${escapeMarkdown(col.heading)}**`, '', ...cell.map((c) => clauseMd(c) + '\n'));
  });
  if (row.themes.length) out.push(`${escapeMarkdown(r.labels.themes)}: ${row.themes.map(escapeMarkdown).join(', ')}`, '');
  for (const link of row.links) out.push(`- ${escapeMarkdown(link)}`);
  if (row.links.length) out.push('');
  for (const n of row.annotations)
    out.push(
      richToMarkdown(n)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
      '',
    );
  return out.join('\n');
}

export function reportToMarkdown(r: Report): string {
  const l = r.labels;
  const out = [`# ${escapeMarkdown(r.title)}`, '', `*${escapeMarkdown(r.generatedLine)}*`, '', `## ${escapeMarkdown(l.documents)}`, ''];
  for (const d of r.documents) {
    out.push(`### ${escapeMarkdown(d.heading)}`, '', `| | |`, `|---|---|`);
    for (const [k, v] of d.fields) out.push(`| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`);
    out.push('');
    for (const n of d.notes)
      out.push(
        richToMarkdown(n)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
        '',
      );
  }
  if (r.notes.length) {
    out.push(`## ${escapeMarkdown(l.notes)}`, '');
    for (const n of r.notes) out.push(richToMarkdown(n), '');
  }
  out.push(`## ${escapeMarkdown(l.rows)}`, '', `*${escapeMarkdown(l.legendDiff)}: **…** · ${escapeMarkdown(l.legendNumber)}: \`…\`*`, '');
  for (const row of r.rows) out.push(rowMd(r, row));
  if (r.unaligned.length) {
    out.push(`## ${escapeMarkdown(l.unaligned)}`, '');
    for (const row of r.unaligned) out.push(rowMd(r, row));
  }
  if (r.rejected.length) {
    out.push(`## ${escapeMarkdown(l.rejected)}`, '', ...r.rejected.map((x) => `- ${escapeMarkdown(x)}`), '');
  }
  return out.join('\n') + '\n';
}
