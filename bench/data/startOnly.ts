/**
 * `node --import tsx bench/data/startOnly.ts <seeded data dir> [runs]`: the start-to-serving figure
 * alone, on a copy of an existing data set (made once with `npm run seed:load`), so a change to the
 * start path can be measured without seeding each time. One JSON line per run, then the median.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startToServing } from './startToServing';

const [source, runsArg] = process.argv.slice(2);
if (!source) throw new Error('usage: node --import tsx bench/data/startOnly.ts <seeded data dir> [runs]');
const runs = Number(runsArg ?? 3);
const figures: { ms: number; rssMb: number; cpuMs: number }[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'samskriv-start-only-'));
  try {
    await cp(source, dataDir, { recursive: true });
    const figure = await startToServing(dataDir);
    figures.push(figure);
    process.stdout.write(`${JSON.stringify({ run: i + 1, ms: Math.round(figure.ms), rssMb: Math.round(figure.rssMb), cpuMs: Math.round(figure.cpuMs) })}\n`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({ median: { ms: Math.round(median(figures.map((f) => f.ms))), rssMb: Math.round(median(figures.map((f) => f.rssMb))), cpuMs: Math.round(median(figures.map((f) => f.cpuMs))) } })}\n`,
);
