// Runs a built CommonJS bundle in its own vm context: `require` serves the emulated Fitbit
// modules by bare name, globals are the ones the platform provides, and Date follows the
// virtual clock (the process's TZ is the scenario's time zone).
import { createContext, runInContext } from "node:vm";

/** What a bundle sees: its modules by name and extra globals. */
export interface BundleEnvironment {
  name: string;
  modules: Record<string, unknown>;
  globals: Record<string, unknown>;
  now(): number;
  /** Gives each new Date of the bundle its local readings (a watch in another zone). */
  localize?: (date: Date) => Date;
  /** Strip the context to what the watch's ES5.1 engine offers (BARE_ES5 below). */
  bare?: boolean;
  /**
   * A module the simulator does not emulate was required: the bundle gets an inert stand-in
   * (`notEmulated`) instead of a crash, and the host reports the name.
   */
  notEmulated(name: string): void;
}

/**
 * An inert stand-in for a module the simulator does not emulate: every member is another
 * stand-in that can be read, called or constructed and does nothing (`then` stays undefined so
 * that it is never mistaken for a promise; it converts to "" and 0).
 */
export function inertModule(): unknown {
  const target = function () {
    return undefined;
  };
  const handler: ProxyHandler<typeof target> = {
    get: (_t, key) => {
      if (key === "then") return undefined;
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === "number" ? 0 : "");
      return inert;
    },
    set: () => true,
    apply: () => inert,
    construct: () => inert as object,
  };
  const inert: unknown = new Proxy(target, handler);
  return inert;
}

/**
 * The watch's JerryScript is ES5.1 without Intl (docs/reference/fitbit-os.md §2.1): no ES2015+ globals or
 * methods, and toLocale* (which would need Intl) throws. Removing them from the bundle's context
 * makes a regression that relies on them fail in the simulator and in tests, not on a wrist.
 */
const BARE_ES5 = `(function (g) {
  var globals = ["Map", "Set", "WeakMap", "WeakSet", "Promise", "Symbol", "Proxy", "Reflect", "Intl",
    "BigInt", "WeakRef", "FinalizationRegistry", "Atomics", "SharedArrayBuffer", "AggregateError",
    "globalThis", "queueMicrotask", "structuredClone", "WebAssembly", "TextEncoder", "TextDecoder",
    "URL", "URLSearchParams", "escape", "unescape"];
  var members = {
    Object: ["assign", "entries", "values", "fromEntries", "is", "getOwnPropertySymbols", "setPrototypeOf",
      "getOwnPropertyDescriptors", "hasOwn", "groupBy"],
    Array: ["from", "of"],
    "Array.prototype": ["find", "findIndex", "findLast", "findLastIndex", "fill", "includes", "entries", "keys",
      "values", "copyWithin", "flat", "flatMap", "at", "toReversed", "toSorted", "toSpliced", "with"],
    String: ["fromCodePoint", "raw"],
    "String.prototype": ["includes", "startsWith", "endsWith", "repeat", "padStart", "padEnd", "codePointAt",
      "normalize", "trimStart", "trimEnd", "trimLeft", "trimRight", "at", "replaceAll", "matchAll", "isWellFormed", "toWellFormed"],
    Number: ["isInteger", "isSafeInteger", "isNaN", "isFinite", "parseFloat", "parseInt", "EPSILON",
      "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"],
    Math: ["trunc", "sign", "log10", "log2", "hypot", "cbrt", "expm1", "log1p", "fround", "imul", "clz32",
      "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
  };
  function owner(path) {
    var parts = path.split("."), o = g;
    for (var i = 0; i < parts.length; i++) o = o[parts[i]];
    return o;
  }
  for (var i = 0; i < globals.length; i++) delete g[globals[i]];
  for (var path in members) {
    var o = owner(path);
    for (var j = 0; j < members[path].length; j++) delete o[members[path][j]];
  }
  function noIntl(name) {
    return function () { throw new TypeError(name + " needs Intl, which the watch does not have"); };
  }
  var locales = [["Number.prototype", "toLocaleString"], ["Date.prototype", "toLocaleString"],
    ["Date.prototype", "toLocaleDateString"], ["Date.prototype", "toLocaleTimeString"],
    ["String.prototype", "toLocaleUpperCase"], ["String.prototype", "toLocaleLowerCase"],
    ["String.prototype", "localeCompare"], ["Array.prototype", "toLocaleString"], ["Object.prototype", "toLocaleString"]];
  for (var k = 0; k < locales.length; k++)
    Object.defineProperty(owner(locales[k][0]), locales[k][1], { value: noIntl(locales[k][1]), writable: true, configurable: true });
})`;

const VIRTUAL_DATE = `(function (RealDate, now, localize) {
  function VirtualDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof VirtualDate)) return new RealDate(now()).toString();
    if (args.length === 0) return localize(new RealDate(now()));
    return localize(new (Function.prototype.bind.apply(RealDate, [null].concat(args)))());
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = function () { return now(); };
  VirtualDate.UTC = RealDate.UTC;
  VirtualDate.parse = RealDate.parse;
  return VirtualDate;
})`;

/** Creates the context and runs the bundle; throws what the bundle throws at load. */
export function runBundle(source: string, file: string, env: BundleEnvironment): Record<string, unknown> {
  const context = createContext({ console: undefined });
  if (env.bare === true) (runInContext(BARE_ES5, context) as (g: unknown) => void)(runInContext("this", context));
  const makeDate = runInContext(VIRTUAL_DATE, context) as (
    real: unknown,
    now: () => number,
    localize: (d: Date) => Date,
  ) => unknown;
  context.Date = makeDate(runInContext("Date", context) as unknown, env.now, env.localize ?? ((d) => d));
  for (const [key, value] of Object.entries(env.globals)) context[key] = value;
  const require = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(env.modules, name)) return env.modules[name];
    env.notEmulated(name);
    return inertModule();
  };
  const module = { exports: {} as Record<string, unknown> };
  const wrapper: unknown = runInContext(`(function (require, module, exports) {\n${source}\n})`, context, {
    filename: file,
  });
  (wrapper as (r: unknown, m: unknown, e: unknown) => void)(require, module, module.exports);
  return module.exports;
}
