// Lexical serialized JSON → rich-text tree → HTML / Markdown / plain text / document runs.
export type { RichBlock, RichInline, RichLink, RichList, RichListItem, RichMarks, RichText } from './tree';
export { lexicalToRich, safeHref } from './parse';
export { escapeHtml, richToHtml } from './html';
export { escapeMarkdown, richToMarkdown } from './markdown';
export { inlineText, richToPlain } from './plain';
export { type DocParagraph, type DocRun, richToParagraphs } from './runs';
