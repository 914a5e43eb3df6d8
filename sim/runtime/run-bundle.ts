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
}

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
  const makeDate = runInContext(VIRTUAL_DATE, context) as (
    real: unknown,
    now: () => number,
    localize: (d: Date) => Date,
  ) => unknown;
  context.Date = makeDate(runInContext("Date", context) as unknown, env.now, env.localize ?? ((d) => d));
  for (const [key, value] of Object.entries(env.globals)) context[key] = value;
  const require = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(env.modules, name)) return env.modules[name];
    throw new Error(`${env.name}: module "${name}" is not available on this platform`);
  };
  const module = { exports: {} as Record<string, unknown> };
  const wrapper: unknown = runInContext(`(function (require, module, exports) {\n${source}\n})`, context, {
    filename: file,
  });
  (wrapper as (r: unknown, m: unknown, e: unknown) => void)(require, module, module.exports);
  return module.exports;
}
