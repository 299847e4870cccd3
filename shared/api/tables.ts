// Lists sent as tables over the loopback host. A list of records as JSON repeats every field name
// in every record: the Library's 5,000 documents are 3.3 MB of JSON of which 1.3 MB are names,
// which the host writes, Chromium moves through its network process in 64 KB pieces and the page
// parses before its first row. As a table (names once, then one array of values per record) the
// same list is 40% smaller, and rebuilding the records in the page costs a few milliseconds.
//
// Only the HTTP host and transport use this, and only when the page asks (TABLES_HEADER): other
// clients (the CLI's host checks, curl, scripts) get plain JSON. In-process and IPC calls never
// serialise to JSON text and do not need it.

/** The request header by which a client says it reads tables. */
export const TABLES_HEADER = 'x-policylens-tables';

/** The key that marks a packed list. No method of the contract has a field of this name. */
const MARK = '$policylens.table';

/** Lists shorter than this stay as they are: names repeated a few times cost less than the check. */
const MIN_ROWS = 16;

type Row = Record<string, unknown>;
interface Table {
  [MARK]: string[];
  rows: unknown[][];
}

const isRecord = (x: unknown): x is Row => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The records' common field names in order, or null when the list is not one of records with the same fields. */
function commonKeys(list: unknown[]): string[] | null {
  const first = list[0];
  if (!isRecord(first)) return null;
  const keys = Object.keys(first);
  for (const r of list) {
    if (!isRecord(r)) return null;
    let i = 0;
    // undefined would come back as null from a table's array: such lists stay as they are.
    for (const k in r) if (k !== keys[i++] || r[k] === undefined) return null;
    if (i !== keys.length) return null;
  }
  return keys;
}

/**
 * The value with every long list of same-shaped records, at any depth outside such lists, packed
 * as a table (values inside packed records are left as they are: their lists are short); null
 * when there was nothing to pack, so the value goes as it is and the reader has nothing to undo.
 */
export function packTables(value: unknown): unknown {
  let packed = false;
  const pack = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const keys = v.length >= MIN_ROWS ? commonKeys(v) : null;
      if (!keys) return v.map(pack);
      packed = true;
      return { [MARK]: keys, rows: v.map((r: Row) => keys.map((k) => r[k])) } satisfies Table;
    }
    if (isRecord(v)) {
      const out: Row = {};
      for (const k in v) out[k] = pack(v[k]);
      return out;
    }
    return v;
  };
  const out = pack(value);
  return packed ? out : null;
}

/** The inverse of packTables: the value as the method returned it. */
export function unpackTables(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackTables);
  if (!isRecord(value)) return value;
  const keys = value[MARK];
  if (Array.isArray(keys) && Array.isArray(value.rows)) {
    return (value.rows as unknown[][]).map((values) => {
      const r: Row = {};
      for (let i = 0; i < keys.length; i++) r[keys[i] as string] = values[i];
      return r;
    });
  }
  const out: Row = {};
  for (const k in value) out[k] = unpackTables(value[k]);
  return out;
}
