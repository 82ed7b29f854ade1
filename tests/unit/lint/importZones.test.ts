import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers as the lint enforces them (eslint.config.mjs): lib imports neither app nor server, app
 * does not import server, server does not import app, and zod comes from lib/zodWithoutEval in every
 * zone (each zone's rule replaces the general one, so it must repeat the zod entries).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
// Loading the config and the TypeScript parser takes seconds on a busy machine: done once, here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.mjs` });
  await eslint.lintText('export {};\n', { filePath: `${root}lib/warmUp.ts` });
}, 60_000);

async function restricted(filePath: string, from: string): Promise<string[]> {
  const code = `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === RULE).map((message) => message.message);
}

const CASES: ReadonlyArray<{ file: string; from: string; refused: boolean }> = [
  { file: 'lib/people/Example.ts', from: '../../server/people', refused: true },
  { file: 'lib/people/Example.ts', from: '../../app/_server/http', refused: true },
  { file: 'lib/services.ts', from: '../server/sharing/createSharingService', refused: true },
  { file: 'lib/people/Example.ts', from: '@/server/people', refused: true },
  { file: 'lib/people/Example.ts', from: 'zod', refused: true },
  { file: 'lib/people/Example.ts', from: '../access/can', refused: false },
  { file: 'app/_server/Example.ts', from: '../../server/people', refused: true },
  { file: 'app/api/documents/route.ts', from: '../../../server/people/PeopleError', refused: true },
  { file: 'app/api/documents/route.ts', from: 'zod', refused: true },
  { file: 'app/api/documents/route.ts', from: '../../_server/http', refused: false },
  { file: 'app/api/documents/route.ts', from: '../../../lib/services', refused: false },
  { file: 'app/api/documents/route.ts', from: 'next/server', refused: false },
  { file: 'server/people/Example.ts', from: '../../app/_server/http', refused: true },
  { file: 'server/people/Example.ts', from: 'zod', refused: true },
  { file: 'server/people/Example.ts', from: '../../lib/people/Principal', refused: false },
  { file: 'server/people/Example.ts', from: '../sync/Room', refused: false },
  { file: 'lib/zodWithoutEval.ts', from: 'zod', refused: false },
  { file: 'tests/unit/Example.test.ts', from: '../../server/people', refused: false },
];

describe('ESLint import zones', () => {
  it.each(CASES)('$file importing $from: refused $refused', async ({ file, from, refused }) => {
    const messages = await restricted(file, from);
    if (refused) expect(messages).toHaveLength(1);
    else expect(messages).toEqual([]);
  });

  it('names the layer rule, not only the zod one, for a layer crossing', async () => {
    const [message] = await restricted('app/_server/Example.ts', '../../server/people');
    expect(message).toContain('app/ may not import from server/');
  });
});
