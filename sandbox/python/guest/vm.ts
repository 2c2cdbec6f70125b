// The MicroPython WebAssembly module, started without Emscripten's glue: every import it asks
// for is answered here, deterministically (seeded randomness, the match clock, no files, no
// JavaScript objects), and the fuel counter the metered build keeps is charged and refilled here.
// Runs inside the team's isolate (and in plain Node for tests).
import { decodeUtf8, encodeUtf8 } from './utf8.js';

/** Thrown out of the interpreter when a team must stop at once; unwinds every WebAssembly frame. */
export class PyAbort {
  constructor(
    readonly kind: 'fuel' | 'host' | 'abort',
    readonly message: string,
  ) {}
}

export interface PyVmOptions {
  /** The metered module (compiled here from bytes when given bytes). */
  wasm: Uint8Array<ArrayBuffer> | WebAssembly.Module;
  /** A uniformly distributed number in [0, 1) from the team's seeded stream. */
  random: () => number;
  /** Milliseconds since the epoch on the match clock (time.time). */
  nowMs: () => number;
  /** Milliseconds since kick-off on the match clock (time.ticks_ms). */
  ticksMs: () => number;
  /** Largest size the module's linear memory may grow to, in bytes. */
  maxMemoryBytes: number;
  /** First Python heap block, in bytes (the heap grows in further blocks up to maxMemoryBytes). */
  heapBytes: number;
  /** Python value-stack words (bounds recursion together with the C stack). */
  pystackWords: number;
  /** Receives what Python writes to stdout (fd 1) and stderr (fd 2). */
  onOutput: (fd: number, bytes: Uint8Array) => void;
}

/** Result kinds written by the module's converter (ports/webassembly/proxy_c.c). */
const K_EXC = -1;
const K_NONE = 1;
const K_BOOL = 2;
const K_INT = 3;
const K_FLOAT = 4;
const K_STR = 5;
const K_CALLABLE = 6;
const K_OBJECT = 8;
/** Argument kinds read by the module's converter. */
const JS_INTEGER = 3;
const JS_DOUBLE = 4;
const JS_STRING = 5;

/** What a call into Python gave back. */
export type PyResult =
  | { ok: true; value: null | boolean | number | string; ref?: number }
  | { ok: false; type: string; traceback: string };

/**
 * Units granted after the budget ran out before the interrupt is armed again. The first time,
 * enough for the runtime's handler to note where it struck (the line in the fault); after
 * that 1, so it fires at the next jump whatever a policy's handler caught.
 */
export const FIRST_GRACE = 20_000;
export const FUEL_GRACE = 1;

const ENOENT = 44;
const EBADF = 8;
const PAGE = 65536;

type Exports = {
  memory: WebAssembly.Memory;
  __indirect_function_table: WebAssembly.Table;
  md_fuel: WebAssembly.Global;
  malloc(n: number): number;
  free(p: number): void;
  mp_js_init(pystack: number, heap: number): void;
  mp_js_do_exec(src: number, len: number, out: number): void;
  mp_js_do_import(name: number, out: number): void;
  proxy_c_init(): void;
  proxy_c_to_js_call(ref: number, n: number, args: number, out: number): void;
  proxy_c_to_js_lookup_attr(ref: number, name: number, out: number): void;
  mp_sched_keyboard_interrupt(): void;
  emscripten_stack_init(): void;
  emscripten_stack_get_current(): number;
  _emscripten_stack_restore(sp: number): void;
  setThrew(a: number, b: number): void;
  __wasm_call_ctors(): void;
};

// Captured at evaluation, before anything else in the isolate runs.
const WA = WebAssembly;
const U8 = Uint8Array;
const I32 = Int32Array;
const F64 = Float64Array;

export class PyVm {
  private readonly ex: Exports;
  private readonly table: ((...a: number[]) => number)[] = [];
  private readonly out: number;
  private fuelOn = false;
  private arming = false;
  private granted = 0;
  private overrun = 0;
  private hardCap = 0;
  /** True once this call's budget ran out (sticky until the next start()). */
  tripped = false;

  constructor(private readonly opts: PyVmOptions) {
    const mod = opts.wasm instanceof WA.Module ? opts.wasm : new WA.Module(opts.wasm);
    const self = this;
    const refuse = (what: string) => (): never => {
      throw new PyAbort('host', `the policy tried to reach the host's JavaScript (${what}), which a policy may not do`);
    };
    const invoke =
      (withResult: boolean) =>
      (index: number, ...args: number[]): number | undefined => {
        const sp = self.ex.emscripten_stack_get_current();
        try {
          return self.fn(index)(...args);
        } catch (e) {
          self.ex._emscripten_stack_restore(sp);
          // A longjmp (nlr_jump: a Python exception) is thrown as a number; anything else is ours.
          if (typeof e !== 'number') throw e;
          self.ex.setThrew(1, 0);
          return withResult ? 0 : undefined;
        }
      };
    const env: Record<string, unknown> = {
      _emscripten_throw_longjmp: () => {
        throw Infinity;
      },
      _abort_js: () => {
        throw new PyAbort('abort', 'the Python interpreter aborted');
      },
      emscripten_resize_heap: (requested: number) => this.grow(requested >>> 0),
      mp_js_random_u32: () => (opts.random() * 4294967296) >>> 0,
      mp_js_ticks_ms: () => opts.ticksMs() | 0,
      mp_js_time_ms: () => opts.nowMs(),
      // The JavaScript world is empty: no attribute exists, nothing can be called or built.
      lookup_attr: () => 0,
      has_attr: () => 0,
      js_check_existing: () => -1,
      __syscall_getcwd: () => -ENOENT,
      __syscall_chdir: () => -ENOENT,
      __syscall_mkdirat: () => -ENOENT,
      __syscall_openat: () => -ENOENT,
      __syscall_poll: () => 0,
      __syscall_getdents64: () => -EBADF,
      __syscall_renameat: () => -ENOENT,
      __syscall_rmdir: () => -ENOENT,
      __syscall_fstat64: () => -EBADF,
      __syscall_stat64: () => -ENOENT,
      __syscall_newfstatat: () => -ENOENT,
      __syscall_lstat64: () => -ENOENT,
      __syscall_statfs64: () => -ENOENT,
      __syscall_unlinkat: () => -ENOENT,
    };
    const wasi: Record<string, unknown> = {
      fd_write: (fd: number, iov: number, iovcnt: number, pnum: number) => this.write(fd, iov, iovcnt, pnum),
      fd_read: () => EBADF,
      fd_close: () => EBADF,
      fd_sync: () => EBADF,
      fd_seek: () => EBADF,
    };
    for (const imp of WA.Module.imports(mod)) {
      if (imp.module === 'env' && !(imp.name in env)) {
        env[imp.name] = imp.name.startsWith('invoke_') ? invoke(imp.name[7] !== 'v') : refuse(imp.name);
      } else if (imp.module === 'wasi_snapshot_preview1' && !(imp.name in wasi)) wasi[imp.name] = () => EBADF;
    }
    const inst = new WA.Instance(mod, {
      env: env as WebAssembly.ModuleImports,
      wasi_snapshot_preview1: wasi as WebAssembly.ModuleImports,
      md: { fuel_out: () => this.fuelOut() },
    });
    this.ex = inst.exports as unknown as Exports;
    this.ex.md_fuel.value = 2 ** 30;
    this.ex.emscripten_stack_init();
    this.ex.__wasm_call_ctors();
    this.ex.mp_js_init(opts.pystackWords, opts.heapBytes);
    this.ex.proxy_c_init();
    this.out = this.ex.malloc(16);
  }

  private fn(index: number): (...a: number[]) => number {
    let f = this.table[index];
    if (!f) {
      f = this.ex.__indirect_function_table.get(index) as (...a: number[]) => number;
      this.table[index] = f;
    }
    return f;
  }

  private grow(requested: number): number {
    const mem = this.ex.memory;
    const have = mem.buffer.byteLength;
    if (requested <= have) return 1;
    if (requested > this.opts.maxMemoryBytes) return 0;
    // Grow by at least a fifth (as Emscripten does), never past the cap.
    const want = Math.min(this.opts.maxMemoryBytes, Math.max(requested, have + Math.floor(have / 5)));
    try {
      mem.grow(Math.ceil((want - have) / PAGE));
      return 1;
    } catch {
      return 0;
    }
  }

  private write(fd: number, iov: number, iovcnt: number, pnum: number): number {
    const mem = this.ex.memory.buffer;
    const words = new I32(mem);
    let total = 0;
    for (let i = 0; i < iovcnt; i++) {
      const ptr = words[(iov >> 2) + 2 * i]! >>> 0;
      const len = words[(iov >> 2) + 2 * i + 1]! >>> 0;
      if (fd === 1 || fd === 2) this.opts.onOutput(fd, new U8(mem, ptr, len));
      total += len;
    }
    words[pnum >> 2] = total;
    return fd === 1 || fd === 2 ? 0 : EBADF;
  }

  /** The budget ran out: raise an interrupt Python cannot get past, armed again every FUEL_GRACE units. */
  private fuelOut(): void {
    const fuel = this.ex.md_fuel;
    if (!this.fuelOn || this.arming) {
      // Unmetered work, or the probes inside mp_sched_keyboard_interrupt itself.
      fuel.value = 2 ** 30;
      return;
    }
    const first = !this.tripped;
    this.tripped = true;
    this.overrun += first ? FIRST_GRACE : FUEL_GRACE;
    if (this.overrun > this.hardCap) {
      fuel.value = 2 ** 30;
      throw new PyAbort('fuel', `kept running ${this.hardCap} units past its budget before the interrupt could stop it (one built-in operation too long for a tick, such as copying a huge string or list, or an exception handler swallowing the interrupt)`);
    }
    this.arming = true;
    try {
      this.ex.mp_sched_keyboard_interrupt();
    } finally {
      this.arming = false;
    }
    fuel.value = first ? FIRST_GRACE : FUEL_GRACE;
  }

  /** Starts metering a call with `budget` units; past the budget, `hardCap` more units stop the interpreter for good. */
  start(budget: number, hardCap: number): void {
    this.granted = budget;
    this.overrun = 0;
    this.hardCap = hardCap;
    this.tripped = false;
    this.fuelOn = true;
    this.ex.md_fuel.value = budget;
  }

  /**
   * Stops metering; returns the units the call used (the whole budget once it tripped). After a
   * trip, `drainRef` (a Python function whose loop catches KeyboardInterrupt) takes the interrupt
   * still pending, unmetered, so it cannot fire in the team's next call.
   */
  stop(drainRef?: number): number {
    this.fuelOn = false;
    const left = this.ex.md_fuel.value as number;
    this.ex.md_fuel.value = 2 ** 30;
    if (this.tripped && drainRef !== undefined) this.call(drainRef);
    return this.tripped ? this.granted : Math.max(0, this.granted - left);
  }

  get memoryBytes(): number {
    return this.ex.memory.buffer.byteLength;
  }

  /** Bytes of linear memory as a fresh view (views die when the memory grows). */
  heap(): Uint8Array {
    return new U8(this.ex.memory.buffer);
  }

  /** A NUL-terminated UTF-8 copy of `text` in linear memory, and its length in bytes. */
  private cString(text: string): [number, number] {
    const bytes = encodeUtf8(text);
    const p = this.ex.malloc(bytes.length + 1);
    if (p === 0) throw new PyAbort('abort', 'out of memory passing a string to Python');
    const h = this.heap();
    h.set(bytes, p);
    h[p + bytes.length] = 0;
    return [p, bytes.length];
  }

  private result(): PyResult {
    const w = new I32(this.ex.memory.buffer, this.out, 3);
    const kind = w[0]!;
    if (kind === K_EXC) {
      const len = w[1]! >>> 0;
      const ptr = w[2]! >>> 0;
      const text = decodeUtf8(this.heap().subarray(ptr, ptr + Math.min(len, 16384)));
      this.ex.free(ptr);
      const sep = text.indexOf('\x04');
      return { ok: false, type: sep >= 0 ? text.slice(0, sep) : 'Exception', traceback: sep >= 0 ? text.slice(sep + 1) : text };
    }
    if (kind === K_NONE) return { ok: true, value: null };
    if (kind === K_BOOL) return { ok: true, value: w[1] !== 0 };
    if (kind === K_INT) return { ok: true, value: w[1]! };
    if (kind === K_FLOAT) return { ok: true, value: new F64(this.ex.memory.buffer.slice(this.out + 4, this.out + 12))[0]! };
    if (kind === K_STR) {
      const len = w[1]! >>> 0;
      const ptr = w[2]! >>> 0;
      return { ok: true, value: decodeUtf8(this.heap().subarray(ptr, ptr + len)) };
    }
    if (kind === K_CALLABLE || kind === K_OBJECT) return { ok: true, value: null, ref: w[1]! };
    return { ok: true, value: null };
  }

  /** Runs Python source in __main__. */
  exec(src: string): PyResult {
    const [p, len] = this.cString(src);
    this.ex.mp_js_do_exec(p, len, this.out);
    this.ex.free(p);
    return this.result();
  }

  /** A reference to `__main__.<name>`, for call(). */
  lookup(name: string): number {
    const [mainName] = this.cString('__main__');
    this.ex.mp_js_do_import(mainName, this.out);
    this.ex.free(mainName);
    const mod = this.result();
    if (!mod.ok || mod.ref === undefined) throw new Error('sandbox: __main__ is not importable');
    const [attr] = this.cString(name);
    this.ex.proxy_c_to_js_lookup_attr(mod.ref, attr, this.out);
    this.ex.free(attr);
    const r = this.result();
    if (!r.ok || r.ref === undefined) throw new Error(`sandbox: the Python runtime defines no ${name}`);
    return r.ref;
  }

  /** Calls a referenced Python function with string and number arguments. */
  call(ref: number, args: (string | number)[] = []): PyResult {
    const a = args.length ? this.ex.malloc(12 * args.length) : 0;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!;
      const w = new I32(this.ex.memory.buffer, a + 12 * i, 3);
      if (typeof v === 'string') {
        const [p, len] = this.cString(v);
        w[0] = JS_STRING;
        w[1] = len;
        w[2] = p; // the module frees it
      } else if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) {
        w[0] = JS_INTEGER;
        w[1] = v;
      } else {
        w[0] = JS_DOUBLE;
        new DataView(this.ex.memory.buffer).setFloat64(a + 12 * i + 4, v, true);
      }
    }
    this.ex.proxy_c_to_js_call(ref, args.length, a, this.out);
    if (a) this.ex.free(a);
    return this.result();
  }
}
