// Small helpers for the fake servers: reading bodies, answering JSON, form parsing.
import { IncomingMessage, ServerResponse } from "node:http";

/** A request as the handlers see it: parsed URL, raw body, form fields and bearer token. */
export interface FakeRequest {
  method: string;
  url: URL;
  body: string;
  form: URLSearchParams;
  bearer: string | null;
}

/** What a handler answers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const auth = req.headers.authorization ?? "";
  return {
    method: req.method ?? "GET",
    url: new URL(req.url ?? "/", "http://fake"),
    body,
    form: new URLSearchParams(String(req.headers["content-type"] ?? "").includes("form") ? body : ""),
    bearer: auth.startsWith("Bearer ") ? auth.slice(7) : null,
  };
}

export function writeResponse(res: ServerResponse, answer: FakeResponse): void {
  const text = answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
  const type = answer.raw !== undefined ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
  res.writeHead(answer.status, { "content-type": type, ...(answer.headers ?? {}) });
  res.end(text);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
  return { status, body, headers };
}

/** Google's API error envelope (docs/reference/google-health-api.md §6). */
export function googleError(code: number, status: string, message: string, reason?: string): FakeResponse {
  const details =
    reason === undefined
      ? []
      : [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, domain: "googleapis.com" }];
  return json(code, { error: { code, message, status, details } });
}

/** Fitbit's error envelope (docs/reference/fitbit-web-api.md §2.5). */
export function fitbitError(code: number, errorType: string, message: string): FakeResponse {
  return json(code, { errors: [{ errorType, message }], success: false });
}

/** A random-looking but deterministic token: prefix + counter + seed. */
export function makeToken(prefix: string, counter: number, seed: number): string {
  return `${prefix}${seed.toString(36)}x${counter.toString(36)}${"abcdefghijklmnop".slice(counter % 7)}`;
}
