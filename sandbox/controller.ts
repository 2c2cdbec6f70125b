// The sandboxed team controller: one isolated-vm isolate per team per match (reused for a later match
// of the same policy when it ended cleanly: isolate-pool.ts), running the
// instrumented policy under a deterministic work budget, with wall-clock limits only as a
// safety net. Every failure costs the policy's own team and is recorded, never thrown.
import ivm from 'isolated-vm';
import type { Fault, ObservationInput, SetupOutcome, TickOutcome } from '../engine/controller.js';
import { OBS_LENGTH, O_TICK } from '../engine/obs-layout.js';
import type { MatchInfo } from '../engine/policy.js';
import { guestRuntimeCode } from './bundle.js';
import { ensureV8Flags } from './flags.js';
import { resolveLimits, type SandboxLimits } from './limits.js';
import { lineIn, where } from './lines.js';
import { checkExtras, MAX_ERROR_MESSAGE, MAX_ERROR_STACK } from './check.js';
import { bounded, ControllerBase, TIMED_OUT, type Fn, type SandboxController } from './controller-base.js';
import { REPLY_LENGTH, RUNTIME_SPECIFIER, ST_BUDGET, ST_DEPTH, ST_ERROR, ST_OK, type GuestConfig } from './protocol.js';
import { preparePolicy, type PreparedPolicy } from './policy-cache.js';
import type { PolicySource } from './source.js';
import { createPythonController, isPythonPolicy } from './python/controller.js';
import { FACTORY_EXPORT } from './factory.js';
import { giveBack, POOL_HEAP_BYTES, poolingEnabled, poolKey, takeWarm, type WarmIsolate } from './isolate-pool.js';

export interface SandboxOptions {
  /** Path of the policy file (.js, .mjs, .ts). */
  file?: string;
  /** The policy's text, instead of a file; `filename` names it in messages. */
  source?: string;
  filename?: string;
  /** Names the team's random stream (`policy:<teamName>`); default: MatchInfo.teamName. */
  teamName?: string;
  /** Match seed for the random stream; default: MatchInfo.seed. */
  seed?: number;
  limits?: Partial<SandboxLimits>;
  /** The policy already transpiled and instrumented (policy-cache.ts), as a match process receives it. */
  prepared?: PreparedPolicy;
  /** false: a new isolate for this match, disposed after it, whatever the pool holds (the bench's cold case). */
  pool?: boolean;
}

export type { SandboxController };

const RUNTIME_FILE = 'matchday-runtime.js';

class Sandbox extends ControllerBase {
  private runTickRef: Fn | null = null;
  /** The isolate's pool entry once setup succeeded: dispose() hands it back if the match was clean. */
  private warm: WarmIsolate | null = null;
  /** Views of the block shared with the guest runtime: the observation goes in, the reply comes out. */
  private obsIn: Float64Array | null = null;
  private replyOut: Float64Array | null = null;
  private src: Pick<PolicySource, 'filename' | 'lines'> | null = null;

  constructor(private readonly opts: SandboxOptions) {
    const limits = resolveLimits(opts.limits);
    super(limits, limits.tickBudget, '; were built-ins tampered with?');
  }

  protected line(text: string | undefined): number | undefined {
    if (!text || !this.src) return undefined;
    return lineIn(text, this.src.filename, this.src.lines);
  }

  protected tickErrorText(message: string | undefined): string {
    return `tick threw: ${message ?? 'unknown error'}`;
  }

  protected memoryNow(): number | undefined {
    return this.iso?.getHeapStatisticsSync().used_heap_size;
  }

  /** A new isolate with the guest runtime and the policy's factory module loaded, or the refusal when the code does not compile. */
  private load(code: string, key: string): WarmIsolate | { refused: SetupOutcome } {
    const L = this.limits;
    const src = this.src!;
    const iso = (this.iso = new ivm.Isolate({ memoryLimit: L.memoryMb }));
    const ctx = iso.createContextSync();
    const rt = iso.compileModuleSync(guestRuntimeCode(), { filename: RUNTIME_FILE });
    rt.instantiateSync(ctx, () => {
      throw new Error('the sandbox runtime imports nothing');
    });
    rt.evaluateSync();
    const refs: WarmIsolate['refs'] = {};
    for (const name of ['attach', 'configure', 'bindPolicy', 'runTick', 'takeExtras', 'reusable']) {
      refs[name] = rt.namespace.getSync(name, { reference: true }) as Fn;
    }
    // Shared, not copied per call: the guest keeps its views private, and reads and writes
    // them only while the host waits in a call.
    const shared = new SharedArrayBuffer((OBS_LENGTH + REPLY_LENGTH) * Float64Array.BYTES_PER_ELEMENT);
    (refs.attach as Fn).applySync(undefined, [new ivm.ExternalCopy(shared).copyInto({ release: true })] as never[]);
    let policy: ivm.Module;
    try {
      policy = iso.compileModuleSync(code, { filename: src.filename });
    } catch (err) {
      const msg = bounded((err as Error).message, MAX_ERROR_MESSAGE);
      const line = this.line(msg);
      return { refused: this.refuse(where(src.filename, line, `syntax error: ${msg.replace(/\s*\[[^\]]*\]$/, '')}`), line) };
    }
    policy.instantiateSync(ctx, (spec) => {
      if (spec === RUNTIME_SPECIFIER) return rt;
      throw new Error(`imports are not allowed (found import "${spec}")`);
    });
    // Only defines the factory: none of the policy's own code runs here.
    policy.evaluateSync({ timeout: L.setupWallMs });
    refs.make = policy.namespace.getSync(FACTORY_EXPORT, { reference: true }) as Fn;
    return {
      key,
      iso,
      refs,
      obsIn: new Float64Array(shared, 0, OBS_LENGTH),
      replyOut: new Float64Array(shared, OBS_LENGTH * Float64Array.BYTES_PER_ELEMENT, REPLY_LENGTH),
      matches: 0,
    };
  }

  setup(info: MatchInfo): SetupOutcome {
    const inst = this.opts.prepared ?? preparePolicy(this.opts, this.limits);
    if (!inst.ok) return this.refuse(inst.reason, inst.line);
    const src = (this.src = { filename: inst.filename, lines: inst.lines });
    ensureV8Flags();
    const L = this.limits;
    const key = poolKey({ filename: src.filename, code: inst.code, memoryMb: L.memoryMb, maxCallDepth: L.maxCallDepth, maxLogLines: L.maxLogLines, maxLogChars: L.maxLogChars, maxDebugMarks: L.maxDebugMarks });
    const started = performance.now();
    let warm = this.pooled() ? takeWarm(key) : null;
    if (warm) this.iso = warm.iso;
    try {
      if (!warm) {
        const loaded = this.load(inst.code, key);
        if ('refused' in loaded) return loaded.refused;
        warm = loaded;
      }
      warm.matches++;
      const iso = warm.iso;
      const get = (name: string): Fn => warm!.refs[name] as Fn;
      this.obsIn = warm.obsIn;
      this.replyOut = warm.replyOut;
      const cfg: GuestConfig = {
        seed: this.opts.seed ?? info.seed,
        teamName: this.opts.teamName ?? info.teamName,
        maxCallDepth: L.maxCallDepth,
        maxLogLines: L.maxLogLines,
        maxLogChars: L.maxLogChars,
        maxDebugMarks: L.maxDebugMarks,
        filename: src.filename,
      };
      get('configure').applySync(undefined, [cfg, info, L.setupBudget] as never[], { arguments: { copy: true } });
      // The policy's top level runs here, in the factory, under the setup budget: fresh bindings each match.
      let ns: ivm.Reference<unknown> | null = null;
      let loadErr: Error | null = null;
      try {
        ns = get('make').applySync(undefined, [], { timeout: L.setupWallMs, result: { reference: true } }) as ivm.Reference<unknown>;
      } catch (err) {
        loadErr = err as Error;
      }
      const left = Math.max(1, Math.ceil(L.setupWallMs - (performance.now() - started)));
      if (loadErr?.message === TIMED_OUT) {
        return this.refuse(`${src.filename}: loading took longer than ${L.setupWallMs} ms (wall-clock safety net)`, undefined, true);
      }
      if (iso.isDisposed) throw loadErr ?? new Error('the isolate is gone');
      let st: unknown;
      try {
        st = get('bindPolicy').applySync(undefined, [ns ? ns.derefInto() : undefined, loadErr !== null, L.setupBudget] as never[], { timeout: left });
      } finally {
        // The exports object holds this match's closures: the pooled isolate must not keep them alive.
        ns?.release();
      }
      const extras = checkExtras(get('takeExtras').applySync(undefined, [], { result: { copy: true }, timeout: left }), L);
      if (typeof extras === 'string' || !(st === ST_OK || st === ST_BUDGET || st === ST_DEPTH || st === ST_ERROR)) {
        const why = typeof extras === 'string' ? extras : `status ${String(st)} is not a known status`;
        return this.refuse(`${src.filename}: the sandbox returned malformed output while loading (${why}; were built-ins tampered with?)`);
      }
      this.setupLogs = extras.logs;
      if (st === ST_BUDGET || st === ST_DEPTH) {
        const line = this.line(extras.error?.stack);
        const what = st === ST_DEPTH ? extras.error?.message ?? 'call depth exceeded' : `ran over the setup budget of ${L.setupBudget} units (an endless loop?)`;
        return this.refuse(where(src.filename, line, `top-level code or setup() ${what}`), line);
      }
      if (st === ST_ERROR && loadErr) {
        const stack = bounded(loadErr.stack, MAX_ERROR_STACK);
        const message = bounded(loadErr.message, MAX_ERROR_MESSAGE);
        const line = this.line(stack) ?? this.line(message);
        return this.refuse(where(src.filename, line, `error while loading: ${bounded(loadErr.name, 100)}: ${message}`), line);
      }
      if (st === ST_ERROR) {
        const line = this.line(extras.error?.stack);
        const msg = extras.error?.message ?? 'unknown error';
        const inSetup = msg.startsWith('the policy exports no tick') ? msg : `setup() failed: ${msg}`;
        return this.refuse(where(src.filename, line, inSetup), line);
      }
      this.runTickRef = get('runTick');
      this.extrasRef = get('takeExtras');
      this.warm = warm;
      this.wallSpent += performance.now() - started;
      this.sampleMemory();
      return { ok: true };
    } catch (err) {
      const msg = bounded((err as Error)?.message ?? err, MAX_ERROR_MESSAGE);
      if (this.iso?.isDisposed) return this.refuse(`${src.filename}: ran out of memory (limit ${L.memoryMb} MB) while loading`, undefined, false);
      if (msg === TIMED_OUT) return this.refuse(`${src.filename}: setup() took longer than ${L.setupWallMs} ms (wall-clock safety net)`, undefined, true);
      return this.refuse(`${src.filename}: could not start: ${msg}`);
    }
  }

  tick(input: ObservationInput, out: Float64Array): TickOutcome | undefined {
    if (this.frozen || !this.runTickRef || !this.iso || !this.obsIn || !this.replyOut) return undefined;
    const L = this.limits;
    const tick = input.flat[O_TICK] ?? 0;
    const timeout = this.callTimeout();
    if (timeout <= 0) return this.wallBankSpent(tick);
    this.obsIn.set(input.flat.length === OBS_LENGTH ? input.flat : input.flat.subarray(0, OBS_LENGTH));
    this.replyOut.fill(-1); // a reply the guest did not write fails the check
    const t0 = performance.now();
    try {
      this.runTickRef.applySync(undefined, [L.tickBudget] as never[], { timeout });
    } catch (err) {
      this.wallSpent += performance.now() - t0;
      return this.callFailed(tick, err as Error);
    }
    this.wallSpent += performance.now() - t0;
    return this.settle(tick, this.replyOut, out);
  }

  private callFailed(tick: number, err: Error): TickOutcome {
    const L = this.limits;
    if (this.iso?.isDisposed) return this.outOfMemory(tick);
    if (err?.message === TIMED_OUT) {
      this.markNonReproducible(true);
      if (this.wallSpent >= L.matchWallMs) return this.wallBankSpent(tick);
      const f: Fault = { tick, kind: 'timeout', message: `tick took longer than ${L.callWallMs} ms (wall-clock safety net); players idle this tick` };
      this.recorder.overBudget(tick);
      this.recorder.fault(f);
      return { faults: [f], budgetUsed: L.tickBudget };
    }
    return this.crashed(tick, String(err?.message ?? err));
  }

  /**
   * After a clean match the isolate goes back to the pool for the next match of this policy: not after
   * any fault that froze the team or touched the wall clock, and not if the guest finds the global changed.
   */
  override dispose(): void {
    const warm = this.warm;
    this.warm = null;
    this.runTickRef = null;
    this.obsIn = null;
    this.replyOut = null;
    if (warm && this.pooled() && this.iso === warm.iso && !this.frozen && !this.nonReproducible && !warm.iso.isDisposed && this.guestClean(warm)) {
      this.iso = null;
      this.extrasRef = null;
      giveBack(warm);
      return;
    }
    super.dispose();
  }

  private pooled(): boolean {
    return this.opts.pool !== false && poolingEnabled();
  }

  private guestClean(warm: WarmIsolate): boolean {
    try {
      if ((warm.refs.reusable as Fn).applySync(undefined, [], { timeout: this.limits.callWallMs }) !== true) return false;
      // An idle isolate runs no GC: what the match left on its heap (live or not yet collected), and its
      // array buffers, stay until the next match. A large one goes with the isolate, not into the pool.
      const h = warm.iso.getHeapStatisticsSync();
      return h.used_heap_size + h.externally_allocated_size <= POOL_HEAP_BYTES;
    } catch {
      return false;
    }
  }
}

/** A controller that runs one policy file in its own isolate. Nothing happens until setup(info). */
export function createSandboxController(opts: SandboxOptions): SandboxController {
  if (isPythonPolicy(opts)) return createPythonController(opts);
  return new Sandbox(opts);
}
