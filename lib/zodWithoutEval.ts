/**
 * Zod without its eval probe. Zod tries `new Function('')` once to decide whether it may compile
 * fast parsers; under the app's CSP (no 'unsafe-eval') the browser reports that caught attempt as
 * a violation. Imported for its effect by every module that defines schemas the browser uses.
 */
import { z } from 'zod';

z.config({ jitless: true });
