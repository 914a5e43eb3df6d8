// The companion's `fetch` as the entry file wires it: never following a redirect (a captive
// portal's, or one that would carry a token or code elsewhere: a 3xx is classified like any
// unexpected answer), and aborted at the companion's timeout where the runtime has
// AbortController (not in the SDK's types: feature-detected; whether the phone honours
// `redirect: "manual"` is unverified, sim/README.md).
import { HttpRequest, HttpResponse } from "../deps";

/** What a fetch may be given; `signal` only when the runtime can abort. */
export interface FetchInit {
  method: string;
  headers: { [name: string]: string };
  body?: string;
  redirect: "manual";
  signal?: unknown;
}

/** The runtime's AbortController, when it has one. */
export interface AbortControllerLike {
  readonly signal: unknown;
  abort(): void;
}

export function createHttp(
  fetchFn: (url: string, init: FetchInit) => Promise<HttpResponse>,
  makeController: (() => AbortControllerLike) | null,
  setTimer: (callback: () => void, ms: number) => void,
): (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse> {
  return (request, timeoutMs) => {
    const init: FetchInit = {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
    };
    if (makeController !== null) {
      const controller = makeController();
      init.signal = controller.signal;
      setTimer(() => controller.abort(), timeoutMs);
    }
    return fetchFn(request.url, init);
  };
}
