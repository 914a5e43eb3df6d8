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
 * The watch's JerryScript is ES5.1 without Intl: no ES2015+ globals or methods, and toLocale*
 * answer without a locale as JerryScript 2.4 does. Removing the rest from the bundle's context
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
  // JerryScript 2.4 (ES5.1, no Intl) answers the toLocale* methods without a locale; these give
  // what its Linux build prints (README "Watch engine"): a face that shows them shows this.
  function two(n) { return (n < 10 ? "0" : "") + n; }
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var jerry = {
    "Number.prototype": { toLocaleString: function () { return Number(this).toString(); } },
    "Date.prototype": {
      toLocaleString: function () {
        var off = -this.getTimezoneOffset(), abs = Math.abs(off);
        return DAYS[this.getDay()] + " " + MONTHS[this.getMonth()] + " " + two(this.getDate()) + " " +
          this.getFullYear() + " " + two(this.getHours()) + ":" + two(this.getMinutes()) + ":" +
          two(this.getSeconds()) + " GMT" + (off < 0 ? "-" : "+") + two(Math.floor(abs / 60)) + two(abs % 60);
      },
      toLocaleDateString: function () {
        return this.getFullYear() + "-" + two(this.getMonth() + 1) + "-" + two(this.getDate());
      },
      toLocaleTimeString: function () {
        var ms = this.getUTCMilliseconds();
        return two(this.getUTCHours()) + ":" + two(this.getUTCMinutes()) + ":" + two(this.getUTCSeconds()) +
          "." + (ms < 100 ? "0" : "") + two(ms);
      }
    },
    "String.prototype": {
      toLocaleUpperCase: function () { return String(this).toUpperCase(); },
      toLocaleLowerCase: function () { return String(this).toLowerCase(); },
      localeCompare: function (that) { var a = String(this), b = String(that); return a < b ? -1 : a > b ? 1 : 0; }
    },
    "Array.prototype": {
      toLocaleString: function () {
        var out = [];
        for (var i = 0; i < this.length; i++) out.push(this[i] == null ? "" : this[i].toLocaleString());
        return out.join(",");
      }
    },
    "Object.prototype": { toLocaleString: function () { return this.toString(); } }
  };
  for (var where in jerry)
    for (var method in jerry[where])
      Object.defineProperty(owner(where), method, { value: jerry[where][method], writable: true, configurable: true });
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
    if (Object.prototype.hasOwnProperty.call(env.modules, name)) {
      // The platform's modules are ES modules: SDK 5's bundler wraps a module without
      // `__esModule` as {default: module}; SDK 6 reads `.default` as it is.
      const module = env.modules[name];
      if (module !== null && typeof module === "object" && !("__esModule" in module))
        Object.defineProperty(module, "__esModule", { value: true });
      return module;
    }
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
