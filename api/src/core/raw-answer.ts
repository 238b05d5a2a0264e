/**
 * The data of an answer whose root fields' JSON is PostgreSQL's text, kept as it came: the
 * response is written around the texts (see responseJson), never parsed and stringified again.
 * Whatever reads a field of the data (a plugin, a test calling executeOperation) gets it parsed,
 * once, on first read.
 */
const raws = new WeakMap<object, Map<string, string | null>>();

export function rawData(texts: Map<string, string | null>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, text] of texts) {
    Object.defineProperty(data, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value: unknown = text === null ? null : JSON.parse(text);
        // A reader may change what it read: from now on the data is plain.
        raws.delete(data);
        Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  raws.set(data, texts);
  return data;
}

/** The texts of data made by rawData that nobody has read since, or undefined. */
export function rawTexts(data: unknown): Map<string, string | null> | undefined {
  return typeof data === 'object' && data !== null ? raws.get(data) : undefined;
}

/** Whether every root field of `data` has a value (not null), reading raw data without parsing it. */
export function everyRootAnswered(data: Record<string, unknown> | null | undefined): boolean {
  if (!data) return false;
  const texts = rawTexts(data);
  return texts ? [...texts.values()].every((text) => text !== null) : Object.values(data).every((value) => value !== null);
}

/** `{"data":{…}}` (and the result's other members) around the raw texts. */
export function rawJson(result: Record<string, unknown>, texts: Map<string, string | null>): string {
  const members: string[] = [];
  for (const [name, value] of Object.entries(result)) {
    if (name !== 'data') {
      if (value !== undefined) members.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
      continue;
    }
    const fields: string[] = [];
    for (const [key, text] of texts) fields.push(`${JSON.stringify(key)}:${text ?? 'null'}`);
    members.push(`"data":{${fields.join(',')}}`);
  }
  return `{${members.join(',')}}`;
}
