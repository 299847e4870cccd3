import { numberText } from '../../../../shared/domain/attributes/values';
import type { BackendContext } from '../../context';

/** What writing a .qdpx needs: the contract as the importing person, and the event bus (desktop and team server alike). */
export type QdpxTarget = Pick<BackendContext, 'api' | 'events'>;
import type { ExportAttribute, ExportDocument, ExportModel } from '../model';
import { el, type XmlNode } from './xml';

/**
 * The researcher's own document attributes as REFI-QDA variables (NVivo classifications, MAXQDA
 * document variables) and back. REFI-QDA has no choice type: a choice attribute is a Text
 * variable whose Description lists its options under CHOICE_HEADER, which the import reads back.
 */

export const CHOICE_HEADER = 'PolicyLens choice list (one option per line):';

/** PolicyLens's own metadata variables (export.ts VARIABLES): read from the text, never imported as attributes. */
export const METADATA_VARIABLE_NAMES = new Set(['City', 'Province', 'Issuer', 'Document number 文号', 'Date written', 'Date published', 'Period', 'Validity']);

const TYPE_OF_VARIABLE = { text: 'Text', choice: 'Text', number: 'Float', date: 'Date', boolean: 'Boolean' } as const;
const VALUE_ELEMENT = { text: 'TextValue', choice: 'TextValue', number: 'FloatValue', date: 'DateValue', boolean: 'BooleanValue' } as const;

export function attributeVariables(model: ExportModel, guid: (key: string) => string): { variables: XmlNode[]; valuesOf: (d: ExportDocument) => XmlNode[] } {
  const attributes: ExportAttribute[] = model.attributes ?? [];
  const variables = attributes.map((a) =>
    el(
      'Variable',
      { guid: guid(`attr:${a.id}`), name: a.name, typeOfVariable: TYPE_OF_VARIABLE[a.type] },
      a.type === 'choice' ? el('Description', {}, [CHOICE_HEADER, ...a.options].join('\n')) : null,
    ),
  );
  const valuesOf = (d: ExportDocument) =>
    attributes.flatMap((a) => {
      const v = d.attributes?.[String(a.id)];
      if (v === undefined) return [];
      const text = typeof v === 'number' ? numberText(v) : String(v);
      return [el('VariableValue', {}, el('VariableRef', { targetGUID: guid(`attr:${a.id}`) }), el(VALUE_ELEMENT[a.type], {}, text))];
    });
  return { variables, valuesOf };
}

export interface QdpxVariable {
  guid: string;
  name: string;
  typeOfVariable: string;
  description: string | null;
}

export interface QdpxVariableValue {
  variableGuid: string;
  /** As written in the file: TextValue, IntegerValue, FloatValue, DateValue, DateTimeValue or BooleanValue. */
  value: string;
}

/** The attribute a REFI-QDA variable becomes, or null for PolicyLens's own metadata variables. */
export function attributeOfVariable(v: QdpxVariable): { name: string; type: ExportAttribute['type']; options: string[] } | null {
  if (METADATA_VARIABLE_NAMES.has(v.name)) return null;
  switch (v.typeOfVariable) {
    case 'Boolean':
      return { name: v.name, type: 'boolean', options: [] };
    case 'Integer':
    case 'Float':
      return { name: v.name, type: 'number', options: [] };
    case 'Date':
    case 'DateTime':
      return { name: v.name, type: 'date', options: [] };
    default: {
      const lines = (v.description ?? '').split('\n');
      if (lines[0].trim() === CHOICE_HEADER)
        return {
          name: v.name,
          type: 'choice',
          options: lines
            .slice(1)
            .map((l) => l.trim())
            .filter(Boolean),
        };
      return { name: v.name, type: 'text', options: [] };
    }
  }
}

/**
 * Creates (or reuses, by name and type) the attributes of a project's variables; returns
 * variable GUID → attribute id, and the ids it created (so a failed import can take them back).
 */
export async function ensureAttributes(
  ctx: QdpxTarget,
  variables: QdpxVariable[],
  warnings: string[],
): Promise<{ byGuid: Map<string, { id: number; type: string }>; created: number[] }> {
  const byGuid = new Map<string, { id: number; type: string }>();
  const created: number[] = [];
  const existing = await ctx.api.attributes.list({});
  for (const v of variables) {
    const want = attributeOfVariable(v);
    if (!want) continue;
    const same = existing.find((a) => a.name === want.name.trim());
    if (same && same.type === want.type) {
      const missing = want.options.filter((o) => !same.options.includes(o));
      if (missing.length) await ctx.api.attributes.update({ id: same.id, options: [...same.options, ...missing] });
      byGuid.set(v.guid, { id: same.id, type: same.type });
      continue;
    }
    const name = same ? `${want.name} (${want.type})` : want.name;
    if (same) warnings.push(`The variable “${want.name}” has another type than the attribute of that name here; it was imported as “${name}”.`);
    try {
      const a = await ctx.api.attributes.create({ name, type: want.type, options: want.options });
      created.push(a.id);
      existing.push(a);
      byGuid.set(v.guid, { id: a.id, type: a.type });
    } catch (e) {
      warnings.push(`The variable “${want.name}” could not become an attribute: ${(e as Error).message}`);
    }
  }
  return { byGuid, created };
}

/** Sets one imported document's variable values; a value its attribute cannot hold is reported, not imported. */
export async function applyVariableValues(
  ctx: QdpxTarget,
  docId: number,
  values: QdpxVariableValue[],
  byGuid: Map<string, { id: number; type: string }>,
  source: string,
  warnings: string[],
): Promise<number> {
  const planned = new Map<number, string>();
  for (const v of values) {
    const a = byGuid.get(v.variableGuid);
    // DateTimeValue → its date; everything else is read by the attribute's own rules.
    if (a) planned.set(a.id, a.type === 'date' ? v.value.slice(0, 10) : v.value);
  }
  if (!planned.size) return 0;
  const set = (entries: Array<[number, string]>) =>
    ctx.api.attributes.set({ docIds: [docId], values: entries.map(([attributeId, value]) => ({ attributeId, value })) });
  try {
    await set([...planned]); // one undo step per document
    return planned.size;
  } catch {
    // One value its attribute cannot hold: import the others one by one and report that one.
    let n = 0;
    for (const entry of planned) {
      try {
        await set([entry]);
        n++;
      } catch (e) {
        warnings.push(`A variable value of “${source}” was not imported: ${(e as Error).message}`);
      }
    }
    return n;
  }
}
