/**
 * The running process's services, handed from the server entry to Next.js route handlers and
 * pages. Next bundles app code separately from server/, so module singletons are not shared;
 * the process-wide registry on globalThis is.
 */
import type { Config } from './config';
import type { DocumentService } from './documents/DocumentService';

export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Services {
  readonly config: Config;
  /** AUTH_SECRET, from the environment or generated into the data dir. */
  readonly secret: string;
  readonly documents: DocumentService;
  readonly logger: AppLogger;
}

const KEY = Symbol.for('samskriv.services');
type Registry = { [KEY]?: Services };

export function setServices(services: Services | undefined): void {
  (globalThis as Registry)[KEY] = services;
}

export function getServices(): Services {
  const services = (globalThis as Registry)[KEY];
  if (!services) throw new Error('Samskriv services are not initialised: start the app with `npm start` or `npm run dev`.');
  return services;
}
