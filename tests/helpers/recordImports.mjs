// `node --import ./tests/helpers/recordImports.mjs …`: writes every module URL the process resolves
// to stdout, one per line after the marker "imported ", so a test can see what a start loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stdout.write('imported ' + resolved.url + '\\n');
  return resolved;
}`)}`,
);
