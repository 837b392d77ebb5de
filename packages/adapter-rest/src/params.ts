/** A cursor-paged list's `cursor` and `limit` as query parameters (the client drops unset ones). */
export const pageParams = (q: { readonly cursor?: string | null; readonly limit?: number }) => ({
  cursor: q.cursor ?? undefined,
  limit: q.limit,
});
