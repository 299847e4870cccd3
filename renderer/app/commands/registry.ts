import { navigate, parseRoute } from '../router';
import { setLocale } from '../../i18n';
import { plannedSections } from '../plannedSections';

/**
 * Every command of the app, once, as data: what it is called in both languages, which keys run
 * it, where it applies, and what it does. The global shortcut handler (./keyboard.ts), quick open
 * (Ctrl+K) and the desktop menu (renderer/main.tsx) all read this list; nothing else defines keys.
 *
 * A command either runs by itself (`run`) or is bound by the view that owns its state while that
 * view is shown (`bindCommand`/`useCommand`), e.g. "next row" by the compare view.
 */
export interface Command {
  id: string;
  title: { en: string; 'zh-CN': string };
  /** 'j', 'ArrowDown', 'Mod+k' (Ctrl, or ⌘ on macOS), 'Mod+Shift+z', 'Alt+1'. */
  keys?: string[];
  when?: {
    /** Only in this section (the first part of the route, e.g. 'compare'). */
    section?: string;
    /**
     * Also while focus is in an editable element (input, textarea, select, contenteditable such
     * as the note editor). Only chorded keys (Ctrl/⌘/Alt) may say so: a single key typed in a
     * field is always text, never a command.
     */
    inEditable?: boolean;
  };
  /** Offered in quick open. */
  palette?: boolean;
  /** Extra words quick open matches on. */
  keywords?: string;
  run?: (args?: unknown) => void;
}

const sectionZh: Record<string, string> = { library: '文库', search: '检索', compare: '比较', themes: '主题', notes: '批注' };

/** Alt+1…5: the sidebar's sections, in its order. */
const sectionCommands: Command[] = plannedSections.map((id, i) => ({
  id: `app.section.${id}`,
  title: { en: `Go to ${id[0].toUpperCase()}${id.slice(1)}`, 'zh-CN': `转到${sectionZh[id] ?? id}` },
  keys: [`Alt+${i + 1}`],
  when: { inEditable: true },
  keywords: id,
  run: () => navigate(id),
}));

export const commands: Command[] = [
  { id: 'app.quickOpen', title: { en: 'Quick open', 'zh-CN': '快速打开' }, keys: ['Mod+k'], when: { inEditable: true } },
  {
    id: 'app.export',
    title: { en: 'Export…', 'zh-CN': '导出…' },
    keys: ['Mod+e'],
    when: { inEditable: true },
    palette: true,
    keywords: 'export 导出 docx xlsx pdf',
  },
  {
    id: 'app.import',
    title: { en: 'Import files…', 'zh-CN': '导入文件…' },
    palette: true,
    keywords: 'import 导入',
    run: () => navigate('library', [], { import: 1 }),
  },
  {
    id: 'app.newComparison',
    title: { en: 'New comparison', 'zh-CN': '新建比较' },
    palette: true,
    keywords: 'compare comparison 比较 对比 new',
    run: () => navigate('compare', ['new']),
  },
  {
    id: 'app.openTeam',
    title: { en: 'Open a team project…', 'zh-CN': '打开团队项目…' },
    palette: true,
    keywords: 'team server open 团队 服务器 协作 打开',
  },
  { id: 'app.search', title: { en: 'Open Search', 'zh-CN': '打开检索' }, palette: true, keywords: 'search 检索 搜索', run: () => navigate('search') },
  {
    id: 'app.trash',
    title: { en: 'Open the Trash (deleted documents)', 'zh-CN': '打开回收站（已删除的文件）' },
    palette: true,
    keywords: 'trash bin deleted restore 回收站 删除 恢复',
    run: () => navigate('library', [], { trash: 1 }),
  },
  {
    id: 'app.language.en',
    title: { en: 'Switch language to English', 'zh-CN': '切换语言为English' },
    palette: true,
    keywords: 'language locale 语言 English',
    run: () => setLocale('en'),
  },
  {
    id: 'app.language.zh',
    title: { en: 'Switch language to 简体中文', 'zh-CN': '切换语言为简体中文' },
    palette: true,
    keywords: 'language locale 语言 中文 Chinese',
    run: () => setLocale('zh-CN'),
  },
  ...sectionCommands,
  {
    id: 'app.agreement',
    title: { en: 'Open Agreement (coders, kappa, reconcile)', 'zh-CN': '打开编码一致性（编码者、kappa、裁决）' },
    palette: true,
    keywords: 'agreement kappa alpha krippendorff cohen coders reconcile intercoder 一致性 编码者 信度 裁决',
    run: () => navigate('agreement'),
  },
  { id: 'compare.nextRow', title: { en: 'Next row', 'zh-CN': '下一行' }, keys: ['j', 'ArrowDown'], when: { section: 'compare' } },
  { id: 'compare.previousRow', title: { en: 'Previous row', 'zh-CN': '上一行' }, keys: ['k', 'ArrowUp'], when: { section: 'compare' } },
  { id: 'compare.confirmRow', title: { en: 'Confirm the marked link of the row', 'zh-CN': '确认本行标出的对应' }, keys: ['c'], when: { section: 'compare' } },
  { id: 'compare.rejectRow', title: { en: 'Reject the marked link of the row', 'zh-CN': '拒绝本行标出的对应' }, keys: ['r'], when: { section: 'compare' } },
  { id: 'compare.cancelPick', title: { en: 'Cancel linking by hand', 'zh-CN': '取消手动对应' }, keys: ['Escape'], when: { section: 'compare' } },
  { id: 'themes.undo', title: { en: 'Undo coding', 'zh-CN': '撤销编码' }, keys: ['Mod+z'] },
  { id: 'themes.redo', title: { en: 'Redo coding', 'zh-CN': '重做编码' }, keys: ['Mod+Shift+z', 'Mod+y'] },
];

const bound = new Map<string, Array<(args?: unknown) => void>>();

/** A view supplies what a command does while it is shown; the latest binding wins. Returns the unbinding. */
export function bindCommand(id: string, run: (args?: unknown) => void): () => void {
  if (!commands.some((c) => c.id === id)) throw new Error(`Unknown command ${id}`);
  const list = bound.get(id) ?? [];
  list.push(run);
  bound.set(id, list);
  return () => {
    const l = bound.get(id) ?? [];
    const i = l.lastIndexOf(run);
    if (i >= 0) l.splice(i, 1);
  };
}

/** What a command would run now (its view's binding, else its own), or null when it does not apply. */
export function handlerOf(command: Command): ((args?: unknown) => void) | null {
  const b = bound.get(command.id);
  if (b?.length) return b[b.length - 1];
  return command.run ?? null;
}

export function commandById(id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}

/** Runs a command by id (a button, the desktop menu, quick open). False when nothing handles it here. */
export function runCommand(id: string, args?: unknown): boolean {
  const c = commandById(id);
  if (!c) return false;
  if (c.when?.section && parseRoute(window.location.hash).section !== c.when.section) return false;
  const run = handlerOf(c);
  if (!run) return false;
  run(args);
  return true;
}
