import ExcelJS from 'exceljs';
import type { Table } from '../report/tables';

function displayWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
}

function lineWidths(v: unknown): number[] {
  return String(v ?? '')
    .split('\n')
    .map(displayWidth);
}

/** XLSX: one sheet per table, a bold frozen header row with an autofilter, wrapped long text. */
export async function tablesToXlsx(tables: Table[], meta: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PolicyLens';
  wb.title = meta.title;
  wb.created = new Date();
  const used = new Set<string>();
  for (const t of tables) {
    // Sheet names: ≤31 characters, none of []:*?/\ (Excel refuses them), unique.
    let name = t.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${t.name.slice(0, 28)} ${n}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(t.header);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
    for (const r of t.rows) ws.addRow(r.map((v) => (v == null ? '' : v)));
    if (t.header.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.header.length } };
    // Width from the longest line of a cell (Chinese characters count double), capped: long
    // clause texts wrap in a wide column instead of running off the sheet.
    const widths = t.header.map((h, i) =>
      Math.min(60, Math.max(8, Math.max(displayWidth(h) + 4, ...t.rows.slice(0, 200).map((r) => lineWidths(r[i]).reduce((a, b) => Math.max(a, b), 0))) + 2)),
    );
    ws.columns.forEach((col, i) => (col.width = widths[i]));
    // Row heights as the wrapped text needs: readers (LibreOffice among them) keep the default
    // one-line height of a row that does not state one, which hides all but a clause's first line.
    ws.eachRow((row, n) => {
      if (n === 1 || t.wrap === false) return;
      const lines = Math.max(1, ...t.rows[n - 2].map((v, i) => lineWidths(v).reduce((sum, w) => sum + Math.max(1, Math.ceil(w / (widths[i] * 1.1))), 0)));
      row.height = Math.min(409, 15 * lines + 2);
    });
    // Per cell: a column style does not reach cells written before it was set.
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (cell, col) => (cell.alignment = { wrapText: t.wrap !== false, vertical: 'top', horizontal: t.align?.[col - 1] })),
    );
    // Printed (or turned into PDF) on landscape pages as wide as the table, the header on each page.
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', paperSize: 9 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvField(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v);
  // Formula injection: a cell starting with = + - @ would run as a formula in Excel.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV in UTF-8 with a byte-order mark, which is what makes Excel read Chinese correctly. */
export function tableToCsv(t: Table): Buffer {
  const lines = [t.header, ...t.rows].map((r) => r.map(csvField).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}
