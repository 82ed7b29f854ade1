/**
 * The app's only way to zod's `z`: zod configured without its eval probe. Zod tries
 * `new Function('')` once, when the first object schema is built, to decide whether it may compile
 * fast parsers; under the app's CSP (no 'unsafe-eval') the browser reports that caught attempt as a
 * violation. Because every module takes `z` from here (ESLint forbids importing 'zod' directly;
 * type-only imports are fine), this module's body, and so the setting, runs before any schema is
 * built, whatever order a bundle evaluates modules in. The server shares the setting, so parsing
 * behaves the same on both sides.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
