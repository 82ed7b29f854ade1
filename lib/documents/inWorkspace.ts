/** The documents of one workspace (all of them when no workspace is chosen), order kept. */
export function inWorkspace<T extends { readonly workspaceId: string | null }>(documents: readonly T[], workspaceId: string | null): T[] {
  return workspaceId === null ? [...documents] : documents.filter((document) => document.workspaceId === workspaceId);
}
