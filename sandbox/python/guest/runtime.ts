// The guest runtime of a Python team: bundled and evaluated in the team's isolate, it starts
// the metered MicroPython module, runs prelude.py, loads the policy and answers the host with
// the same reply and extras as the JavaScript runtime (sandbox/guest/runtime.ts), so the host
// checks both languages with one check.ts.
import { writeCommands } from '../../../engine/commands.js';
import { CMD_LENGTH, O_TICK, OBS_LENGTH } from '../../../engine/obs-layout.js';
import type { MatchInfo } from '../../../engine/policy.js';
import { stream } from '../../../engine/rng.js';
import { MODES, PERIODS } from '../../../engine/state.js';
import { R_EXTRAS, R_STATUS, R_USED, REPLY_LENGTH, ST_BUDGET, ST_ERROR, ST_OK, type GuestError, type GuestExtras } from '../../protocol.js';
import { Output } from './output.js';
import { commandsFromJson, MAX_REPLY_CHARS } from './reply.js';
import { PyAbort, PyVm, type PyResult } from './vm.js';

export interface PyGuestConfig {
  seed: number;
  teamName: string;
  filename: string;
  maxLogLines: number;
  maxLogChars: number;
  maxDebugMarks: number;
  maxMemoryBytes: number;
  heapBytes: number;
  pystackWords: number;
  /** Units a call may run past its budget before the interpreter is stopped for good. */
  hardCap: number;
}

/** Thrown to the host when the interpreter cannot go on (its state may be half-updated). */
export const FATAL_PREFIX = 'matchday-python-fatal: ';

const EPOCH_MS = 1781136000000;
/**
 * The name the policy is compiled under, whatever its file is called: interning a name is work
 * and memory the meter sees, so a renamed file (verify names it home.py) must not change a count.
 */
const COMPILED_AS = '<policy>';
const IN_SLOTS = 512;

let cfg: PyGuestConfig;
let vm: PyVm;
let out: Output;
let msPerTick = 100;
let clockTick = 0;
let inAddr = 0;
let tickRef = 0;
let replainRef = 0;
let drainRef = 0;
let takeErrRef = 0;
let setupRef = 0;
let loadRef = 0;
let warnings: string[] = [];
let error: GuestError | null = null;
const reply = new Float64Array(REPLY_LENGTH);
const cmd = new Float64Array(CMD_LENGTH);

function fatal(err: unknown): never {
  if (err instanceof PyAbort) throw new Error(`${FATAL_PREFIX}${err.kind}: ${err.message}`);
  throw err;
}

/** Where the items of the array.array at `id` live: mp_obj_array_t is {type, typecode|free, len, items}. */
function itemsOf(id: number, slots: number): number {
  const w = new Int32Array(vm.heap().buffer, id, 4);
  if (w[2] !== slots) throw new Error(`sandbox: the Python runtime's buffer at ${id} has ${w[2]} slots, not ${slots}`);
  return w[3]! >>> 0;
}

/** "policy.py:12" frames of a MicroPython traceback, innermost first, as lines.ts expects of a stack. */
function stackOf(traceback: string): string {
  const frames: string[] = [];
  const re = /File "([^"]*)", line (\d+)(?:, in (\S+))?/g;
  for (let m = re.exec(traceback); m; m = re.exec(traceback)) {
    const file = m[1] === COMPILED_AS ? cfg.filename : m[1];
    frames.unshift(`    at ${m[3] ?? '<module>'} (${file}:${m[2]})`);
  }
  return frames.join('\n').slice(0, 4000);
}

function describe(type: string, traceback: string): GuestError {
  const lines = traceback.trim().split('\n');
  const last = lines[lines.length - 1] ?? type;
  return { message: last.slice(0, 500), stack: stackOf(traceback) };
}

/** Parses a runtime answer: 'K...' ok, 'E<type>\x04<traceback>' an exception, 'N<message>' a refusal. */
function answer(r: PyResult): { ok: true; rest: string } | { ok: false; error: GuestError } {
  if (!r.ok) return { ok: false, error: describe(r.type, r.traceback) };
  const s = typeof r.value === 'string' ? r.value : '';
  if (s[0] === 'K') return { ok: true, rest: s.slice(1) };
  if (s[0] === 'E') {
    const sep = s.indexOf('\x04');
    return { ok: false, error: describe(s.slice(1, sep), s.slice(sep + 1)) };
  }
  if (s[0] === 'N') return { ok: false, error: { message: s.slice(1, 500), stack: '' } };
  return { ok: false, error: { message: 'the Python runtime gave an unreadable answer', stack: '' } };
}

/** The budget fault, with the stack of the first error the spent budget raised (kept by prelude.py). */
function budgetError(limit: number): GuestError {
  const first = answer(vm.call(takeErrRef));
  return { message: `work budget of ${limit} units exhausted (an endless or too long loop?)`, stack: first.ok ? '' : first.error.stack };
}

/** Flattens MatchInfo into names, kinds (n number, b boolean, s string) and values, in a fixed order. */
function flatInfo(info: MatchInfo): { names: string[]; kinds: string; nums: number[]; strs: string[] } {
  const names: string[] = [];
  let kinds = '';
  const nums: number[] = [];
  const strs: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string): void => {
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'object' && v !== null) walk(v as Record<string, unknown>, `${prefix}${k}.`);
      else {
        names.push(prefix + k);
        // 'i' for whole numbers (seed, halfTicks, ticksPerSecond): a Python int, as an author expects.
        kinds += typeof v === 'string' ? 's' : typeof v === 'boolean' ? 'b' : Number.isInteger(v) ? 'i' : 'n';
        nums.push(typeof v === 'number' ? v : v === true ? 1 : 0);
        if (typeof v === 'string') strs.push(v.replace(/\x00/g, ''));
      }
    }
  };
  walk(info as unknown as Record<string, unknown>, '');
  return { names, kinds, nums, strs };
}

/** Starts the interpreter and the prelude. Not metered: nothing of the policy has run yet. */
export function configure(config: PyGuestConfig, info: MatchInfo, wasm: WebAssembly.Module | Uint8Array<ArrayBuffer>, prelude: string): void {
  cfg = config;
  msPerTick = 1000 / (info.ticksPerSecond || 10);
  const rng = stream(config.seed, `policy:${config.teamName}`);
  out = new Output(config.maxLogLines, config.maxLogChars);
  vm = new PyVm({
    wasm,
    random: rng,
    nowMs: () => EPOCH_MS + clockTick * msPerTick,
    ticksMs: () => clockTick * msPerTick,
    maxMemoryBytes: config.maxMemoryBytes,
    heapBytes: config.heapBytes,
    pystackWords: config.pystackWords,
    onOutput: (_fd, bytes) => out.write(bytes),
  });
  const pre = vm.exec(prelude + '\n_md_ids = "%d" % id(_md_in)\n');
  if (!pre.ok) throw new Error(`sandbox: the Python prelude failed: ${pre.traceback}`);
  const idsRef = vm.exec('def _md_addrs():\n    return _md_ids\n');
  if (!idsRef.ok) throw new Error('sandbox: the Python prelude failed');
  const ids = vm.call(vm.lookup('_md_addrs'));
  inAddr = itemsOf(Number(ids.ok ? ids.value : 0), IN_SLOTS);
  tickRef = vm.lookup('_md_tick');
  replainRef = vm.lookup('_md_replain');
  drainRef = vm.lookup('_md_drain');
  takeErrRef = vm.lookup('_md_take_err');
  setupRef = vm.lookup('_md_setup');
  loadRef = vm.lookup('_md_load');
  const configureRef = vm.lookup('_md_configure');
  const guard = vm.exec('builtins.__import__ = _md_import\n');
  if (!guard.ok) throw new Error('sandbox: the Python import guard failed');
  const flat = flatInfo(info);
  if (flat.nums.length > IN_SLOTS) throw new Error('sandbox: MatchInfo has more fields than the Python buffer holds');
  new Float64Array(vm.heap().buffer, inAddr, flat.nums.length).set(flat.nums);
  const r = answer(
    vm.call(configureRef, [MODES.join(','), PERIODS.join(','), flat.names.join(','), flat.kinds, flat.strs.join('\x00'), config.maxDebugMarks]),
  );
  if (!r.ok) throw new Error(`sandbox: configuring the Python runtime failed: ${r.error.message}`);
  out.reset();
}

/**
 * Loads the policy (top-level code) and runs setup(info), together under the setup budget.
 * Returns a status; the error and logs wait in takeExtras().
 */
export function load(source: string, setupBudget: number): number {
  warnings = [];
  error = null;
  vm.start(setupBudget, cfg.hardCap);
  let r: ReturnType<typeof answer>;
  try {
    r = answer(vm.call(loadRef, [source, COMPILED_AS]));
    if (r.ok && !vm.tripped) r = answer(vm.call(setupRef));
  } catch (err) {
    vm.stop();
    return fatal(err);
  }
  vm.stop(drainRef);
  if (vm.tripped) {
    error = budgetError(setupBudget);
    return ST_BUDGET;
  }
  if (!r.ok) {
    error = r.error;
    return ST_ERROR;
  }
  return ST_OK;
}

/** One tick: the observation into _md_in, tick() under `limit` units, the reply off the tape. */
export function runTick(flat: Float64Array, limit: number): Float64Array {
  clockTick = flat[O_TICK] ?? 0;
  warnings = [];
  error = null;
  out.reset();
  // An error a caught exception left behind must not be taken for this tick's.
  vm.call(takeErrRef);
  new Float64Array(vm.heap().buffer, inAddr, OBS_LENGTH).set(flat.subarray(0, OBS_LENGTH));
  vm.start(limit, cfg.hardCap);
  let a: ReturnType<typeof answer>;
  let parsed: ReturnType<typeof commandsFromJson> = null;
  try {
    a = answer(vm.call(tickRef));
    if (a.ok && !vm.tripped) {
      parsed = commandsFromJson(a.rest);
      // Not plain JSON (a view, an object, nan): the slow conversion, on the same budget.
      if (parsed === null) {
        a = answer(vm.call(replainRef));
        if (a.ok && !vm.tripped) parsed = commandsFromJson(a.rest);
      }
    }
  } catch (err) {
    vm.stop();
    return fatal(err);
  }
  const used = vm.stop(drainRef);
  let st = ST_OK;
  if (vm.tripped) {
    st = ST_BUDGET;
    error = budgetError(limit);
  } else if (!a.ok) {
    st = ST_ERROR;
    error = a.error;
  } else if (parsed === null) {
    st = ST_ERROR;
    error = { message: `tick returned something that cannot be read as commands (more than ${MAX_REPLY_CHARS} characters of data?)`, stack: '' };
  } else {
    warnings = writeCommands(parsed.commands, cmd);
    out.marks(parsed.marks, parsed.droppedMarks, cfg.maxDebugMarks);
  }
  if (st === ST_OK) reply.set(cmd);
  else reply.fill(0, 0, CMD_LENGTH);
  reply[R_STATUS] = st;
  reply[R_USED] = used;
  reply[R_EXTRAS] = error !== null || warnings.length > 0 || out.pending() ? 1 : 0;
  return reply;
}

/** Warnings, log lines, marks and the error of the last call; plain data for the copy out. */
export function takeExtras(): GuestExtras {
  const { logs, marks } = out.drain();
  const x: GuestExtras = { warnings, logs, marks, error };
  warnings = [];
  error = null;
  return x;
}

/** Bytes of linear memory the interpreter holds now. */
export function memoryBytes(): number {
  return vm.memoryBytes;
}
