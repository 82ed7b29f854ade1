/** A SyncLogger that keeps what it was told, to assert on "logged once" and "no secrets in logs". */
import type { SyncLogger } from '../../server/sync/SyncLogger';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: object;
  readonly msg: string | undefined;
}

export interface RecordingLogger extends SyncLogger {
  readonly lines: LogLine[];
  /** Every line as one JSON string: search it for things that must not be there. */
  text(): string;
}

export function recordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => lines.map((line) => JSON.stringify({ ...line, obj: serialise(line.obj) })).join('\n'),
  };
}

function serialise(obj: object): unknown {
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [key, value instanceof Error ? value.message : value]));
}
