import type { TFunction } from 'i18next';
import type { Theme } from '../../../shared/api/methods/themes';
import { themeName } from './ThemeSelect';

/**
 * The undo log names its steps in the backend's words ("Code 人才", "Merge A into B", with the
 * themes' Chinese names, as recorded then). Shown to the researcher, a step is said in the
 * interface language with each theme under its name in that language; a step of an unknown
 * shape is shown as recorded.
 */
const shapes: Array<{ re: RegExp; key: string; names: number[] }> = [
  { re: /^Create theme (.+)$/u, key: 'create', names: [1] },
  { re: /^Edit theme (.+)$/u, key: 'edit', names: [1] },
  { re: /^Move theme (.+)$/u, key: 'move', names: [1] },
  { re: /^Merge (.+) into (.+)$/u, key: 'merge', names: [1, 2] },
  { re: /^Delete theme (.+)$/u, key: 'delete', names: [1] },
  { re: /^Code (.+)$/u, key: 'code', names: [1] },
  { re: /^Remove coding$/u, key: 'uncode', names: [] },
  { re: /^Accept (\d+) suggestions ≥ ([\d.]+)$/u, key: 'acceptAbove', names: [] },
  { re: /^Set instrument class$/u, key: 'instrument', names: [] },
  { re: /^Reconcile (\d+) cases?$/u, key: 'reconcile', names: [] },
];

export function undoLabelText(label: string, t: TFunction, themes: Theme[], language: string): string {
  for (const s of shapes) {
    const m = s.re.exec(label);
    if (!m) continue;
    const named = (zh: string) => {
      const th = themes.find((x) => x.nameZh === zh);
      return th ? themeName(th, language) : zh;
    };
    return t(`themes:step.${s.key}`, { a: s.names[0] ? named(m[s.names[0]]) : m[1], b: s.names[1] ? named(m[s.names[1]]) : m[2] });
  }
  return label;
}
