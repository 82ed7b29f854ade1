/** A link to the admin page that keeps the people search and both lists' positions. */
export function adminHref(state: { q: string; offset: number; orgOffset: number }): string {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  if (state.offset > 0) params.set('offset', String(state.offset));
  if (state.orgOffset > 0) params.set('orgOffset', String(state.orgOffset));
  const query = params.toString();
  return query === '' ? '/admin' : `/admin?${query}`;
}
