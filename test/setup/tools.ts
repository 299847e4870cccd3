// What the test suite needs beyond npm packages, and how it gets it: Debian/Ubuntu packages are
// installed with apt-get when we are root; otherwise we say exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pgBinDir } from '../store/pg-cluster';

interface Tool {
  /** What the tests use it for. */
  why: string;
  /** Present when any of these commands/files exist. */
  present: () => boolean;
  /** The Debian/Ubuntu packages that provide it. */
  apt: string[];
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export const tools: Tool[] = [
  {
    why: 'end-to-end tests in Chromium, PDF export',
    present: () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some(existsSync) || !!process.env.POLICYLENS_CHROMIUM,
    apt: ['chromium'],
  },
  {
    why: 'Chinese glyphs in screenshots and PDF exports',
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    apt: ['fonts-noto-cjk'],
  },
  // Chromium embeds Noto CJK (OpenType/CFF) as nameless Type 3 fonts; a TrueType CJK font lets
  // the PDF check see a named, embedded CJK font.
  {
    why: 'a TrueType CJK font embedded by name in PDF exports',
    present: () => existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'),
    apt: ['fonts-wqy-zenhei'],
  },
  {
    why: 'checking DOCX and XLSX exports with a real reader',
    present: () => has('soffice') || has('libreoffice'),
    apt: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'],
  },
  { why: 'checking PDF exports (pdftotext, pdffonts)', present: () => has('pdftotext') && has('pdffonts'), apt: ['poppler-utils'] },
  { why: 'validating REFI-QDA exports against the schema (xmllint)', present: () => has('xmllint'), apt: ['libxml2-utils'] },
  { why: 'the search benchmark baseline (ripgrep)', present: () => has('rg'), apt: ['ripgrep'] },
  // Only the binaries are used: each test file starts a throwaway cluster of its own (test/store/pg-cluster.ts).
  { why: 'the team store on PostgreSQL (contract suite, search equality, migrations)', present: () => pgBinDir() !== null, apt: ['postgresql'] },
];

export function ensureTools(): string[] {
  const missing = tools.filter((t) => !t.present());
  if (!missing.length) return [];
  const packages = [...new Set(missing.flatMap((t) => t.apt))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Installing test tools with apt-get: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    return tools.filter((t) => !t.present()).map((t) => t.why);
  }
  console.log('Some tests need tools that are not installed here; they will be skipped with a message:');
  for (const t of missing) console.log(`  - ${t.why}: install ${t.apt.join(' ')} (Debian/Ubuntu: sudo apt-get install ${t.apt.join(' ')})`);
  console.log(
    '  On macOS/Windows: install Chromium or Chrome and set POLICYLENS_CHROMIUM to its path; LibreOffice, poppler and libxml2 from their sites or a package manager.',
  );
  return missing.map((t) => t.why);
}
