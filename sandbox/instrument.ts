// Checks a policy's JavaScript and instruments it for the work budget, by insertion only:
// no character of the author's text moves to another line, so V8's line numbers stay right.
//  - every function body gets a unit and a depth level, held in a local (__md_f); each return
//    hands the level back after its value is computed, `return (__md_v=(E),__md_c.d=__md_f-1,__md_v)`
//    with __md_v a `let` of the body, and so does the end of the body. Written out, not a call of a
//    runtime function: a call the JIT must inline at every return used up its inlining budget and
//    cost ladder-5 ~20% of its own work (docs/PERFORMANCE-HISTORY.md, ninth round). A throw skips
//    that: a catch or finally of the frame that handles it sets the depth back to its own level,
//    and a tick starts from zero. So the count is never below the real nesting, with no try/finally
//    on every call (a cost V8 pays on every call);
//  - in the factory form (how matches load policies), the counter object is read once per body into
//    a local, `const __md_c=__md_b`, which the body's checks and returns use: the module's __md_b
//    sits two contexts up from a policy function (the factory's and the module's), and V8 walked
//    that chain and checked the object's map again at every use, in every inlined callee, since a
//    match's fresh closures make their contexts unknown to the JIT. Code outside such a body (the
//    factory's top level, a generator, a class static block, a parameter list) uses __md_b. In the
//    module form a top-level function's context is the module's, a constant to the JIT, and the
//    local would only take a register (docs/PERFORMANCE-HISTORY.md, ninth round);
//  - a parameter's default value and a class field's initial value run before any body does
//    (a field's in a constructor V8 writes): each is wrapped in an arrow that counts like a body,
//    so recursion through them (`f(n, x = f(n))`, `class A { a = new A() }`) meets the depth cap,
//    not V8's stack limit, whose depth differs from machine to machine;
//  - every loop body gets a unit per iteration;
//  - a generator's body gets a unit but no depth level: it may be suspended across calls, so
//    its depth is counted where it is resumed (the runtime wraps next/return/throw instead, and
//    keeps that level in __md_b.g, which a catch or finally in the body sets the depth back to);
//  - spread (`...x`), object spread and `for (k in x)` go through the runtime, which charges
//    the real size of x before V8 walks it (and bounds argument lists); so do the object of
//    `instanceof` and of `in`, charged by the length of its prototype chain (guest/chains.ts);
//  - a write of an array's length is charged by its growth (guest/lengths.ts says why): a static
//    `x.length` write target (assignment, compound, ++/--, destructuring, for-in/of head) becomes
//    `__md_g(x).length`; a computed one `x[k]` becomes `(__md_oN=x)[typeof(__md_oM=(k))==='number'
//    ?__md_oM:__md_k(__md_oN,__md_oM)]`: a number key (the hot case) costs a check, any other is
//    converted once by __md_k; the store itself stays at its own site, with its own inline cache.
//    The temporaries are `let`s of the innermost function body (or `var`s of the module), one per
//    site, so a site re-entered by recursion never shares one. `super.length` and `super[k]` write
//    targets are refused (their receiver is `this`, out of the rewrite's reach);
//  - one import line in front of line 1 brings in the counter, the trip and those helpers.
// The checks are inlined (see guest/budget.ts for their shape and why).
import ts from 'typescript';
import { RESERVED_PREFIX, RUNTIME_SPECIFIER } from './protocol.js';
import { makeLinearCheck } from './guest/harden.js';
import { ensureV8Flags } from './flags.js';
import { applyEdits, factoryParts } from './factory.js';

export type Instrumented = { ok: true; code: string } | { ok: false; line: number; problem: string };

interface Insertion {
  pos: number;
  text: string;
  close: boolean;
  depth: number;
  /** Whose temporaries' declaration replaces the PLACE in text. */
  scope?: Scope;
}

/** Where a computed write target's temporaries are declared: a function body, an initializer's arrow, a static block, or the module. */
interface Scope {
  names: string[];
  /** A parameter list outside any default value: no body to declare in yet (the body's lets are not initialised). */
  params?: boolean;
  /** The body returns a value: it declares the return's temporary (V). */
  ret?: boolean;
  /** The body opens with OPEN_FN, which declares the counter's local (C): its loops may use it. */
  local?: boolean;
}

/** Stands in an insertion's text for its scope's `let` declaration, filled in once the scope is visited. */
const PLACE = '\u0000';

const B = `${RESERVED_PREFIX}b`;
const T = `${RESERVED_PREFIX}t`;
const S = `${RESERVED_PREFIX}s`;
/**
 * Deepest nesting of syntax a policy may have (brackets, conditions, operators, statements inside one
 * another). Parsing it recurses, in TypeScript on the host and in V8 in the isolate, and each ends at its
 * real stack's end, which differs between code paths and machines (700 nested parentheses already ran
 * TypeScript's parser out of stack in the CLI, and crashed it). Real policies nest a few dozen levels.
 */
export const MAX_SOURCE_DEPTH = 500;
/** What a file nested deeper than MAX_SOURCE_DEPTH (or too deep for the parser at all) is told. */
export const TOO_DEEP = `the code nests deeper than ${MAX_SOURCE_DEPTH} levels (brackets, conditions, operators or statements inside one another), more than the sandbox reads`;
/** Most parameters a function may declare: huge frames would move where V8's stack ends. */
export const MAX_PARAMS = 255;
/** A return's value, held while the frame's level is handed back: a `let` of each function body that returns one. */
const V = `${RESERVED_PREFIX}v`;
/** The frame's own depth level, a const in every instrumented function body. */
const F = `${RESERVED_PREFIX}f`;
/** The depth saved on entering a finally block, given back when the block completes (not KEY: the block may write x[k]). */
const K = `${RESERVED_PREFIX}j`;
/** The body's own reference to the counter object (see the file's opening comment). */
const C = `${RESERVED_PREFIX}c`;
/** A loop body's unit: through the body's local where there is one. */
const loopCheck = (local: boolean): string => `if(--${local ? C : B}.n<0)${T}();`;
/** A static `.length` write target's base goes through this (guest/lengths.ts). */
const G = `${RESERVED_PREFIX}g`;
/** A computed write target's key that is not a number goes through this (guest/lengths.ts). */
const KEY = `${RESERVED_PREFIX}k`;
/** Prefix of the per-site temporaries of computed write targets. */
const TMP = `${RESERVED_PREFIX}o`;
/** A body's end: the frame's level handed back through `cb` (C, or B in the module form). */
const closeFn = (cb: string): string => `;${cb}.d=${F}-1;`;
/** Around a returned expression E: `(V=(E),C.d=F-1,V)` (B for C in the module form). */
const RET_OPEN = `(${V}=(`;
const retClose = (cb: string): string => `),${cb}.d=${F}-1,${V})`;

/** Whose depth a catch or finally sets back: a function's (its F), the module's (0), or a generator's resumption's (B.g). */
type Frame = 'fn' | 'top' | 'gen';

/**
 * True when `n` (a property or element access) is written to: the left of an assignment (compound
 * and logical ones too), the operand of ++ or --, a for-in/for-of head, or a destructuring target.
 */
function isWriteTarget(n: ts.Node): boolean {
  let cur = n;
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) {
    cur = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    return p.left === cur && op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
  if (ts.isForInStatement(p) || ts.isForOfStatement(p)) return p.initializer === cur;
  if (ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === cur)) return isAssignmentTarget(p);
  return false;
}

/** How a write target's key can reach 'length': never (a number or another literal), always (the literal 'length'), or only at run time. */
function lengthKey(n: ts.PropertyAccessExpression | ts.ElementAccessExpression): 'never' | 'static' | 'computed' {
  if (ts.isPropertyAccessExpression(n)) return !ts.isPrivateIdentifier(n.name) && n.name.text === 'length' ? 'static' : 'never';
  const a = n.argumentExpression;
  if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) return a.text === 'length' ? 'static' : 'never';
  return ts.isNumericLiteral(a) ? 'never' : 'computed';
}

function isLoop(n: ts.Node): n is ts.IterationStatement {
  return (
    ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n) || ts.isWhileStatement(n) || ts.isDoStatement(n)
  );
}

function hasBody(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n)
  );
}

/** True when `n` (an array or object literal, or a spread in one) is written to: a destructuring assignment target. */
function isAssignmentTarget(n: ts.Node): boolean {
  let cur = n;
  for (let p = n.parent; p; cur = p, p = p.parent) {
    if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p) || ts.isSpreadElement(p) || ts.isSpreadAssignment(p) || ts.isParenthesizedExpression(p)) continue;
    if (ts.isPropertyAssignment(p) && p.initializer === cur) continue;
    if (ts.isShorthandPropertyAssignment(p)) continue;
    if (ts.isBinaryExpression(p)) return p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.left === cur;
    if (ts.isForInStatement(p) || ts.isForOfStatement(p)) return p.initializer === cur;
    return false;
  }
  return false;
}

/** True for a value computed before any body runs: a parameter's default (also inside a destructured parameter) or a class field's initializer. */
function isEntryInitializer(n: ts.Node): n is ts.ParameterDeclaration | ts.BindingElement | ts.PropertyDeclaration {
  if (ts.isPropertyDeclaration(n)) return n.initializer !== undefined;
  if (!(ts.isParameter(n) || ts.isBindingElement(n)) || n.initializer === undefined) return false;
  for (let p: ts.Node | undefined = n; p; p = p.parent) {
    if (ts.isParameter(p)) return true;
    if (hasBody(p) || ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

function isAsync(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

/** The first problem that keeps the file from loading, or null. */
function refusal(n: ts.Node, sf: ts.SourceFile, linear: (p: string, f: string) => void): string | null {
  if ((hasBody(n) && isAsync(n)) || ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
    return 'async functions and await are not allowed: promise jobs would run outside the tick\'s budget (a policy is synchronous)';
  }
  if (hasBody(n) && n.parameters.length > MAX_PARAMS) return `a function may declare at most ${MAX_PARAMS} parameters (found ${n.parameters.length})`;
  if (ts.isImportDeclaration(n) || ts.isImportEqualsDeclaration(n) || (ts.isExportDeclaration(n) && n.moduleSpecifier)) {
    const spec = ts.isImportEqualsDeclaration(n) ? '' : ` "${(n.moduleSpecifier as ts.StringLiteral | undefined)?.text ?? ''}"`;
    return `imports are not allowed (found import${spec}): a policy is one self-contained file`;
  }
  if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword)
    return 'import() is not allowed: a policy is one self-contained file';
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'require')
    return 'require() is not allowed: a policy is one self-contained file';
  if ((ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) && n.text.replace(/^#/, '').startsWith(RESERVED_PREFIX))
    return `names starting with ${RESERVED_PREFIX} are reserved for the sandbox (found ${n.text})`;
  if (n.kind === ts.SyntaxKind.BigIntLiteral)
    return `BigInt literals are not allowed (found ${n.getText(sf).slice(0, 40)}): BigInt arithmetic is native work the budget cannot see`;
  if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
    const text = n.getText(sf);
    const slash = text.lastIndexOf('/');
    try {
      linear(text.slice(1, slash), text.slice(slash + 1));
    } catch (err) {
      return (err as Error).message.replace(/^matchday: /, '');
    }
  }
  return null;
}

/**
 * `form` 'module' keeps the policy a module (its exports as written); 'factory' makes it a module whose
 * one export, __md_m, returns the policy's exports with fresh bindings each call (sandbox/factory.ts).
 */
export function instrument(js: string, filename: string, maxDepth: number, form: 'module' | 'factory' = 'module'): Instrumented {
  // The counter's reference in a function body: its local in the factory form (see the opening comment).
  const local = form === 'factory';
  const CB = local ? C : B;
  const OPEN_FN = `${local ? `const ${C}=${B},` : 'const '}${F}=++${CB}.d;if(--${CB}.n<0||${F}>${Math.floor(maxDepth)})${T}();`;
  const CLOSE_FN = closeFn(CB);
  const RET_CLOSE = retClose(CB);
  const GEN_OPEN = `if(--${B}.n<0)${T}();`;
  ensureV8Flags();
  const linear = makeLinearCheck(RegExp);
  const sf = ts.createSourceFile(filename, js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  // parseDiagnostics is internal to TypeScript but stable for years; V8 reports anything it misses.
  const diags = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diags[0];
  if (first) return { ok: false, line: lineOf(first.start), problem: `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` };

  const ins: Insertion[] = [];
  let problem: { line: number; problem: string } | null = null;
  let temps = 0;
  const temp = (scope: Scope): string => {
    const name = `${TMP}${temps++}`;
    scope.names.push(name);
    return name;
  };
  const visit = (n: ts.Node, depth: number, frame: Frame, scope: Scope): void => {
    if (problem) return;
    if (depth > MAX_SOURCE_DEPTH) {
      problem = { line: lineOf(n.getStart(sf)), problem: TOO_DEEP };
      return;
    }
    const why = refusal(n, sf, linear);
    if (why) {
      problem = { line: lineOf(n.getStart(sf)), problem: why };
      return;
    }
    // V8 refuses it in a module; inside the factory it would be legal, so it is refused here for both.
    if (ts.isReturnStatement(n) && frame === 'top') {
      problem = { line: lineOf(n.getStart(sf)), problem: 'syntax error: a return statement outside a function' };
      return;
    }
    // The scopes this node opens for its children's temporaries (see the file's opening comment).
    const own: { body?: Scope; params?: Scope; init?: Scope } = {};
    if (hasBody(n) && n.body) {
      own.body = { names: [], local: local && !n.asteriskToken };
      own.params = { names: [], params: true };
    }
    if (hasBody(n) && n.body && n.asteriskToken) {
      // A generator: a unit on each start, no depth level (see the file's opening comment).
      ins.push({ pos: n.body.getStart(sf) + 1, text: PLACE + GEN_OPEN, close: false, depth, scope: own.body });
    } else if (hasBody(n) && n.body) {
      const body = n.body;
      if (ts.isBlock(body) && body.getStart(sf) + 1 === body.end - 1) {
        ins.push({ pos: body.end - 1, text: OPEN_FN + CLOSE_FN, close: false, depth }); // `{}`: one piece keeps the order
      } else if (ts.isBlock(body)) {
        ins.push({ pos: body.getStart(sf) + 1, text: PLACE + OPEN_FN, close: false, depth, scope: own.body });
        ins.push({ pos: body.end - 1, text: CLOSE_FN, close: true, depth });
      } else {
        own.body!.ret = true;
        ins.push({ pos: body.getStart(sf), text: `{${PLACE}${OPEN_FN}return ${RET_OPEN}`, close: false, depth, scope: own.body });
        ins.push({ pos: body.end, text: `${RET_CLOSE}}`, close: true, depth });
      }
    }
    if (ts.isClassStaticBlockDeclaration(n)) {
      own.body = { names: [] };
      ins.push({ pos: n.body.getStart(sf) + 1, text: PLACE, close: false, depth, scope: own.body });
    }
    // Returns hand the frame's level back once their value is computed (a generator has none).
    if (ts.isReturnStatement(n) && frame === 'fn') {
      if (n.expression) {
        scope.ret = true; // a return's scope is its function's body (no other scope holds a return)
        ins.push({ pos: n.expression.getStart(sf), text: RET_OPEN, close: false, depth });
        ins.push({ pos: n.expression.end, text: RET_CLOSE, close: true, depth });
      } else {
        // Braced, not appended: `return` then a line starting with ( or [ must stay two statements.
        ins.push({ pos: n.getStart(sf), text: `{${CB}.d=${F}-1;`, close: false, depth });
        ins.push({ pos: n.end, text: '}', close: true, depth });
      }
    }
    // A catch or finally runs in its frame whatever threw above it: the depth is set back to the
    // frame's own. A finally gives back what it found (a pending return's level) when it completes.
    // In a generator, the level of its resumption now running (B.g, set by the wrapped next/return/throw): without
    // it a generator catching what a helper threw from deeper kept that depth, and an honest loop of them met the cap.
    const level = frame === 'fn' ? F : frame === 'gen' ? `${B}.g` : '0';
    if (ts.isCatchClause(n)) {
      ins.push({ pos: n.block.getStart(sf) + 1, text: `${B}.d=${level};`, close: false, depth });
    }
    // A generator's finally gives nothing back: no return of its body holds a level, and a yield in the block
    // may suspend it, so what it found may be another resumption's (restored at a deeper resumption, a
    // shallower one's level let recursion pass the cap: cases/rt2.ts). B.g is right when it completes.
    if (ts.isTryStatement(n) && n.finallyBlock && frame === 'gen') {
      ins.push({ pos: n.finallyBlock.getStart(sf) + 1, text: `${B}.d=${level};`, close: false, depth });
    } else if (ts.isTryStatement(n) && n.finallyBlock) {
      const fin = n.finallyBlock;
      ins.push({ pos: fin.getStart(sf) + 1, text: `const ${K}=${B}.d;${B}.d=${level};`, close: false, depth });
      ins.push({ pos: fin.end - 1, text: `;${B}.d=${K};`, close: true, depth });
    }
    const wrapExpr = (e: ts.Expression, open: string, close: string): void => {
      ins.push({ pos: e.getStart(sf), text: open, close: false, depth: depth + 1 });
      ins.push({ pos: e.end, text: close, close: true, depth: depth + 1 });
    };
    // An arrow keeps `this`, `arguments`, `super` and `new.target` of the place it stands in.
    if (isEntryInitializer(n) && n.initializer) {
      own.init = { names: [], ret: true, local };
      ins.push({ pos: n.initializer.getStart(sf), text: `(()=>{${PLACE}${OPEN_FN}return ${RET_OPEN}`, close: false, depth: depth + 1, scope: own.init });
      ins.push({ pos: n.initializer.end, text: `${RET_CLOSE}})()`, close: true, depth: depth + 1 });
    }
    // A write that can set an array's length: charged by its growth (see the file's opening comment).
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && isWriteTarget(n)) {
      const kind = lengthKey(n);
      if (kind !== 'never' && n.expression.kind === ts.SyntaxKind.SuperKeyword) {
        problem = { line: lineOf(n.getStart(sf)), problem: "writing super.length or super[key] is not allowed: its receiver is this, out of the sandbox's length charge (write this.length or this[key])" };
        return;
      }
      if (kind === 'static') wrapExpr(n.expression, `${G}(`, ')');
      if (kind === 'computed') {
        if (scope.params) {
          problem = { line: lineOf(n.getStart(sf)), problem: 'writing a computed property inside a parameter list (outside a default value) is not allowed: move it into the body' };
          return;
        }
        const base = temp(scope);
        const key = temp(scope);
        wrapExpr(n.expression, `(${base}=`, ')');
        wrapExpr((n as ts.ElementAccessExpression).argumentExpression, `typeof(${key}=(`, `))==='number'?${key}:${KEY}(${base},${key})`);
      }
    }
    if (ts.isSpreadElement(n) && !isAssignmentTarget(n)) {
      const inCall = ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent);
      wrapExpr(n.expression, `${S}.spread(`, `,${inCall ? 1 : 0})`);
    }
    if (ts.isSpreadAssignment(n) && !isAssignmentTarget(n)) wrapExpr(n.expression, `${S}.spreadObject(`, ')');
    if (ts.isForInStatement(n)) wrapExpr(n.expression, `${S}.forIn(`, ')');
    // V8 walks the object's whole prototype chain for these, in one native step (guest/chains.ts charges it).
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) wrapExpr(n.left, `${S}.inst(`, ')');
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.InKeyword && !ts.isPrivateIdentifier(n.left)) wrapExpr(n.right, `${S}.inst(`, ')');
    // Rest in array destructuring walks the whole iterable: `const [a, ...r] = x` charges x first.
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isArrayBindingPattern(n.name) && n.name.elements.some((e) => ts.isBindingElement(e) && e.dotDotDotToken)) {
      wrapExpr(n.initializer, `${S}.spread(`, ',0)');
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isArrayLiteralExpression(n.left) && n.left.elements.some((e) => ts.isSpreadElement(e))) {
      wrapExpr(n.right, `${S}.spread(`, ',0)');
    }
    if (isLoop(n)) {
      const body = n.statement;
      const check = loopCheck(scope.local === true);
      if (ts.isBlock(body)) ins.push({ pos: body.getStart(sf) + 1, text: check, close: false, depth });
      else {
        ins.push({ pos: body.getStart(sf), text: `{${check}`, close: false, depth });
        ins.push({ pos: body.end, text: '}', close: true, depth });
      }
    }
    const inner: Frame = hasBody(n) && n.body ? (n.asteriskToken ? 'gen' : 'fn') : frame;
    n.forEachChild((child) => {
      let sc = scope;
      if (hasBody(n) && n.body) sc = child === n.body ? (own.body as Scope) : n.parameters.includes(child as ts.ParameterDeclaration) ? (own.params as Scope) : scope;
      else if (ts.isClassStaticBlockDeclaration(n) && child === n.body) sc = own.body as Scope;
      else if (isEntryInitializer(n) && child === n.initializer) sc = own.init as Scope;
      visit(child, depth + 1, inner, sc);
    });
  };
  const top: Scope = { names: [] };
  visit(sf, 0, 'top', top);
  if (problem) return { ok: false, ...(problem as { line: number; problem: string }) };

  // The imports are copied into module variables at once: V8 reloads an imported binding and checks
  // it for the temporal dead zone at every use, and these are used at every call and loop iteration.
  // A \`var\` has no dead zone; the policy cannot name, and so cannot assign, a reserved name.
  const header =
    `import { b as ${B}0, t as ${T}0, s as ${S}0, g as ${G}0, k as ${KEY}0 } from ${JSON.stringify(RUNTIME_SPECIFIER)};` +
    `var ${B}=${B}0,${T}=${T}0,${S}=${S}0,${G}=${G}0,${KEY}=${KEY}0${top.names.map((t) => `,${t}`).join('')};`;
  let src = js;
  let open = '';
  if (form === 'factory') {
    let fac: ReturnType<typeof factoryParts>;
    try {
      fac = factoryParts(sf, js);
    } catch (err) {
      return { ok: false, line: 1, problem: (err as Error).message.replace(/^matchday: /, '') };
    }
    src = applyEdits(js, fac.edits);
    open = fac.open;
    ins.push({ pos: js.length, text: fac.close, close: true, depth: -1 });
  }
  // A hashbang must stay first: the import then goes at the start of line 2.
  const headerPos = js.startsWith('#!') ? js.indexOf('\n') + 1 || js.length : 0;
  ins.push({ pos: headerPos, text: (headerPos === js.length && headerPos > 0 ? `\n${header}` : header) + open, close: false, depth: -1 });
  // At one position: closings before openings; inner closings first, outer openings first.
  ins.sort((a, b) => a.pos - b.pos || (a.close === b.close ? (a.close ? b.depth - a.depth : a.depth - b.depth) : a.close ? -1 : 1));
  const parts: string[] = [];
  let at = 0;
  for (const i of ins) {
    const names = i.scope ? [...(i.scope.ret ? [V] : []), ...i.scope.names] : [];
    const text = i.scope ? i.text.replace(PLACE, names.length > 0 ? `let ${names.join(',')};` : '') : i.text;
    parts.push(src.slice(at, i.pos), text);
    at = i.pos;
  }
  parts.push(src.slice(at));
  return { ok: true, code: parts.join('') };
}
