// The contestant's and the admin's side of the season API: a small fetch client whose errors are one plain line.
import { UserError } from '../tournament/errors.js';
import { API_PREFIX } from './api/prefix.js';

export interface ClientOptions {
  server?: string | undefined;
  token?: string | undefined;
}

/** The API base (`http://host:port/api/v1`) from --server, adding the prefix when it is missing. */
export function apiBase(server: string): string {
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    throw new UserError(`--server must be a URL such as http://127.0.0.1:7420, got '${server.slice(0, 100)}'`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UserError(`--server must be an http or https URL, got '${server.slice(0, 100)}'`);
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.origin}${path.endsWith(API_PREFIX) ? path : path + API_PREFIX}`;
}

export class SeasonClient {
  readonly base: string;
  private readonly token: string | undefined;

  /** --server and --token, or MATCHDAY_SERVER and MATCHDAY_TOKEN from the environment. */
  constructor(opts: ClientOptions, needToken = true) {
    const server = opts.server ?? process.env.MATCHDAY_SERVER;
    if (!server) throw new UserError('no server: pass --server URL (or set MATCHDAY_SERVER)');
    this.base = apiBase(server);
    this.token = opts.token ?? process.env.MATCHDAY_TOKEN;
    if (needToken && !this.token) throw new UserError('no token: pass --token T (or set MATCHDAY_TOKEN)');
  }

  /** One request; a 4xx/5xx becomes a UserError with the server's message, unless its status is in `accept`. */
  async request<T>(method: string, path: string, body?: unknown, accept: number[] = []): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await fetch(this.base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new UserError(`cannot reach ${this.base}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
      }
      // Rate-limited reads wait as the server asks (a long `season advance` polls); writes are never repeated.
      if (res.status !== 429 || method !== 'GET' || attempt >= 5) break;
      const wait = Math.min(30, Math.max(1, Number(res.headers.get('retry-after')) || 1));
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the message
    }
    if (res.status >= 400 && !accept.includes(res.status)) {
      const msg = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? String((parsed as { error: unknown }).error) : text.slice(0, 300);
      const hint = res.status === 401 ? ' (check --token)' : res.status === 403 ? ' (this token may not do that)' : '';
      throw new UserError(`${method} ${path}: ${res.status} ${msg}${hint}`);
    }
    return { status: res.status, body: parsed as T };
  }

  /** Which team (or the admin) this token is. */
  async me(): Promise<{ role: 'admin' | 'team'; team: string | null }> {
    return (await this.request<{ role: 'admin' | 'team'; team: string | null }>('GET', '/me')).body;
  }

  /** The token's own team; a UserError for the admin token. */
  async team(): Promise<string> {
    const me = await this.me();
    if (me.role !== 'team' || !me.team) throw new UserError('this is the admin token: pass a team token');
    return me.team;
  }
}
