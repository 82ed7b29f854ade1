/**
 * The editor's schema and what uses it on the server (bodyTools.ts), loaded once, on first need:
 * about 25 MB of modules that a start does not wait for. The server preloads it right after it
 * listens (startServer), so the first document created, restored or exported does not pay for it.
 */
import type * as bodyTools from './bodyTools';

export type BodyTools = typeof bodyTools;

let loading: Promise<BodyTools> | undefined;

export function loadBodyTools(): Promise<BodyTools> {
  loading ??= import('./bodyTools');
  // A failed import (a broken install) is tried again on the next call rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}
