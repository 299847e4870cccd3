import { escapeHtml, richToHtml } from '../../../../shared/domain/lexical-render';
import type { Report, ReportClause, ReportRow } from '../report/build';
import type { Segment } from '../report/segments';

/**
 * The report as ONE self-contained HTML file: inline CSS, no script, no external resource, and a
 * Content-Security-Policy that forbids both, so the file is safe to open and to print to PDF.
 * Every text is escaped; annotations come through lexical-render, which escapes too.
 */

// Latin first, then fonts with CJK glyphs. TrueType-outlined CJK fonts come before CFF ones
// (Noto/Source Han): Chromium embeds TrueType as a proper subset font when printing, but CFF
// collections only as anonymous Type 3 glyph procedures.
const FONT_STACK = `"Liberation Sans", Arial, "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif`;

const CSS = `
body { font-family: ${FONT_STACK}; color: #1f2328; margin: 2em; line-height: 1.6; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 14pt; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1.2em 0 .3em; break-after: avoid; }
.meta { color: #57606a; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #d0d7de; padding: .4em .5em; vertical-align: top; text-align: left; word-wrap: break-word; }
th { background: #f6f8fa; }
table.fields th { width: 30%; }
/* A row moves whole to the next page (side-by-side cells split across pages are hard to read);
   only the title page's forced break went, which left pages with a few lines. */
.row { page-break-inside: avoid; margin-bottom: 1.2em; }
h2, thead, .clause-path { break-after: avoid; }
.clause-path { color: #57606a; font-size: 9pt; display: block; }
mark.diff { background: #fff3b0; }
.num { font-weight: bold; color: #0b5cad; }
.tags span { display: inline-block; background: #eef1f4; border-radius: 3px; padding: 0 .4em; margin-right: .3em; font-size: 9pt; }
.links { color: #57606a; font-size: 9pt; }
.note { border-left: 3px solid #8c959f; padding-left: .6em; margin: .4em 0; }
.legend { font-size: 9pt; color: #57606a; }
@media print { body { margin: 0; } }
`;

function segmentHtml(s: Segment): string {
  let h = escapeHtml(s.text).replace(/\n/g, '<br>');
  if (s.number) h = `<span class="num">${h}</span>`;
  if (s.diff) h = `<mark class="diff">${h}</mark>`;
  return h;
}

function clauseHtml(c: ReportClause): string {
  const head = [c.path, c.heading].filter(Boolean).join(' ');
  return `<div class="clause">${head ? `<span class="clause-path">${escapeHtml(head)}</span>` : ''}${c.segments.map(segmentHtml).join('')}</div>`;
}

function rowHtml(r: Report, row: ReportRow): string {
  const cols = r.columns
    .map((c, i) => ({ c, cell: row.cells[i] }))
    .filter((x) => x.cell.length || row.cells.filter((y) => y.length).length > 1 || r.columns.length <= 4);
  const head = cols.map((x) => `<th>${escapeHtml(x.c.heading)}</th>`).join('');
  const body = cols.map((x) => `<td>${x.cell.length ? x.cell.map(clauseHtml).join('') : escapeHtml(r.labels.noClause)}</td>`).join('');
  const tags = row.themes.length
    ? `<p class="tags">${escapeHtml(r.labels.themes)}: ${row.themes.map((t) => `<span>${escapeHtml(t)}</span>`).join('')}</p>`
    : '';
  const links = row.links.length ? `<p class="links">${row.links.map(escapeHtml).join('<br>')}</p>` : '';
  const notes = row.annotations.map((n) => `<div class="note">${richToHtml(n)}</div>`).join('');
  return `<section class="row"><h3>${escapeHtml(row.title)}</h3><table><thead><tr>${head}</tr></thead><tbody><tr>${body}</tr></tbody></table>${tags}${links}${notes}</section>`;
}

export function reportToHtml(r: Report, lang: string): string {
  const l = r.labels;
  const docs = r.documents
    .map(
      (d) =>
        `<h3>${escapeHtml(d.heading)}</h3><table class="fields">${d.fields.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>${d.notes.map((n) => `<div class="note">${richToHtml(n)}</div>`).join('')}`,
    )
    .join('\n');
  const notes = r.notes.length ? `<h2>${escapeHtml(l.notes)}</h2>${r.notes.map((n) => `<div class="note">${richToHtml(n)}</div>`).join('')}` : '';
  const unaligned = r.unaligned.length ? `<h2>${escapeHtml(l.unaligned)}</h2>${r.unaligned.map((row) => rowHtml(r, row)).join('\n')}` : '';
  const rejected = r.rejected.length ? `<h2>${escapeHtml(l.rejected)}</h2><ul>${r.rejected.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PolicyLens">
<title>${escapeHtml(r.title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="title-page">
<h1>${escapeHtml(r.title)}</h1>
<p class="meta">${escapeHtml(r.generatedLine)}</p>
<h2>${escapeHtml(l.documents)}</h2>
${docs}
${notes}
</div>
<h2>${escapeHtml(l.rows)}</h2>
<p class="legend"><mark class="diff">${escapeHtml(l.legendDiff)}</mark> · <span class="num">${escapeHtml(l.legendNumber)}</span></p>
${r.rows.map((row) => rowHtml(r, row)).join('\n')}
${unaligned}
${rejected}
</body>
</html>
`;
}
