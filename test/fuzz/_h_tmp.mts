import { extractFile } from '../../electron/backend/importers/index';
const cases: Record<string, string> = {
  lt: '<p>正文' + '<'.repeat(200000),
  lta: '<p>正文' + '<a '.repeat(70000),
  comment: '<p>正文' + '<!--'.repeat(50000),
  nest: '<p>正文' + '<div>'.repeat(100000),
  amp: '<p>正文' + '&amp;'.repeat(400000),
  ampnoend: '<p>正文' + '&#'.repeat(200000),
  attr: '<p>正文<a href="' + 'x'.repeat(1000000),
  tables: '<table>' + '<tr><td>正文</td>'.repeat(50000),
  script: '<p>正文</p>' + '<script>'.repeat(50000),
};
for (const [k, v] of Object.entries(cases)) {
  const t = performance.now();
  try { await extractFile(`${k}.html`, new TextEncoder().encode(v), {}); } catch (e) { console.log(k, 'err', (e as Error).message.slice(0, 100)); }
  console.log(k, Math.round(performance.now() - t), 'ms', Math.round(process.memoryUsage().rss / 1048576), 'MB');
}
