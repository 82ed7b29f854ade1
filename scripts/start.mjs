// `npm start`: build when there is no current production build, then run the server in THIS
// process (no child to orphan when npm is killed).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsCurrent, buildOrExit } from './lib/buildState.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!buildIsCurrent(root)) buildOrExit(root, 'no current production build');
process.env.NODE_ENV = 'production';
await import(pathToFileURL(join(root, 'dist', 'server.js')).href);
