import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

interface Service {
  image?: string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  volumes?: string[];
  secrets?: string[];
  restart?: string;
  ports?: string[];
  networks?: string[];
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { name?: string; external?: boolean; internal?: boolean }>;
  secrets?: Record<string, { file: string }>;
}

// Compose resolves "<<" merge keys (YAML 1.1); the yaml package does so only when asked.
const load = (path: string) => parse(read(path), { merge: true }) as Compose;
const prod = load('docker-compose.prod.yml');
const monitoring = load('docker-compose.monitoring.yml');

const SECRET_VARIABLE = /(SECRET|PASSWORD|TOKEN|API_KEY|DSN|_KEY)$/;
const dependencies = (s: Service) =>
  Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});

describe.each([
  ['docker-compose.prod.yml', prod],
  ['docker-compose.monitoring.yml', monitoring],
])('%s', (_file, compose) => {
  it('depends only on services it defines, and waits for them to be healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const target of dependencies(service)) {
        expect(compose.services, `${name} depends on ${target}`).toHaveProperty(target);
        expect(compose.services[target]?.healthcheck, `${target} has no healthcheck`).toBeDefined();
      }
      if (!Array.isArray(service.depends_on)) {
        for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
          expect(condition, `${name} -> ${target}`).toBe('service_healthy');
        }
      }
    }
  });

  it('restarts, health-checks and limits every service', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.healthcheck?.test, `${name} healthcheck`).toBeDefined();
      expect(service.healthcheck?.disable, name).not.toBe(true);
      expect(service.deploy?.resources?.limits?.memory, `${name} memory limit`).toBeTruthy();
    }
  });

  it('declares every named volume and network it uses', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (/^[\w-]+$/.test(source)) {
          expect(compose.volumes, `${name} uses volume ${source}`).toHaveProperty(source);
        }
      }
      for (const network of service.networks ?? []) {
        expect(compose.networks, `${name} uses network ${network}`).toHaveProperty(network);
      }
      for (const secret of service.secrets ?? []) {
        expect(compose.secrets, `${name} uses secret ${secret}`).toHaveProperty(secret);
      }
    }
  });

  it('holds no secret values: they come from ${VAR} substitution', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (!SECRET_VARIABLE.test(key) || key.endsWith('__FILE')) continue;
        expect(String(value), `${name}.${key}`).toMatch(/^\$\{[A-Z_]+(:?[-?][^}]*)?\}$/);
      }
      for (const value of Object.values(service.environment ?? {})) {
        // Credentials embedded in URLs must be substitutions too.
        const credentials = /:\/\/([^@/]*)@/.exec(String(value))?.[1];
        if (credentials) expect(credentials, name).toMatch(/^(\$\{[^}]+\}|:)*$/);
      }
    }
    for (const [name, { file }] of Object.entries(compose.secrets ?? {})) {
      expect(file, `secret ${name}`).toMatch(/^\$\{[A-Z_]+:\?/);
    }
  });

  it('mounts only files and directories that exist in the repository', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('./')) continue;
        expect(existsSync(`${root}${source.slice(2)}`), `${name} mounts ${source}`).toBe(true);
      }
    }
  });
});

describe('docker-compose.prod.yml', () => {
  it('runs two API instances, the worker, PostgreSQL, Redis and nginx', () => {
    expect(Object.keys(prod.services).sort()).toEqual(
      ['api-1', 'api-2', 'nginx', 'postgres', 'redis', 'worker'].sort(),
    );
  });

  it('runs the API and the worker from the same tagged image', () => {
    const images = ['api-1', 'api-2', 'worker'].map((s) => prod.services[s]?.image);
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/\$\{IMAGE_TAG:\?/);
    expect(prod.services.worker?.command).toEqual(['node', 'server/dist/worker.js']);
  });

  it('configures the app for production behind the proxy', () => {
    for (const name of ['api-1', 'api-2', 'worker']) {
      const env = prod.services[name]?.environment ?? {};
      expect(env.NODE_ENV, name).toBe('production');
      expect(env.HOST, name).toBe('0.0.0.0');
      expect(env.TRUST_PROXY, name).toBe('true');
      expect(String(env.DATABASE_URL), name).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(String(env.REDIS_URL), name).toMatch(/^redis:\/\/.*@redis:6379/);
      expect(env.JWT_SECRET, name).toMatch(/^\$\{JWT_SECRET:\?/);
    }
    expect(prod.services.worker?.environment?.METRICS_PORT).toBe('9464');
  });

  it('lets only one API instance migrate at a time', () => {
    expect(dependencies(prod.services['api-2']!)).toContain('api-1');
  });

  it('keeps PostgreSQL and Redis data in volumes on an internal network', () => {
    expect(prod.services.postgres?.image).toMatch(/^postgres:16/);
    expect(prod.services.redis?.image).toMatch(/^redis:7/);
    expect(prod.services.postgres?.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(prod.services.redis?.volumes).toContain('redisdata:/data');
    expect(prod.networks?.backend?.internal).toBe(true);
    expect(prod.services.postgres?.ports).toBeUndefined();
    expect(prod.services.redis?.ports).toBeUndefined();
  });

  it('publishes only nginx, with its config and certificates mounted', () => {
    const published = Object.entries(prod.services).filter(([, s]) => s.ports?.length);
    expect(published.map(([n]) => n)).toEqual(['nginx']);
    expect(prod.services.nginx?.volumes).toContain(
      './deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro',
    );
    expect(prod.services.nginx?.volumes?.some((v) => v.endsWith(':/etc/nginx/certs:ro'))).toBe(
      true,
    );
  });

  it('shares the monitoring network with the monitoring stack by name', () => {
    expect(prod.networks?.monitoring?.name).toBe('gw2optimizer-monitoring');
    expect(monitoring.networks?.monitoring).toEqual({
      name: 'gw2optimizer-monitoring',
      external: true,
    });
  });
});

describe('docker-compose.monitoring.yml', () => {
  it('runs Prometheus, Alertmanager and Grafana', () => {
    expect(Object.keys(monitoring.services).sort()).toEqual([
      'alertmanager',
      'grafana',
      'prometheus',
    ]);
  });

  it('gives Prometheus its config and rule file side by side', () => {
    const volumes = monitoring.services.prometheus?.volumes ?? [];
    expect(volumes).toContain('./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(volumes).toContain('./monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro');
    const config = parse(read('monitoring/prometheus.yml')) as { rule_files: string[] };
    expect(config.rule_files).toEqual(['alerts.yml']);
  });

  it('mounts the secret files where the configs read them', () => {
    const prometheus = read('monitoring/prometheus.yml');
    const alertmanager = read('monitoring/alertmanager.yml');
    for (const secret of monitoring.services.prometheus?.secrets ?? []) {
      expect(prometheus).toContain(`/run/secrets/${secret}`);
    }
    for (const secret of monitoring.services.alertmanager?.secrets ?? []) {
      expect(alertmanager).toContain(`/run/secrets/${secret}`);
    }
    for (const path of [...prometheus.matchAll(/\/run\/secrets\/(\w+)/g)].map((m) => m[1])) {
      expect(monitoring.services.prometheus?.secrets).toContain(path);
    }
    for (const path of [...alertmanager.matchAll(/\/run\/secrets\/(\w+)/g)].map((m) => m[1])) {
      expect(monitoring.services.alertmanager?.secrets).toContain(path);
    }
  });

  it('scrapes the services the production stack runs', () => {
    const config = parse(read('monitoring/prometheus.yml')) as {
      scrape_configs: {
        job_name: string;
        static_configs?: { targets: string[] }[];
        dns_sd_configs?: { names: string[]; port: number }[];
      }[];
    };
    const targets = config.scrape_configs.flatMap((job) => [
      ...(job.static_configs ?? []).flatMap((s) => s.targets),
      ...(job.dns_sd_configs ?? []).flatMap((d) => d.names.map((name) => `${name}:${d.port}`)),
    ]);
    expect(targets).toEqual(expect.arrayContaining(['api-1:4000', 'api-2:4000', 'worker:9464']));
    for (const target of targets) {
      const host = target.split(':')[0]!;
      if (host === 'localhost') continue;
      expect({ ...prod.services, ...monitoring.services }, target).toHaveProperty(host);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds in stages on Node 20 and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/node:20[.\d]*-bookworm-slim/);
    expect(dockerfile).toMatch(/\bnpm ci\b/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server\/dist\/main\.js"\]$/m);
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.data', '.git', '**/node_modules', '**/dist']) {
      expect(ignored).toContain(entry);
    }
  });
});
