/**
 * Writes a generated data set through the store interfaces in lib, act by act as the services
 * would (a document's comments as one CommentStore.update): works for any backend whose writes
 * cost what the act costs.
 */
import type { SeedStores } from './SeedStores';
import type { SeedWriter } from './SeedWriter';

export function storeWriter(stores: SeedStores): SeedWriter {
  return {
    async holds() {
      const people = (await stores.accounts.listPeople({ offset: 0, limit: 1 })).total;
      const documents = (await stores.metadata.listDocuments()).length;
      return { people, documents };
    },
    async people(batch) {
      await Promise.all(batch.map((person) => stores.accounts.createPerson(person)));
    },
    async organisations(organisations, memberships) {
      await Promise.all(organisations.map((organisation) => stores.accounts.createOrganisation(organisation)));
      await Promise.all(memberships.map((membership) => stores.accounts.addMembership(membership)));
    },
    async workspaces(workspaces) {
      await Promise.all(workspaces.map((workspace) => stores.accounts.createWorkspace(workspace)));
    },
    async document({ meta, body }) {
      await stores.documents.append(meta.id, body);
      await stores.metadata.createDocument(meta);
    },
    async comments(documentId, comments, log) {
      await stores.comments.update(documentId, () => ({ put: comments, log, result: null }));
    },
    async request(request) {
      await stores.sharing.createRequest(request);
    },
    close: () => stores.close(),
  };
}
