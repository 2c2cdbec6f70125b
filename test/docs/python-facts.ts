// What the Python section of the brief states about the interpreter in figures: the modules a policy
// may import and what common work costs in fuel units. Rendered into docs/PYTHON.md (values.ts) and
// measured in the real sandbox by test/docs/python.test.ts, which fails when a figure drifts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Modules a policy may import (each also under its u-name, e.g. utime), in the order the sandbox lists them. */
export const PY_MODULES = [
  'abc', 'array', 'builtins', 'cmath', 'collections', 'copy', 'functools', 'gc', 'heapq', 'io', 'itertools',
  'json', 'math', 'micropython', 'operator', 'random', 're', 'string', 'struct', 'sys', 'time', 'types',
] as const;

/** Fuel units, measured within PY_COST_TOLERANCE (test/docs/python.test.ts). */
export const PY_COSTS = {
  /** Building the observation objects, before a line of the policy runs (an empty tick). */
  observation: 13_500,
  /** One iteration of `for i in range(n): s += i * i % 7`. */
  loopIteration: 45,
  /** One call of a one-line function of your own, on top of the loop. */
  call: 25,
  /** One player of `for p in obs.own: dx = p.x - b.x; dy = p.y - b.y; s += dx * dx + dy * dy`. */
  distance: 250,
  /** The median tick of the Python starter (policies/starter.py) over 200 ticks against builtin:chaser. */
  starterTick: 120_000,
};
export const PY_COST_TOLERANCE = 0.25;

/** Nested calls of a plain recursive function (called from setup) before MicroPython raises RuntimeError. */
export const PY_RECURSION_DEPTH = 155;

/** MicroPython's version, from its npm package. */
export function micropythonVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@micropython/micropython-webassembly-pyscript/package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
