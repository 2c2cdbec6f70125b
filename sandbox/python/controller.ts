// The sandboxed controller of a Python team: one isolated-vm isolate per team per match, with
// the metered MicroPython interpreter inside it. Same contract, failure rules and stats as the
// JavaScript controller (sandbox/controller.ts); the budget is counted in the interpreter's fuel.
import ivm from 'isolated-vm';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ObservationInput, SetupOutcome, TickOutcome } from '../../engine/controller.js';
import { O_TICK } from '../../engine/obs-layout.js';
import type { MatchInfo } from '../../engine/policy.js';
import { checkExtras, MAX_ERROR_MESSAGE } from '../check.js';
import { bounded, ControllerBase, TIMED_OUT, type Fn, type SandboxController } from '../controller-base.js';
import { resolveLimits, type SandboxLimits } from '../limits.js';
import { lineIn, where } from '../lines.js';
import { ST_BUDGET, ST_ERROR, ST_OK } from '../protocol.js';
import { pythonPrelude, pythonRuntimeCode } from './bundle.js';
import type { PyGuestConfig } from './guest/runtime.js';
import { compiledMeteredModule } from './meter.js';

export interface PythonSandboxOptions {
  file?: string;
  source?: string;
  filename?: string;
  teamName?: string;
  seed?: number;
  limits?: Partial<SandboxLimits>;
}

const RUNTIME_FILE = 'matchday-python-runtime.js';
const FATAL_PREFIX = 'matchday-python-fatal: ';
/** The first Python heap block; the heap grows in further blocks up to the memory cap. */
const HEAP_BYTES = 1 << 20;
/** Python value-stack words: with the interpreter's 32 KB C stack this bounds recursion. */
const PYSTACK_WORDS = 8192;
/** Longest policy file accepted, in characters. */
export const MAX_PY_SOURCE = 1_000_000;

/** True when a policy is Python (by its file name). */
export function isPythonPolicy(opts: { file?: string; filename?: string }): boolean {
  const name = opts.filename ?? opts.file ?? '';
  return name.toLowerCase().endsWith('.py');
}

class PythonSandbox extends ControllerBase {
  private runTickRef: Fn | null = null;
  private memRef: Fn | null = null;
  private filename: string;

  constructor(private readonly opts: PythonSandboxOptions) {
    const limits = resolveLimits(opts.limits);
    super(limits, limits.pyTickBudget, '');
    this.filename = opts.filename ?? (opts.file ? basename(opts.file) : 'policy.py');
  }

  protected line(text: string | undefined): number | undefined {
    return text ? lineIn(text, this.filename, null) : undefined;
  }

  protected tickErrorText(message: string | undefined): string {
    return `tick raised ${message ?? 'an unknown error'}`;
  }

  protected memoryNow(): number | undefined {
    let used = this.iso?.getHeapStatisticsSync().used_heap_size ?? 0;
    try {
      const wasm = this.memRef?.applySync(undefined, [], { timeout: 1000 });
      if (typeof wasm === 'number' && Number.isFinite(wasm)) used += wasm;
    } catch {
      // Memory is a diagnostic figure: a failed read leaves the heap's alone.
    }
    return used;
  }

  private readSource(): string | { error: string } {
    if (this.opts.source !== undefined) return this.opts.source;
    if (!this.opts.file) return { error: 'no policy given: pass a file or a source text' };
    try {
      return readFileSync(this.opts.file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { error: `${this.opts.file}: cannot read the policy file (${code === 'ENOENT' ? 'no such file' : String(code ?? err)})` };
    }
  }

  setup(info: MatchInfo): SetupOutcome {
    const source = this.readSource();
    if (typeof source !== 'string') return this.refuse(source.error);
    if (source.length > MAX_PY_SOURCE) return this.refuse(`${this.filename}: the policy is ${source.length} characters long (at most ${MAX_PY_SOURCE})`);
    const L = this.limits;
    const wasm = compiledMeteredModule();
    const iso = (this.iso = new ivm.Isolate({ memoryLimit: L.memoryMb }));
    const started = performance.now();
    try {
      const ctx = iso.createContextSync();
      const rt = iso.compileModuleSync(pythonRuntimeCode(), { filename: RUNTIME_FILE });
      rt.instantiateSync(ctx, () => {
        throw new Error('the Python runtime imports nothing');
      });
      rt.evaluateSync();
      const get = (name: string): Fn => rt.namespace.getSync(name, { reference: true }) as Fn;
      const cfg: PyGuestConfig = {
        seed: this.opts.seed ?? info.seed,
        teamName: this.opts.teamName ?? info.teamName,
        filename: this.filename,
        maxLogLines: L.maxLogLines,
        maxLogChars: L.maxLogChars,
        maxDebugMarks: L.maxDebugMarks,
        maxMemoryBytes: L.pyMemoryMb * 1024 * 1024,
        heapBytes: HEAP_BYTES,
        pystackWords: PYSTACK_WORDS,
        hardCap: L.pyTickBudget,
      };
      get('configure').applySync(undefined, [cfg, info, wasm, pythonPrelude()] as never[], {
        arguments: { copy: true },
        timeout: L.setupWallMs,
      });
      const left = Math.max(1, Math.ceil(L.setupWallMs - (performance.now() - started)));
      const st = get('load').applySync(undefined, [source, L.pySetupBudget] as never[], { arguments: { copy: true }, timeout: left });
      const extras = checkExtras(get('takeExtras').applySync(undefined, [], { result: { copy: true }, timeout: left }), L);
      if (typeof extras === 'string' || !(st === ST_OK || st === ST_BUDGET || st === ST_ERROR)) {
        const why = typeof extras === 'string' ? extras : `status ${String(st)} is not a known status`;
        return this.refuse(`${this.filename}: the sandbox returned malformed output while loading (${why})`);
      }
      this.setupLogs = extras.logs;
      if (st === ST_BUDGET) {
        const line = this.line(extras.error?.stack);
        return this.refuse(where(this.filename, line, `top-level code or setup() ran over the setup budget of ${L.pySetupBudget} units (an endless loop?)`), line);
      }
      if (st === ST_ERROR) {
        const line = this.line(extras.error?.stack);
        const msg = extras.error?.message ?? 'unknown error';
        const syntax = /^(SyntaxError|IndentationError): /.exec(msg);
        const what = msg.startsWith('the policy defines no tick') ? msg : syntax ? `syntax error: ${msg.slice(syntax[0].length) || syntax[1]}` : `error while loading or in setup(): ${msg}`;
        return this.refuse(where(this.filename, line, what), line);
      }
      this.runTickRef = get('runTick');
      this.extrasRef = get('takeExtras');
      this.memRef = get('memoryBytes');
      this.wallSpent += performance.now() - started;
      this.sampleMemory();
      return { ok: true };
    } catch (err) {
      const msg = bounded((err as Error)?.message ?? err, MAX_ERROR_MESSAGE);
      if (iso.isDisposed) return this.refuse(`${this.filename}: ran out of memory (limit ${L.memoryMb} MB) while loading`);
      if (msg === TIMED_OUT) return this.refuse(`${this.filename}: loading took longer than ${L.setupWallMs} ms (wall-clock safety net)`, undefined, true);
      if (msg.startsWith(FATAL_PREFIX)) {
        const rest = msg.slice(FATAL_PREFIX.length);
        return this.refuse(`${this.filename}: stopped while loading: ${rest.slice(rest.indexOf(': ') + 2)}`);
      }
      return this.refuse(`${this.filename}: could not start: ${msg}`);
    }
  }

  tick(input: ObservationInput, out: Float64Array): TickOutcome | undefined {
    if (this.frozen || !this.runTickRef || !this.iso) return undefined;
    const L = this.limits;
    const tick = input.flat[O_TICK] ?? 0;
    const timeout = this.callTimeout();
    if (timeout <= 0) return this.wallBankSpent(tick);
    let raw: unknown;
    const t0 = performance.now();
    try {
      raw = this.runTickRef.applySync(undefined, [input.flat, L.pyTickBudget] as never[], {
        arguments: { copy: true },
        result: { copy: true },
        timeout,
      });
    } catch (err) {
      this.wallSpent += performance.now() - t0;
      return this.callFailed(tick, err as Error);
    }
    this.wallSpent += performance.now() - t0;
    return this.settle(tick, raw, out);
  }

  private callFailed(tick: number, err: Error): TickOutcome {
    const L = this.limits;
    const msg = String(err?.message ?? err);
    if (this.iso?.isDisposed) return this.outOfMemory(tick);
    if (msg === TIMED_OUT) {
      // The interpreter was cut off somewhere inside: its state cannot be trusted any more.
      this.markNonReproducible(true);
      return this.freeze(tick, { tick, kind: 'timeout', fatal: true, message: `tick took longer than ${L.callWallMs} ms (wall-clock safety net); players stand still for the rest of the match` });
    }
    if (msg.startsWith(FATAL_PREFIX)) {
      // The interpreter was unwound mid-work (see guest/vm.ts): its state cannot be trusted any more.
      const rest = msg.slice(FATAL_PREFIX.length);
      const fuel = rest.startsWith('fuel: ');
      if (fuel) this.recorder.overBudget(tick);
      return this.freeze(tick, {
        tick,
        kind: fuel ? 'budget' : 'error',
        fatal: true,
        message: `tick ${bounded(rest.slice(rest.indexOf(': ') + 2), 300)}; the interpreter was stopped, players stand still for the rest of the match`,
      });
    }
    return this.crashed(tick, msg);
  }

  override dispose(): void {
    this.runTickRef = null;
    this.memRef = null;
    super.dispose();
  }
}

/** A controller that runs one Python policy in its own isolate. Nothing happens until setup(info). */
export function createPythonController(opts: PythonSandboxOptions): SandboxController {
  return new PythonSandbox(opts);
}
