import { IncompleteError } from '../../core/errors.js';

export interface GithubResponse {
  status: number;
  body: unknown;
}

/**
 * Minimal GitHub REST client: token from the environment, never logged; retries 5xx and secondary rate
 * limits (honouring Retry-After) a few times; everything else is returned for the caller to judge.
 */
export class GithubClient {
  private readonly base: string;
  private readonly token: string | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: { baseUrl?: string; token?: string; sleep?: (ms: number) => Promise<void> }) {
    this.base = (opts.baseUrl ?? 'https://api.github.com').replace(/\/$/, '');
    this.token = opts.token;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async get(path: string): Promise<GithubResponse> {
    let last: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${this.base}${path}`, {
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'appwrite-secops',
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
          signal: AbortSignal.timeout(15_000),
        });
      } catch (err) {
        last = err;
        await this.sleep(250 * 2 ** attempt);
        continue;
      }
      const limited = res.status === 429 || (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0');
      if (res.status >= 500 || limited) {
        const retryAfter = Number(res.headers.get('retry-after'));
        last = new Error(`HTTP ${res.status}`);
        await res.arrayBuffer();
        await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt);
        continue;
      }
      const text = await res.text();
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = { message: text.slice(0, 200) };
        }
      }
      return { status: res.status, body };
    }
    throw new IncompleteError(`GitHub API ${path} did not answer: ${(last as Error)?.message ?? 'unknown error'}`, { hint: 'check the network and --github-api' });
  }
}
