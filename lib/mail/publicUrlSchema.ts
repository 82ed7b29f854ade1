/** `PUBLIC_URL`: an http(s) origin without path, query or fragment; empty or unset means none. */
import { optionalUrlSchema } from '../optionalUrlSchema';

export const publicUrlSchema = optionalUrlSchema('https://samskriv.example.dk', (url) => {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    return { problem: 'must be an http:// or https:// address without user or password' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { problem: 'must be an origin only (no path, query or fragment)' };
  }
  return { value: url.origin };
});
