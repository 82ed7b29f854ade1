/**
 * Tells followers when a consultation opens or closes by its dates (no act happens then, so a timer
 * looks): every `intervalMs`, the documents' dates that fell since the last look. The first look
 * after a start reaches back `catchUpMs`, so what fell while the server was down is told late rather
 * than never; delivery is idempotent, so looking at a moment twice tells nobody twice.
 */
import type { DocumentService } from '../../lib/documents/DocumentService';
import { consultationDateEvents } from '../../lib/notifications/consultationDateEvents';
import type { Notify } from '../../lib/notifications/model';

export interface ConsultationSweepOptions {
  readonly documents: Pick<DocumentService, 'list'>;
  readonly notify: Notify;
  readonly intervalMs: number;
  readonly catchUpMs: number;
  readonly now?: () => Date;
  readonly onError?: (error: unknown) => void;
}

export interface ConsultationSweep {
  /** One look now (the timer's; tests call it with their clock). */
  sweep(): Promise<void>;
  stop(): void;
}

export function startConsultationSweep(options: ConsultationSweepOptions): ConsultationSweep {
  const now = options.now ?? (() => new Date());
  let since = new Date(now().getTime() - options.catchUpMs);
  let running: Promise<void> | null = null;

  async function look(): Promise<void> {
    const until = now();
    const events = consultationDateEvents(await options.documents.list(), since, until);
    for (const event of events) await options.notify(event);
    since = until;
  }

  function sweep(): Promise<void> {
    // One look at a time: a slow one is not overtaken by the next tick.
    running ??= look()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void sweep(), options.intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
