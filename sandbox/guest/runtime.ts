// The guest runtime: bundled with the engine's decoder and sanitiser and evaluated in the
// team's isolate before the policy. The host calls configure, bindPolicy, runTick and
// takeExtras; the instrumented policy imports b (the counter), t (the trip), s (the syntax helpers) and g, k (length writes, guest/lengths.ts).
import type { MatchInfo } from '../../engine/policy.js';
import { writeCommands } from '../../engine/commands.js';
import { CMD_LENGTH, OBS_LENGTH, O_TICK } from '../../engine/obs-layout.js';
import { decodeObservation } from '../../engine/observation.js';
import { stream } from '../../engine/rng.js';
import {
  R_EXTRAS, R_STATUS, R_USED, REPLY_LENGTH, ST_BUDGET, ST_DEPTH, ST_ERROR, ST_OK,
  type GuestConfig, type GuestError, type GuestExtras,
} from '../protocol.js';
import * as budget from './budget.js';
import { drain, installChannel, pending, resetChannel } from './channel.js';
import { harden, removeBigInt } from './harden.js';
import { lockdown } from './lockdown.js';
import { chargeNatives, syntax } from './natives.js';
import { chargeChainNatives, inst } from './chains.js';
import { convertStringInputs } from './coerce.js';
import { chargeFormatting } from './formatting.js';
import { resetOutput } from './strings.js';

export { b, t } from './budget.js';
/** What the instrumenter's rewrites of length writes call: a static `.length` target's base (g), a computed target's non-numeric key (k). */
export { g, k } from './lengths.js';
/**
 * What the instrumenter's rewrites of spread, object spread, for-in, instanceof and in call. for-in and
 * the object of instanceof and in are charged a unit per link of its prototype chain (guest/chains.ts).
 */
export const s = {
  ...syntax,
  forIn(v: unknown): unknown {
    return syntax.forIn(inst(v));
  },
  inst,
};

/** The match clock starts here (2026-06-11T00:00:00Z, an arbitrary fixed day). */
const EPOCH_MS = 1781136000000;
const apply = Reflect.apply;

let cfg: GuestConfig;
let info: MatchInfo;
let msPerTick = 100;
let clockTick = 0;
let tickFn: ((obs: unknown) => unknown) | null = null;
let holder: unknown = undefined;
// Captured before natives.ts wraps the typed array constructors.
const F64 = Float64Array;
/**
 * The observation in and the reply out live in memory shared with the host (attach): a call
 * copies nothing and allocates nothing at the boundary. Only the runtime holds these views;
 * the policy gets the decoded objects, and the host reads the reply only after the call.
 */
let obsIn: Float64Array<ArrayBufferLike> = new F64(OBS_LENGTH);
let reply: Float64Array<ArrayBufferLike> = new F64(REPLY_LENGTH);
const cmd = new F64(CMD_LENGTH);
// The runtime's own fill calls (writeCommands clears its buffer with fill) would go
// through the charged wrappers of guest/natives.ts: an own property holding the original
// method keeps the runtime's bookkeeping off the team's budget and out of its reach.
Object.defineProperty(cmd, 'fill', { value: F64.prototype.fill });

/** Takes the shared block the host made: the observation first, then the reply (see controller.ts). */
export function attach(shared: SharedArrayBuffer): void {
  obsIn = new F64(shared, 0, OBS_LENGTH);
  reply = new F64(shared, OBS_LENGTH * F64.BYTES_PER_ELEMENT, REPLY_LENGTH);
}
let warnings: string[] = [];
let error: GuestError | null = null;

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const sliceString = String.prototype.slice;

function clip(s: string, n: number): string {
  return s.length > n ? (apply(sliceString, s, [0, n]) as string) : s;
}

/** A thrown value in words. Reading it may run policy code (getters, proxies): that is charged, and guarded. */
function describe(thrown: unknown): GuestError {
  try {
    if (thrown instanceof Error) return { message: clip(`${String(thrown.name)}: ${String(thrown.message)}`, 500), stack: clip(String(thrown.stack), 4000) };
    if (typeof thrown === 'object' && thrown !== null) return { message: 'threw a non-Error object', stack: '' };
    return { message: clip(`threw ${typeof thrown} ${String(thrown)}`, 500), stack: '' };
  } catch {
    return { message: 'threw a value that could not be read', stack: '' };
  }
}

function budgetError(st: number, limit: number): GuestError {
  const message =
    st === ST_DEPTH
      ? `call depth passed ${cfg.maxCallDepth} (unbounded recursion?)`
      : `work budget of ${limit} units exhausted (an endless or too long loop?)`;
  return { message, stack: clip(budget.stack(), 4000) };
}

/** The team's seeded stream for this match; Math.random reads it through one fixed function. */
let random: () => number = () => 0;
let lockedDown = false;
/** The global object's own keys right after lockdown: a policy that adds one makes the isolate single-use. */
let globalKeys = 0;
const ownKeys = Reflect.ownKeys;
const isExtensible = Object.isExtensible;
const getDesc = Object.getOwnPropertyDescriptor;
const reExec = RegExp.prototype.exec;
const EMPTY_RE = /(?:)/;

/**
 * Sets up the hardened global the first time (for the isolate's life), then the match: called before
 * the policy's code runs, once per match. An isolate serves several matches of one policy when the
 * host pools it (sandbox/isolate-pool.ts); each match gets fresh runtime state from here and fresh
 * policy bindings from the factory (sandbox/factory.ts).
 */
export function configure(config: GuestConfig, matchInfo: MatchInfo, setupBudget: number): void {
  // The sandbox's own set-up goes through wrapped natives too: it must not trip an unset budget.
  budget.start(2 ** 30 - 1, config.maxCallDepth);
  cfg = config;
  info = deepFreeze(matchInfo);
  msPerTick = 1000 / (matchInfo.ticksPerSecond || 10);
  clockTick = 0;
  random = stream(config.seed, `policy:${config.teamName}`);
  tickFn = null;
  holder = undefined;
  warnings = [];
  error = null;
  drain();
  if (!lockedDown) {
    harden({ random: () => random(), now: () => EPOCH_MS + clockTick * msPerTick });
    chargeNatives({ maxCallDepth: config.maxCallDepth });
    chargeChainNatives();
    convertStringInputs();
    chargeFormatting();
    removeBigInt();
    installChannel(globalThis as unknown as Record<string, unknown>, {
      lines: config.maxLogLines,
      chars: config.maxLogChars,
      marks: config.maxDebugMarks,
    });
    // Last: from here on no built-in and no global binding can change.
    lockdown();
    globalKeys = ownKeys(globalThis).length;
    lockedDown = true;
  }
  // RegExp's legacy statics (RegExp.$1, RegExp.input, ...) are one hidden record per realm, which a
  // policy can read and even set, and which the set-up above leaves as its own last match left them:
  // one match on '' gives every match, in a new isolate or a reused one, the same first state.
  apply(reExec, EMPTY_RE, ['']);
  // Top-level code runs when the host evaluates the module (or calls its factory), under the setup budget.
  budget.start(setupBudget, config.maxCallDepth);
  resetOutput();
}

/**
 * The match is over: drops what the runtime held of it (the policy's tick and exports, and through them
 * every closure of the match), so an isolate waiting in the pool keeps only code. Then says whether the
 * next match may use this isolate: lockdown made every built-in and every global binding read-only, so
 * the one place a policy can leave something for a later match is a new property of the global object.
 * Any such property (or a global made non-extensible) makes the isolate single-use.
 */
export function reusable(): boolean {
  tickFn = null;
  holder = undefined;
  warnings = [];
  error = null;
  drain();
  if (!lockedDown || !isExtensible(globalThis) || ownKeys(globalThis).length !== globalKeys) return false;
  for (const key of ownKeys(globalThis)) {
    const d = getDesc(globalThis, key);
    if (!d || d.configurable || d.writable) return false;
  }
  return true;
}

function finish(st: number, limit: number, thrown: unknown, threw: boolean): number {
  let status = st;
  error = null;
  if (status === ST_OK && threw) {
    error = describe(thrown);
    status = budget.state() === ST_OK ? ST_ERROR : budget.state();
  }
  if (status === ST_BUDGET || status === ST_DEPTH) error = budgetError(status, limit);
  return status;
}

/**
 * After the module evaluated (or threw): finds tick/setup and runs setup(info) on what is
 * left of the setup budget. `loadThrew` says whether evaluation threw. Returns a status.
 */
export function bindPolicy(ns: Record<string, unknown>, loadThrew: boolean, setupBudget: number): number {
  warnings = []; // the channel keeps what top-level code logged: it belongs to the setup logs
  let st = budget.state();
  if (st !== ST_OK) return finish(st, setupBudget, undefined, false);
  if (loadThrew) return ST_ERROR; // the host has the load error with its stack
  let setupFn: unknown;
  let threw = false;
  let thrown: unknown;
  try {
    const dflt = ns.default as Record<string, unknown> | undefined;
    if (typeof ns.tick === 'function') {
      tickFn = ns.tick as (obs: unknown) => unknown;
      setupFn = ns.setup;
    } else if (dflt !== null && typeof dflt === 'object' && typeof dflt.tick === 'function') {
      tickFn = dflt.tick as (obs: unknown) => unknown;
      setupFn = dflt.setup;
      holder = dflt;
    }
    if (tickFn && typeof setupFn === 'function') apply(setupFn as (i: unknown) => unknown, holder, [info]);
  } catch (err) {
    threw = true;
    thrown = err;
  }
  st = finish(budget.state(), setupBudget, thrown, threw);
  if (st === ST_OK && !tickFn) {
    error = { message: 'the policy exports no tick function (export function tick(observation) { ... })', stack: '' };
    return ST_ERROR;
  }
  return st;
}

/** One tick: rebuild the observation from the shared block, call tick, sanitise, write the reply there. */
export function runTick(limit: number): void {
  const flat = obsIn;
  clockTick = flat[O_TICK] ?? 0;
  resetChannel();
  budget.start(limit, cfg.maxCallDepth);
  resetOutput();
  warnings = [];
  let threw = false;
  let thrown: unknown;
  try {
    const raw = apply(tickFn as (obs: unknown) => unknown, holder, [decodeObservation(flat, info)]);
    warnings = writeCommands(raw, cmd);
  } catch (err) {
    threw = true;
    thrown = err;
  }
  const st = finish(budget.state(), limit, thrown, threw);
  for (let i = 0; i < CMD_LENGTH; i++) reply[i] = st === ST_OK ? (cmd[i] as number) : 0;
  reply[R_STATUS] = st;
  reply[R_USED] = budget.used();
  reply[R_EXTRAS] = error !== null || warnings.length > 0 || pending() ? 1 : 0;
}

/** Warnings, log lines, marks and the error of the last call; plain data for the copy out. */
export function takeExtras(): GuestExtras {
  const { logs, marks } = drain();
  const out: GuestExtras = { warnings, logs, marks, error };
  warnings = [];
  error = null;
  return out;
}
