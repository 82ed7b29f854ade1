/** A URL of a service the server connects to (`DATABASE_URL`, `REDIS_URL`): empty or unset means none. */
import { optionalUrlSchema, serviceUrl } from './optionalUrlSchema';

export function serviceUrlSchema(protocols: readonly string[], example: string) {
  return optionalUrlSchema(`${example}`, serviceUrl(protocols));
}
