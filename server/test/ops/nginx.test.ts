import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Runs deploy/nginx/nginx.conf for real (ports and upstreams moved to loopback) in front of a
 * stub API, and checks what production relies on: redirect, security headers, /metrics
 * closed, body limit, forwarded headers and websocket upgrade on /graphql.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
const nginxAvailable = await run('nginx', ['-v']).then(
  () => true,
  () => false,
);

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function fetchRaw(url: string, options: { method?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: options.method ?? 'GET', rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe.skipIf(!nginxAvailable)('nginx in front of the API', () => {
  let work: string;
  let stub: Server;
  let wss: WebSocketServer;
  let nginx: ChildProcess;
  let httpPort: number;
  let httpsPort: number;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'gw2-nginx-'));
    // Worker processes run as an unprivileged user and must reach the temp dirs.
    await chmod(work, 0o755);
    await mkdir(path.join(work, 'certs'));
    await mkdir(path.join(work, 'logs'));
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      path.join(work, 'certs', 'privkey.pem'),
      '-out',
      path.join(work, 'certs', 'fullchain.pem'),
    ]);

    stub = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      req.resume();
      req.on('end', () => {
        // The API's own copy of a header nginx owns must not reach the client twice.
        res.writeHead(200, { 'content-type': 'application/json', 'x-frame-options': 'DENY' });
        res.end(JSON.stringify({ status: 'healthy', url: req.url }));
      });
    });
    wss = new WebSocketServer({ server: stub, path: '/graphql' });
    wss.on('connection', (socket) =>
      socket.on('message', (data) => socket.send(`echo:${String(data)}`)),
    );
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const address = stub.address();
    if (typeof address !== 'object' || !address) throw new Error('stub did not listen');

    httpPort = await freePort();
    httpsPort = await freePort();
    const conf = (await readFile(path.join(root, 'deploy/nginx/nginx.conf'), 'utf8'))
      .replace(/^user [^;]+;/m, '')
      .replace(/^\s*listen \[::\]:\d+[^;]*;$/gm, '')
      .replace(/listen 80 /g, `listen 127.0.0.1:${httpPort} `)
      .replace(/listen 443 /g, `listen 127.0.0.1:${httpsPort} `)
      .replace(/server api-\d+:4000/g, `server 127.0.0.1:${address.port}`)
      .replaceAll('/etc/nginx/certs/', `${work}/certs/`)
      .replaceAll('/var/log/nginx/', `${work}/logs/`)
      .replace('/var/run/nginx.pid', `${work}/nginx.pid`);
    await writeFile(path.join(work, 'nginx.conf'), conf);

    nginx = spawn(
      'nginx',
      [
        '-p',
        `${work}/`,
        '-e',
        `${work}/logs/error.log`,
        '-c',
        `${work}/nginx.conf`,
        '-g',
        'daemon off;',
      ],
      { stdio: 'ignore' },
    );
    // Ready when the HTTPS port answers.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await fetchRaw(`https://127.0.0.1:${httpsPort}/health`);
        break;
      } catch (error) {
        if (attempt > 100 || nginx.exitCode !== null) {
          throw new Error(
            `nginx did not start: ${await readFile(`${work}/logs/error.log`, 'utf8').catch(() => String(error))}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    wss?.close();
    await new Promise((resolve) => stub?.close(resolve));
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const reply = await fetchRaw(`http://127.0.0.1:${httpPort}/builds?x=1`);
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toMatch(/^https:\/\/127\.0\.0\.1\/builds\?x=1$/);
  });

  it('proxies to the API with forwarding headers and sets the security headers once', async () => {
    const reply = await fetchRaw(`https://127.0.0.1:${httpsPort}/health`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'healthy' });
    expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(reply.headers.server).toBe('nginx');

    const upstream = seen.find((s) => s.url === '/health');
    expect(upstream?.headers['x-forwarded-proto']).toBe('https');
    expect(upstream?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(upstream?.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never exposes /metrics', async () => {
    for (const url of ['/metrics', '/metrics?x=1', '/metrics/']) {
      expect((await fetchRaw(`https://127.0.0.1:${httpsPort}${url}`)).status).toBe(404);
    }
    expect(seen.some((s) => s.url.startsWith('/metrics'))).toBe(false);
  });

  it('refuses bodies over 1 MB before they reach the API', async () => {
    const small = await fetchRaw(`https://127.0.0.1:${httpsPort}/graphql`, {
      method: 'POST',
      body: 'x'.repeat(1000),
    });
    expect(small.status).toBe(200);
    const big = await fetchRaw(`https://127.0.0.1:${httpsPort}/graphql`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
  });

  it('upgrades websockets on /graphql', async () => {
    const socket = new WebSocket(`wss://127.0.0.1:${httpsPort}/graphql`, 'graphql-transport-ws', {
      rejectUnauthorized: false,
    });
    const reply = await new Promise<string>((resolve, reject) => {
      socket.once('open', () => socket.send('ping'));
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    socket.close();
    expect(reply).toBe('echo:ping');
    expect(socket.protocol).toBe('graphql-transport-ws');
  });
});
