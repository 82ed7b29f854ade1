/** docs/openapi.json and the route handlers under app/api/v1 describe the same operations, both ways. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const API_DIR = join(ROOT, 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}

/** `documents/[id]/access/route.ts` exporting POST → `POST /documents/{id}/access`. */
function implemented(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const dir = relative(API_DIR, join(file, '..')).split(sep).join('/');
    const path = `/${dir.replace(/\[([^\]]+)\]/g, '{$1}')}`;
    const source = readFileSync(file, 'utf8');
    return METHODS.filter((method) => new RegExp(`export (async )?function ${method}\\b`).test(source)).map(
      (method) => `${method} ${path}`,
    );
  });
}

function described(): string[] {
  const spec = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((key) => (METHODS as readonly string[]).includes(key.toUpperCase()))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI description of the platform API', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8'))).toMatchObject({ openapi: '3.1.0' });
  });

  it('describes every route under app/api/v1, and nothing that is not there', () => {
    const routes = implemented().sort();
    expect(routes.length).toBeGreaterThan(0);
    expect(described().sort()).toEqual(routes);
  });
});
