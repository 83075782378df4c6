import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../pipeline/preview/server.js';
import { chapter, EPOCH, removeAll, writeEdition } from './helpers.js';

/**
 * A hostile web page open in the editor's browser must not be able to read the preview (DNS
 * rebinding), start PDF runs or hold event streams (cross-site requests), or use the preview as an
 * open redirect. Requests are made with raw headers, as a browser or an attacker's script would
 * send them.
 */
interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      // An event stream never ends: the status and headers are the answer.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        req.destroy();
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const essay = chapter('title: Culture\nkind: essay\nsummary: Culture in cities.', '## Venues\n\nTheatres and libraries.\n');

describe('the preview answers only its own user', () => {
  let root: string;
  let preview: Preview;
  let port: string;
  beforeAll(async () => {
    root = await writeEdition({ 'culture.md': essay });
    preview = await startPreview({
      root,
      port: 0,
      host: '127.0.0.1',
      profile: 'public',
      buildDate: new Date(Number(EPOCH) * 1000),
      // A PDF run that gets through fails fast instead of starting Chromium.
      browserPath: '/nonexistent/chromium',
      log: () => undefined,
    });
    port = new URL(preview.url).port;
  }, 120_000);
  afterAll(async () => {
    await preview?.close();
    await removeAll(root);
  });

  it('serves pages to the loopback names with the right port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const r = await get(preview.url, '/culture/', { host });
      expect(r.status, host).toBe(200);
      expect(r.body, host).toContain('Theatres and libraries');
    }
  });

  it('refuses any other Host with 421 (DNS rebinding), pages and endpoints alike', async () => {
    const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1:1`, `localhost:${Number(port) + 1}`, `127.0.0.1`, `[::1]`];
    for (const host of hosts) {
      for (const path of ['/', '/culture/', '/__monitor/status', '/__monitor/events', '/__monitor/pdf', '/assets/site.css']) {
        const r = await get(preview.url, path, { host });
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.body, `${host} ${path}`).not.toContain('Theatres and libraries');
      }
    }
  });

  it('refuses a request without a Host header', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /culture/ HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(answer).not.toContain('Theatres and libraries');
  });

  it('refuses cross-site requests to the PDF and the event stream (403), and any foreign Origin', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${Number(port) + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      for (const path of ['/__monitor/pdf', '/__monitor/events']) {
        const r = await get(preview.url, path, headers);
        expect(r.status, `${JSON.stringify(headers)} ${path}`).toBe(403);
      }
      const post = await get(preview.url, '/__monitor/pdf', headers, 'POST');
      expect(post.status, `POST ${JSON.stringify(headers)}`).toBe(403);
    }
  });

  it('still serves the event stream to the page itself', async () => {
    const own: Record<string, string>[] = [{}, { origin: `http://127.0.0.1:${port}` }, { 'sec-fetch-site': 'same-origin' }, { origin: `http://localhost:${port}`, host: `localhost:${port}` }];
    for (const headers of own) {
      const r = await get(preview.url, '/__monitor/events', headers);
      expect(r.status, JSON.stringify(headers)).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/event-stream/);
    }
  });

  it('never redirects off the preview’s origin', async () => {
    const spellings = ['//culture', '/%2Fculture', '/%2F%2Fculture', '///culture', '/%5Cculture', '/%2F%5Cculture', '/\\culture', '/%2e/culture', '/culture'];
    let redirects = 0;
    for (const path of spellings) {
      const r = await get(preview.url, path);
      if (r.status < 300 || r.status >= 400) continue;
      redirects++;
      const location = String(r.headers['location']);
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, preview.url).origin, path).toBe(new URL(preview.url).origin);
      expect(location, path).toBe('/culture/');
    }
    // The plain spelling is a real folder redirect, so the check above ran at least once.
    expect(redirects).toBeGreaterThan(0);
  });

  it('refuses path traversal in every spelling', async () => {
    const spellings = [
      '/../edition.yaml',
      '/../../etc/passwd',
      '/%2e%2e/edition.yaml',
      '/%2E%2E%2Fedition.yaml',
      '/..%2fedition.yaml',
      '/..%5cedition.yaml',
      '/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
      '/culture/../../edition.yaml',
      '/assets/..%2f..%2f..%2fedition.yaml',
      '/%252e%252e/edition.yaml',
      '/chapters/culture.md',
      '/edition.yaml',
      '/%00',
      '/%',
      '/%E0%A4%A',
    ];
    for (const path of spellings) {
      const r = await get(preview.url, path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toMatch(/baseUrl|root:x:0|kind: essay/);
    }
  });
});
