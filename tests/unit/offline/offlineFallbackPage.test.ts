import { describe, expect, it } from 'vitest';
import { offlineFallbackHtml, offlineFallbackResponse } from '../../../app/_offline/offlineFallbackPage';

describe('the offline fallback page', () => {
  it('is a complete Danish page with a way back to the document list, and no scripts', () => {
    const html = offlineFallbackHtml('da');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Du er offline</h1>');
    expect(html).toContain('<a href="/">Gå til dokumentlisten</a>');
    expect(html).not.toContain('<script');
  });

  it('speaks English to an English browser', () => {
    const html = offlineFallbackHtml('en');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('Du er offline');
  });

  it('is answered as 503, never stored, under a CSP that allows nothing but its inline style', async () => {
    const response = offlineFallbackResponse('da');
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('server-timing')).toContain('samskriv-offline');
    expect(await response.text()).toContain('Du er offline');
  });
});
