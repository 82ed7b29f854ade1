import { describe, expect, it } from 'vitest';
import { apiKeyCreator, belongsToKey } from '../../../lib/platformApi/belongsToKey';
import { externalSubject } from '../../../lib/platformApi/schemas';

const by = (id: string) => ({ createdBy: { id, name: 'x' } });

describe('belongsToKey', () => {
  it('is true for documents the key created and those its edit tokens created', () => {
    expect(belongsToKey(by(apiKeyCreator('k_1')), 'k_1')).toBe(true);
    expect(belongsToKey(by(externalSubject('k_1', 'borger-7')), 'k_1')).toBe(true);
  });

  it('is false for people’s documents and for another key’s, even one whose id starts the same', () => {
    expect(belongsToKey(by('p_123'), 'k_1')).toBe(false);
    expect(belongsToKey(by(apiKeyCreator('k_2')), 'k_1')).toBe(false);
    expect(belongsToKey(by(apiKeyCreator('k_12')), 'k_1')).toBe(false);
    expect(belongsToKey(by(externalSubject('k_12', 'u')), 'k_1')).toBe(false);
  });
});
