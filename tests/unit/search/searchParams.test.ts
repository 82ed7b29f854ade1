import { describe, expect, it } from 'vitest';
import { readSearchParams } from '../../../lib/search/searchParams';

const read = (query: string, strict = true) => readSearchParams(new URLSearchParams(query), { strict });

describe('the search’s query string', () => {
  it('reads the words, the filters and the limit', () => {
    expect(read('q=grønne+områder&workspace=ws_1&kind=comment&phase=consultation&tag=Trafik&limit=5')).toEqual({
      ok: true,
      request: { q: 'grønne områder', workspaceId: 'ws_1', kind: 'comment', state: 'consultation', tag: 'trafik', limit: 5 },
    });
    expect(read('q=skole&workspace=&kind=')).toEqual({ ok: true, request: { q: 'skole', limit: 20 } });
  });

  it('refuses what it cannot read, each with its own code', () => {
    expect(read('')).toEqual({ ok: false, code: 'search_query_missing' });
    expect(read('q=%20%20')).toEqual({ ok: false, code: 'search_query_missing' });
    expect(read(`q=${'a'.repeat(201)}`)).toEqual({ ok: false, code: 'query_too_long' });
    expect(read(`q=${'a'.repeat(200)}`).ok).toBe(true);
    expect(read('q=a&limit=0')).toEqual({ ok: false, code: 'search_limit_invalid' });
    expect(read('q=a&limit=51')).toEqual({ ok: false, code: 'search_limit_invalid' });
    expect(read('q=a&limit=2.5')).toEqual({ ok: false, code: 'search_limit_invalid' });
    expect(read('q=a&kind=person')).toEqual({ ok: false, code: 'search_kind_invalid' });
    expect(read('q=a&phase=deleted')).toEqual({ ok: false, code: 'search_phase_invalid' });
    expect(read('q=a&workspace=../x')).toEqual({ ok: false, code: 'search_workspace_invalid' });
    expect(read('q=a&q=b')).toEqual({ ok: false, code: 'search_param_repeated' });
    expect(read('q=a&sort=new')).toEqual({ ok: false, code: 'search_param_unknown' });
    expect(read('q=a&sort=new', false).ok).toBe(true);
  });
});
