import { lineOf, type SourceFile } from './source';

/** An array literal of string literals, or a union of string literal types (3+ members). */
const literalArray = /\[\s*(?:'[^'\n]*'|"[^"\n]*")(?:\s*,\s*(?:'[^'\n]*'|"[^"\n]*"))+\s*,?\s*\]/gu;
const literalUnion = /(?:'[^'\n]*'|"[^"\n]*")(?:\s*\|\s*(?:'[^'\n]*'|"[^"\n]*"))+/gu;

/** Places where a literal array or union repeats 3+ members of one of the lists. */
export function vocabularyCopies(files: SourceFile[], lists: Record<string, readonly string[]>, min = 3): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const re of [literalArray, literalUnion]) {
      for (const m of f.text.matchAll(re)) {
        const members = new Set([...m[0].matchAll(/'([^'\n]*)'|"([^"\n]*)"/gu)].map((x) => x[1] ?? x[2]));
        for (const [name, list] of Object.entries(lists)) {
          const shared = list.filter((v) => members.has(v));
          if (shared.length >= Math.min(min, list.length)) out.push(`${f.path}:${lineOf(f.text, m.index)}: ${name} ${m[0].slice(0, 120)}`);
        }
      }
    }
  }
  return out;
}
