// Run by fast-intrinsics.test.ts in a child process started with --allow-natives-syntax (a V8 flag the test
// process does not have): sets up a guest runtime's realm as a match does (lockdown included), then prints,
// as JSON, the path of every intrinsic reachable from the global object still in dictionary mode.
import ivm from 'isolated-vm';
import { guestRuntimeCode } from '../../sandbox/bundle.js';
import { ensureV8Flags } from '../../sandbox/flags.js';
import { INFO } from './harness.js';

ensureV8Flags();
const iso = new ivm.Isolate({ memoryLimit: 64 });
try {
  const ctx = iso.createContextSync();
  const rt = iso.compileModuleSync(guestRuntimeCode(), { filename: 'matchday-runtime.js' });
  rt.instantiateSync(ctx, () => {
    throw new Error('the runtime imports nothing');
  });
  rt.evaluateSync();
  const cfg = { seed: 1, teamName: 'probe', maxCallDepth: 400, maxLogLines: 20, maxLogChars: 200, maxDebugMarks: 64, filename: 'probe.js' };
  (rt.namespace.getSync('configure', { reference: true }) as ivm.Reference<(...a: unknown[]) => void>).applySync(undefined, [cfg, INFO, 1e6], { arguments: { copy: true } });
  const slow = ctx.evalSync(`(() => {
    const seen = new Set([globalThis]), out = [];
    const todo = Reflect.ownKeys(globalThis).map((k) => [String(k), Reflect.getOwnPropertyDescriptor(globalThis, k).value]);
    todo.push(['String.prototype', String.prototype], ['Number.prototype', Number.prototype], ['Boolean.prototype', Boolean.prototype]);
    while (todo.length > 0) {
      const [path, v] = todo.pop();
      if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
      seen.add(v);
      if (!%HasFastProperties(v)) out.push(path);
      for (const k of Reflect.ownKeys(v)) {
        const d = Reflect.getOwnPropertyDescriptor(v, k);
        if (d && 'value' in d) todo.push([path + '.' + String(k), d.value]);
      }
      todo.push([path + '.__proto__', Object.getPrototypeOf(v)]);
    }
    return JSON.stringify(out.sort());
  })()`) as string;
  process.stdout.write(`${slow}\n`);
} finally {
  iso.dispose();
}
