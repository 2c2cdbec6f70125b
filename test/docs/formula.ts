// The brief's formulas as the contestant reads them, and an evaluator for that same text, so the
// tests that hold the engine to the brief compute with the formula the docs print, not with a copy.
//
// A formula is written with {{placeholders}} (rendered from the code like the rest of the docs) and
// named variables; it may use + − - × · / ( ), a postfix ², √(…), min(…), max(…).

/** Each formula by name: `{{formula.NAME}}` in a template prints it, `formulaOf(values, NAME)` evaluates it. */
export const FORMULAS = {
  /** Ball speed (m/s) a kick gives, before the cap of a throw. */
  kickSpeed: 'power × {{PHYS.maxKickSpeed}} × (1 − {{KICK.awkSpeedLoss}} × dist / {{PHYS.kickReach}}) × (1 + g₂ × {{PHYS.kickSpeedNoise}} × power)',
  /** Standard deviation of the lateral error of a kick. */
  kickSpread:
    '{{PHYS.kickNoiseBase}} + {{PHYS.kickNoisePower}} × power² + {{PHYS.kickNoiseMotion}} × kickerSpeed / {{PHYS.sprintSpeed}} + {{PHYS.kickNoiseReach}} × dist / {{PHYS.kickReach}} + {{PHYS.kickNoiseHeight}} × high / {{PHYS.kickMaxHeight}}',
  /** The lateral error: sideways metres per metre of travel. */
  kickError: 'g₁ × σ',
  /** A kick's speed split into its horizontal and vertical parts. */
  kickHorizontal: 'speed / √(1 + lift²)',
  kickVertical: 'speed × lift / √(1 + lift²)',
  /** Top speed (m/s) of a player: base is runSpeed, or sprintSpeed with `sprint`. */
  topSpeed: 'base × ({{PHYS.exhaustedSpeedFactor}} + {{derived.freshSpeedShare}} × stamina)',
  /** The speed a player with `moveTo` wants: no faster than what still lets it stop at the target. */
  arriveSpeed: 'min(top, √(2 × {{PHYS.deceleration}} × distance))',
  /** Chance that a clean tackle wins the ball. */
  tackleWin: 'max({{FOULS.winMin}}, {{FOULS.winBase}} − {{FOULS.winSlope}} × dist / {{PHYS.tackleReach}})',
  /** Each component of the velocity of a ball won by a tackle. */
  tacklePoke: '{{FOULS.pokeRun}} × tacklerV + {{FOULS.pokeOffset}} × offset',
} as const;

export type FormulaName = keyof typeof FORMULAS;

type Token = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:e[-+]?\d+)?)|([A-Za-zσ_][\w.₀-₉]*)|(√|²|[-+−×·*/(),]))/uy;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`formula: cannot read "${text.slice(at)}" in "${text}"`);
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'id', v: m[2] });
    else out.push({ t: 'op', v: m[3] === '−' ? '-' : m[3] === '×' || m[3] === '·' ? '*' : m[3]! });
  }
  return out;
}

/** Evaluates a printed formula with the given variables (scalars only). Throws on anything it cannot read. */
export function evaluate(text: string, vars: Record<string, number>): number {
  const ts = tokens(text);
  let i = 0;
  const peek = (): Token | undefined => ts[i];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()!.v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`formula: expected "${v}" in "${text}"`);
    i++;
  };
  const sum = (): number => {
    let v = product();
    while (isOp('+') || isOp('-')) v = ts[i++]!.v === '+' ? v + product() : v - product();
    return v;
  };
  const product = (): number => {
    let v = unary();
    while (isOp('*') || isOp('/')) v = ts[i++]!.v === '*' ? v * unary() : v / unary();
    return v;
  };
  const unary = (): number => (isOp('-') ? (i++, -unary()) : power());
  const power = (): number => {
    let v = atom();
    while (isOp('²')) {
      i++;
      v = v * v;
    }
    return v;
  };
  const args = (): number[] => {
    expect('(');
    const list = [sum()];
    while (isOp(',')) {
      i++;
      list.push(sum());
    }
    expect(')');
    return list;
  };
  const atom = (): number => {
    const tok = ts[i++];
    if (!tok) throw new Error(`formula: "${text}" ends too early`);
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'op' && tok.v === '(') {
      const v = sum();
      expect(')');
      return v;
    }
    if (tok.t === 'op' && tok.v === '√') {
      const [a] = args();
      return Math.sqrt(a!);
    }
    if (tok.t === 'id' && (tok.v === 'min' || tok.v === 'max')) return Math[tok.v](...args());
    if (tok.t === 'id') {
      const v = vars[tok.v];
      if (v === undefined) throw new Error(`formula: no value for ${tok.v} in "${text}"`);
      return v;
    }
    throw new Error(`formula: unexpected "${tok.v}" in "${text}"`);
  };
  const v = sum();
  if (i !== ts.length) throw new Error(`formula: unexpected "${ts[i]!.v}" in "${text}"`);
  return v;
}
