// The Worker's entry: every request goes to handler.ts. The main module of a Worker may export
// only handlers, so the endpoints and their limits live in handler.ts.
import { handle, oauthError } from "./handler";
import type { Env } from "./handler";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    try {
      return await handle(request, env);
    } catch {
      // Nothing about the request is logged: it may carry a code or a sealed token.
      return oauthError(500, "server_error", "the broker failed");
    }
  },
};
