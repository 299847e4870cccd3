/** Plain text (a note from another tool) as a Lexical serialized state: one paragraph per line. */
export function lexicalFromText(text: string): string {
  const paragraph = (line: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: line ? [{ type: 'text', version: 1, text: line, format: 0, detail: 0, mode: 'normal', style: '' }] : [],
  });
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: lines.map(paragraph) } });
}
