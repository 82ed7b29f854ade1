import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a fixture script (through tsx) that prints one line per acknowledged write, SIGKILLs it once
 * `killAfter` lines have arrived, and returns the whole lines it printed before dying: exactly what
 * it was told was durable. A child that exits by itself rejects, with its stderr.
 */
export function runUntilKilled(fixture: string, args: readonly string[], killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > killAfter) killed = child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // 'close' comes after stdout is drained: every line the child wrote before dying is in `out`.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writing child exited by itself (code ${code}):\n${err}`));
      const lines = out.split('\n');
      lines.pop(); // an unfinished last line was not a whole acknowledgement
      resolve(lines);
    });
  });
}
