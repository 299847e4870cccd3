// A mention of a clause inside a note: an atomic piece of text ("@青岛市 四-(三)") that carries the
// clause's ids, like the mentions of Lexical's playground. Serialized as type 'clause-mention', which
// shared/domain/annotations reads to list a note's mentions.
import { $applyNodeReplacement, type EditorConfig, type NodeKey, type SerializedTextNode, type Spread, TextNode } from 'lexical';
import { CLAUSE_MENTION_TYPE } from '../../../shared/domain/annotations/index';

export type SerializedClauseMentionNode = Spread<{ docId: number; clauseId: number }, SerializedTextNode>;

export class ClauseMentionNode extends TextNode {
  __docId: number;
  __clauseId: number;

  static override getType(): string {
    return CLAUSE_MENTION_TYPE;
  }

  static override clone(node: ClauseMentionNode): ClauseMentionNode {
    return new ClauseMentionNode(node.__text, node.__docId, node.__clauseId, node.__key);
  }

  static override importJSON(json: SerializedClauseMentionNode): ClauseMentionNode {
    return $createClauseMentionNode(json.text, json.docId, json.clauseId).updateFromJSON(json);
  }

  constructor(text = '', docId = 0, clauseId = 0, key?: NodeKey) {
    super(text, key);
    this.__docId = docId;
    this.__clauseId = clauseId;
  }

  override exportJSON(): SerializedClauseMentionNode {
    return { ...super.exportJSON(), type: CLAUSE_MENTION_TYPE, docId: this.__docId, clauseId: this.__clauseId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const el = super.createDOM(config);
    el.className = 'clause-mention';
    el.dataset.docId = String(this.__docId);
    el.dataset.clauseId = String(this.__clauseId);
    el.setAttribute('data-testid', 'clause-mention');
    el.setAttribute('role', 'link');
    return el;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createClauseMentionNode(text: string, docId: number, clauseId: number): ClauseMentionNode {
  return $applyNodeReplacement(new ClauseMentionNode(text, docId, clauseId).setMode('token'));
}
