// A few small validators for JSON read from a replay: each checks type and bounds and throws an
// Invalid naming the field ("teams[0].file") and the problem, never quoting the value (it may be a
// megabyte, or control characters). The engine takes no schema library: this is all it needs.

export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || '(top level)'}: ${problem}`);
  }
}

/**
 * What a check accepts, in words, with an object's fields and a list's items: docs/REPLAY.md is
 * generated from it, so a bound changed here changes the published format.
 */
export interface CheckDoc {
  /** E.g. "whole number from 0 to 4294967295", "list of at most 100". */
  text: string;
  /** An object's fields, in order; `optional` ones may be absent. */
  fields?: ReadonlyArray<{ name: string; check: Check; optional: boolean }>;
  /** Every item of a list. */
  items?: Check;
}

/** Checks `v` (found at `path`) and returns it unchanged, or throws Invalid. `doc` says what it accepts. */
export type Check = ((v: unknown, path: string) => void) & { doc?: CheckDoc };

/** `c` with its description attached. */
export function documented(c: (v: unknown, path: string) => void, doc: CheckDoc): Check {
  return Object.assign(c, { doc });
}

/** The words for what `c` accepts ("anything" when undescribed). */
export function docText(c: Check): string {
  return c.doc?.text ?? 'anything';
}

const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export function int(min: number, max: number): Check {
  return documented((v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Invalid(path, `must be a whole number from ${min} to ${max}`);
  }, { text: `whole number from ${min} to ${max}` });
}

export const num: Check = documented((v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid(path, 'must be a number');
}, { text: 'number' });

export const bool: Check = documented((v, path) => {
  if (typeof v !== 'boolean') throw new Invalid(path, 'must be true or false');
}, { text: 'true or false' });

/** A string of `min` to `max` characters; `test`, when given, must accept it (`what` says what it must be). */
export function str(max: number, min = 0, test?: { ok: (s: string) => boolean; what: string }): Check {
  const size = min === max ? `${max}` : min > 0 ? `${min} to ${max}` : `at most ${max}`;
  return documented((v, path) => {
    if (typeof v !== 'string') throw new Invalid(path, 'must be a string');
    if (v.length < min || v.length > max) throw new Invalid(path, min > 0 ? `must be ${min} to ${max} characters long` : `must be at most ${max} characters long`);
    if (test && !test.ok(v)) throw new Invalid(path, `must be ${test.what}`);
  }, { text: `string of ${size} characters${test ? `: ${test.what}` : ''}` });
}

export function oneOf(values: readonly (string | number)[]): Check {
  return documented((v, path) => {
    if (!values.includes(v as string | number)) throw new Invalid(path, `must be one of ${values.join(', ')}`);
  }, { text: values.length === 1 ? `${JSON.stringify(values[0])}` : `one of ${values.map((x) => JSON.stringify(x)).join(', ')}` });
}

export function nullable(c: Check): Check {
  return documented((v, path) => {
    if (v !== null) c(v, path);
  }, { ...c.doc, text: `${docText(c)}, or null` });
}

export function arr(c: Check, max: number): Check {
  return documented((v, path) => {
    if (!Array.isArray(v)) throw new Invalid(path, 'must be a list');
    if (v.length > max) throw new Invalid(path, `must hold at most ${max} items`);
    for (let i = 0; i < v.length; i++) c(v[i], at(path, i));
  }, { text: `list of at most ${max}`, items: c });
}

export function tuple(...cs: Check[]): Check {
  const same = cs.every((c) => c === cs[0]);
  return documented((v, path) => {
    if (!Array.isArray(v) || v.length !== cs.length) throw new Invalid(path, `must be a list of ${cs.length}`);
    cs.forEach((c, i) => c(v[i], at(path, i)));
  }, same && cs[0] ? { text: `list of ${cs.length}`, items: cs[0] } : { text: `list of ${cs.length}`, fields: cs.map((c, i) => ({ name: `[${i}]`, check: c, optional: false })) });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly these fields (those in `optional` may be absent); no other field is allowed. */
export function obj(shape: Record<string, Check>, optional: readonly string[] = []): Check {
  const keys = Object.keys(shape);
  const fields = keys.map((k) => ({ name: k, check: shape[k]!, optional: optional.includes(k) }));
  return documented((v, path) => {
    if (!isPlainObject(v)) throw new Invalid(path, 'must be an object');
    for (const k of Object.keys(v)) if (!Object.hasOwn(shape, k)) throw new Invalid(path, `has an unknown field '${k.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}'`);
    for (const k of keys) {
      if (!Object.hasOwn(v, k) || v[k] === undefined) {
        if (optional.includes(k)) continue;
        throw new Invalid(at(path, k), 'is missing');
      }
      shape[k]!(v[k], at(path, k));
    }
  }, { text: 'object', fields });
}

/** An object of at most `maxKeys` fields with names of at most 64 characters, each value passing `c`. */
export function record(c: Check, maxKeys: number): Check {
  return documented((v, path) => {
    if (!isPlainObject(v)) throw new Invalid(path, 'must be an object');
    const keys = Object.keys(v);
    if (keys.length > maxKeys) throw new Invalid(path, `has more than ${maxKeys} fields`);
    for (const k of keys) {
      if (k.length > 64) throw new Invalid(path, 'has a field name longer than 64 characters');
      c(v[k], at(path, k));
    }
  }, { text: `object of at most ${maxKeys} fields (names of at most 64 characters), each a ${docText(c)}` });
}

/** One of several object shapes, chosen by its `kind` field. */
export function byKind(shapes: Record<string, Check>): Check {
  const kinds = Object.entries(shapes).map(([k, c]) => `${k} {${(c.doc?.fields ?? []).map((f) => f.name).join(', ')}}`);
  return documented((v, path) => {
    const kind = isPlainObject(v) ? v.kind : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind)) throw new Invalid(at(path, 'kind'), `must be one of ${Object.keys(shapes).join(', ')}`);
    shapes[kind]!(v, path);
  }, { text: `object by its kind: ${kinds.join('; ')}` });
}

/** Runs a check; returns the first problem as "field: problem", or null. */
export function problemOf(c: Check, v: unknown): string | null {
  try {
    c(v, '');
    return null;
  } catch (e) {
    if (e instanceof Invalid) return e.message;
    throw e;
  }
}
