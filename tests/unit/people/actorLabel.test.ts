import { describe, expect, it } from 'vitest';
import { actorLabel } from '../../../lib/people/actorLabel';

describe('actorLabel', () => {
  it('is "Navn (Organisation)" for someone acting on behalf of an organisation', () => {
    expect(actorLabel('Mette Hansen', { name: 'Grundejerforeningen Solsikken' })).toBe('Mette Hansen (Grundejerforeningen Solsikken)');
  });

  it('is the name alone for someone acting for themselves', () => {
    expect(actorLabel('Mette Hansen')).toBe('Mette Hansen');
    expect(actorLabel('Mette Hansen', null)).toBe('Mette Hansen');
  });

  it('leaves out an organisation without a name rather than showing empty brackets', () => {
    expect(actorLabel('Mette Hansen', { name: '  ' })).toBe('Mette Hansen');
  });

  it('trims both parts', () => {
    expect(actorLabel(' Mette Hansen ', { name: ' Center for Miljø ' })).toBe('Mette Hansen (Center for Miljø)');
  });
});
