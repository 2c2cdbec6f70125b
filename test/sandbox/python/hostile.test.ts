// Hostile Python: each case is contained (a fault of its own team, never a crash), its message
// names the problem and the author's line, and two runs give the same digest.
import { describe, expect, it } from 'vitest';
import { runPolicy, type RunRecord } from '../harness.js';

const OK_TICK = `
def tick(obs):
    return [{'moveTo': {'x': obs.ball.x, 'y': obs.ball.y}} for p in obs.own]
`;

function twice(source: string, ticks = 3): RunRecord {
  const a = runPolicy(source, { filename: 'hostile.py', ticks });
  const b = runPolicy(source, { filename: 'hostile.py', ticks });
  expect(b.digest).toBe(a.digest);
  return a;
}

describe('hostile Python policies', () => {
  it('an endless loop in tick costs that tick only, names its line, and module state survives', () => {
    const r = twice(`
n = 0
def tick(obs):
    global n
    n += 1
    if n == 2:
        while True:
            pass
    return [{'moveTo': {'x': n, 'y': 0}}]
`);
    expect(r.setup.ok).toBe(true);
    expect(r.overBudgetTicks).toEqual([1]);
    const f = r.faults.find((x) => x.kind === 'budget');
    expect(f?.message).toMatch(/budget of 1000000 units exhausted/);
    expect(f?.line).toBe(8);
    expect(f?.fatal).toBeUndefined();
    // Tick 2 plays again, with the counter the loop left behind.
    expect(r.ticks[2]!.commands[1]).toBe(3);
  });

  it('catching the interrupt (except BaseException, in a loop) gains nothing', () => {
    const r = twice(`
def tick(obs):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
`);
    expect(r.ticks.every((t) => t.outcome?.faults?.some((f) => f.kind === 'budget'))).toBe(true);
    expect(r.ticks.every((t) => t.commands.every((c) => c === 0))).toBe(true);
  });

  it('one built-in operation that runs far past the budget stops the interpreter, and says so', () => {
    // Three concatenations of 4-16 MB: the copy is one operation, and the interrupt fires only between operations.
    const r = twice("s = 'x' * 4000000\ndef tick(obs):\n    t = s\n    for i in range(3):\n        t = t + s\n    return []\n");
    const f = r.faults.find((x) => x.kind === 'budget');
    expect(f?.fatal).toBe(true);
    expect(f?.message).toMatch(/one built-in operation too long for a tick/);
    expect(r.ticks.slice(1).every((t) => t.commands.every((c) => c === 0))).toBe(true);
  });

  it('an endless loop at module level refuses the policy, with its line', () => {
    const r = twice('x = 1\nwhile True:\n    x += 1\n');
    expect(r.setup.ok).toBe(false);
    expect(r.setup.reason).toMatch(/^hostile\.py:3: top-level code or setup\(\) ran over the setup budget/);
  });

  it('a memory bomb is a MemoryError (or a spent budget) of that tick; the next tick plays', () => {
    const r = twice(`
n = 0
def tick(obs):
    global n
    n += 1
    if n == 1:
        x = [0] * 10**9
    if n == 2:
        s = 'x'
        while True:
            s = s + s
    return [{'moveTo': {'x': 1, 'y': 2}}]
`);
    expect(r.faults[0]?.message).toMatch(/MemoryError/);
    expect(r.faults[0]?.line).toBe(7);
    // Doubling a string copies it each time: the copies (counted) or the heap cap end it.
    expect(r.faults[1]?.message).toMatch(/MemoryError|budget/);
    expect(r.ticks[2]!.commands[1]).toBe(1);
  });

  it('unbounded recursion is an error of that tick', () => {
    const r = twice(`
def f(n):
    return f(n + 1)
def tick(obs):
    return f(0)
`);
    expect(r.faults[0]?.kind).toBe('error');
    expect(r.faults[0]?.message).toMatch(/recursion/);
    expect(r.faults[0]?.line).toBe(3);
  });

  it('a syntax error names the file and line', () => {
    const r = twice('def tick(obs):\n    return [\n\ndef nope(:\n');
    expect(r.setup.ok).toBe(false);
    expect(r.setup.reason).toMatch(/^hostile\.py:\d+: syntax error/);
  });

  it('an exception in setup refuses the policy with its line', () => {
    const r = twice(`def setup(info):\n    raise ValueError('no')\n${OK_TICK}`);
    expect(r.setup.reason).toBe("hostile.py:2: error while loading or in setup(): ValueError: no");
  });

  it('no tick function is refused', () => {
    expect(twice('x = 1\n').setup.reason).toMatch(/defines no tick/);
  });

  it('js, jsffi, os and socket are not importable', () => {
    for (const mod of ['js', 'jsffi', 'os', 'socket', 'uctypes']) {
      const r = twice(`import ${mod}\n${OK_TICK}`, 1);
      expect(r.setup.reason).toMatch(new RegExp(`^hostile\\.py:1: .*ImportError: module '${mod}' is not available to a policy`));
    }
  });

  it('past the import guard, the JavaScript world is empty and calling into it stops the team', () => {
    const r = twice(`
import builtins
del builtins.__import__
import js, jsffi
def tick(obs):
    if obs.tick == 0:
        return [{'moveTo': {'x': 1 if not hasattr(js, 'globalThis') else 2, 'y': 0}}]
    return jsffi.to_js([1])
`);
    expect(r.setup.ok).toBe(true);
    expect(r.ticks[0]!.commands[1]).toBe(1);
    const f = r.faults.find((x) => x.fatal);
    expect(f?.message).toMatch(/tried to reach the host's JavaScript/);
    expect(r.ticks[2]!.outcome).toBeUndefined();
  });

  it('garbage returned is sanitised with warnings, as in JavaScript', () => {
    const r = twice(`
class Bad:
    def __getattr__(self, name):
        raise RuntimeError('no ' + name)
n = 0
def tick(obs):
    global n
    n += 1
    if n == 1:
        return None
    if n == 2:
        return [0] * 100000
    return [Bad(), {'moveTo': (3, 4)}, {'moveTo': obs.ball, 'kick': {'target': (52.5, 0), 'power': float('nan')}}]
`);
    expect(r.faults).toEqual([]);
    expect(r.ticks[1]!.outcome?.warnings?.[0]).toMatch(/100000 commands/);
    const t = r.ticks[2]!;
    expect(t.commands[8 + 1]).toBe(3);
    expect(t.commands[8 + 2]).toBe(4);
    expect(t.outcome?.warnings?.some((w) => /command 2: kick/.test(w))).toBe(true);
  });

  it('print and debug marks reach the debug channel, bounded', () => {
    const r = twice(`
def tick(obs):
    for i in range(30):
        print('line', i)
    debug.dot(1, 2, 'red')
    debug.text(0, 0, 'hello')
    return []
`, 1);
    const d = r.ticks[0]!.outcome?.debug;
    expect(d?.logs[0]).toBe('line 0');
    expect(d?.logs.at(-1)).toMatch(/10 more log lines dropped/);
    expect(d?.marks).toEqual([{ kind: 'dot', x: 1, y: 2, color: 'red' }, { kind: 'text', x: 0, y: 0, text: 'hello', color: 'white' }]);
  });

  it('one Python team cannot leave anything for the next: the compiled interpreter is shared per process, its state is not', () => {
    // What a team would plant: a module, an attribute on builtins, one on a built-in module.
    const plant = `
import sys, builtins, math
def plant():
    sys.modules['leak'] = 1
    builtins.leak = 1
    try:
        math.leak = 1
    except Exception:
        pass
def seen():
    import sys, builtins, math
    return 'leak' in sys.modules or hasattr(builtins, 'leak') or hasattr(math, 'leak')
`;
    // Control: the detector does see what is planted in its own interpreter.
    const self = runPolicy(`${plant}
def tick(obs):
    plant()
    return [{'moveTo': {'x': 1 if seen() else 0, 'y': 0}}]
`, { filename: 'self.py', ticks: 1 });
    expect(self.ticks[0]!.commands[1]).toBe(1);
    // A planter, then another team in the same process (a match process plays both sides and many matches).
    runPolicy(`${plant}
plant()
def tick(obs):
    plant()
    return []
`, { filename: 'planter.py', ticks: 2 });
    const other = runPolicy(`${plant}
def tick(obs):
    return [{'moveTo': {'x': 1 if seen() else 0, 'y': 0}}]
`, { filename: 'other.py', ticks: 1 });
    expect(other.setup.ok).toBe(true);
    expect(other.ticks[0]!.commands[1]).toBe(0);
  });

  it('time and random are deterministic stand-ins', () => {
    const r = twice(`
import time, random
def tick(obs):
    return [{'moveTo': {'x': time.ticks_ms(), 'y': random.random()}}]
`, 2);
    // The match clock: 100 ms a tick, whatever the wall clock did.
    expect(r.ticks[1]!.commands[1]! - r.ticks[0]!.commands[1]!).toBe(100);
  });
});
