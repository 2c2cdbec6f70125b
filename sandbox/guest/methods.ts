// Replacing a built-in method by a wrapper: same name, same length, same property attributes, and no
// constructor (a method, as the natives wrapped this way are not constructors either).
type AnyFn = (...args: unknown[]) => unknown;

// Captured before lockdown, as everywhere in the guest: a policy cannot reach these bindings.
const getDesc = Object.getOwnPropertyDescriptor;
const defineProperty = Object.defineProperty;

/** Replaces method `key` of `obj` (if it is one) by a wrapper that hands the original, the receiver and the arguments to `body`. */
export function replaceMethod(obj: object, key: PropertyKey, body: (orig: AnyFn, self: unknown, args: unknown[]) => unknown): void {
  const d = getDesc(obj, key);
  if (!d || typeof d.value !== 'function') return;
  const orig = d.value as AnyFn;
  const name = typeof key === 'symbol' ? `[${String(key.description)}]` : key;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      return body(orig, this, args);
    },
  }[name] as AnyFn;
  defineProperty(wrapped, 'length', { value: orig.length });
  defineProperty(obj, key, { ...d, value: wrapped });
}
