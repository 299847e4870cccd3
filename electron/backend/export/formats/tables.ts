import ExcelJS from 'exceljs';
import type { Table } from '../report/tables';

/** XLSX: one sheet per table, a bold frozen header row, wrapped long text. */
export async function tablesToXlsx(tables: Table[], meta: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PolicyLens';
  wb.title = meta.title;
  wb.created = new Date();
  for (const t of tables) {
    // Sheet names: ≤31 characters, none of []:*?/\ (Excel refuses them).
    const ws = wb.addWorksheet(t.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => (v == null ? '' : v)));
    ws.columns.forEach((col, i) => {
      const longest = Math.max(t.header[i]?.length ?? 4, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      col.width = Math.min(60, Math.max(8, longest * 1.6));
      col.alignment = { wrapText: true, vertical: 'top' };
    });
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
