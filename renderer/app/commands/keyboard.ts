import { useEffect, useRef } from 'react';
import { parseRoute } from '../router';
import { type Command, bindCommand, commands, handlerOf } from './registry';

/**
 * True when the element takes typed text: input, textarea, select, or anything contenteditable
 * (the Lexical note editor is a contenteditable div, and its children are editable too).
 */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  return !!el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parseKey(spec: string): Chord {
  const parts = spec.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** Does the key event press exactly this chord? Digits also match by code (Alt+1 on macOS types ¡). */
export function matches(e: KeyboardEvent, spec: string): boolean {
  const c = parseKey(spec);
  if (c.mod !== (e.ctrlKey || e.metaKey) || c.alt !== e.altKey) return false;
  // Shift counts for letters and named keys; punctuation typed with Shift is its own key.
  const single = c.key.length === 1;
  if (c.shift !== e.shiftKey && !(single && !/[a-z0-9]/i.test(c.key))) return false;
  if (single) return e.key.toLowerCase() === c.key.toLowerCase() || (/^\d$/.test(c.key) && e.code === `Digit${c.key}`);
  return e.key === c.key;
}

/** Whether the command may run for this key event, where focus is and on this route. */
function applies(command: Command, e: KeyboardEvent, section: string): boolean {
  if (command.when?.section && command.when.section !== section) return false;
  const chorded = command.keys?.some((k) => matches(e, k) && /(^|\+)(Mod|Alt)\+/.test(k)) ?? false;
  if (isEditable(e.target) && !(command.when?.inEditable && chorded)) return false;
  // A single key pressed inside a dialog (quick open, export) belongs to the dialog.
  if (!chorded && (e.target as HTMLElement | null)?.closest?.('[role=dialog], .dialog-backdrop')) return false;
  return true;
}

/**
 * Whether a key event belongs to an input method composing text (pinyin → 汉字): Enter then picks
 * a candidate and Escape cancels it, so no dialog, list or shortcut may act on them. Chrome marks
 * some such events only by keyCode 229.
 */
export function isComposingKey(e: { isComposing?: boolean; keyCode?: number; nativeEvent?: { isComposing?: boolean; keyCode?: number } }): boolean {
  const n = e.nativeEvent ?? e;
  return !!n.isComposing || n.keyCode === 229;
}

/** The one keydown handler of the app: finds the command for the key, if it applies here, and runs it. */
export function handleKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || isComposingKey(e)) return;
  const section = parseRoute(window.location.hash).section;
  for (const c of commands) {
    if (!c.keys?.some((k) => matches(e, k))) continue;
    if (!applies(c, e, section)) continue;
    const run = handlerOf(c);
    if (!run) continue;
    e.preventDefault();
    run();
    return;
  }
}

/** Installs the handler for the app's lifetime (App calls it once). */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, []);
}

/** Binds a command to the calling view while it is mounted; `run` may change every render. */
export function useCommand(id: string, run: (args?: unknown) => void): void {
  const ref = useRef(run);
  ref.current = run;
  useEffect(() => bindCommand(id, (args) => ref.current(args)), [id]);
}
