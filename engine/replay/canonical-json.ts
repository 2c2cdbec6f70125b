// Canonical JSON: object keys sorted, no whitespace, undefined members dropped. Header, footer
// and per-tick extras go through it so that writing a decoded replay again gives the same bytes.

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      // NaN and Infinity would silently become null and not survive a round trip.
      if (!Number.isFinite(v)) throw new Error(`replay: ${path} is not a finite number (${v})`);
      return JSON.stringify(v);
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => (x === undefined ? 'null' : write(x, `${path}[${i}]`))).join(',')}]`;
      const o = v as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of Object.keys(o).sort()) {
        if (o[k] === undefined) continue;
        parts.push(`${JSON.stringify(k)}:${write(o[k], `${path}.${k}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new Error(`replay: ${path} cannot be stored (${typeof v})`);
  }
}
