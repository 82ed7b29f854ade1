import { describe, expect, it } from 'vitest';
import { markReadSchema, notificationQuerySchema } from '../../../app/_shared/notificationSchemas';
import { firstIssueCode } from '../../../app/_shared/schemas';

const codeOf = (result: { success: boolean; error?: Parameters<typeof firstIssueCode>[0] }) =>
  result.success ? 'ok' : firstIssueCode(result.error!);

describe('notification route inputs', () => {
  it('takes ids or all, nothing else, and names the problem', () => {
    expect(markReadSchema.parse({ ids: ['n_1', 'n_2'] })).toEqual({ ids: ['n_1', 'n_2'] });
    expect(markReadSchema.parse({ all: true })).toEqual({ all: true });
    const refused = [
      {},
      { ids: [] },
      { ids: ['n_1'], all: true },
      { all: false },
      { ids: 'n_1' },
      { ids: [''] },
      { ids: ['x'.repeat(101)] },
      { ids: Array.from({ length: 201 }, (_, i) => `n_${i}`) },
      { ids: ['n_1'], extra: 1 },
      null,
      [],
    ];
    expect(refused.map((body) => codeOf(markReadSchema.safeParse(body)))).toEqual(refused.map(() => 'notification_ids_invalid'));
  });

  it('reads the list query with defaults and refuses what it does not know', () => {
    expect(notificationQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(notificationQuerySchema.parse({ unread: '1', limit: '10', lang: 'en' })).toEqual({ unread: '1', limit: 10, lang: 'en' });
    expect(codeOf(notificationQuerySchema.safeParse({ unread: 'yes' }))).toBe('unread_invalid');
    expect(codeOf(notificationQuerySchema.safeParse({ limit: '0' }))).toBe('limit_invalid');
    expect(codeOf(notificationQuerySchema.safeParse({ limit: '101' }))).toBe('limit_invalid');
    expect(codeOf(notificationQuerySchema.safeParse({ limit: 'ti' }))).toBe('limit_invalid');
    expect(codeOf(notificationQuerySchema.safeParse({ lang: 'de' }))).toBe('lang_invalid');
  });
});
