/** The sync endpoint's public face: mount `createSyncServer(...).handleUpgrade` on an http.Server. */
export { createSyncServer, type SyncServer, type SyncServerOptions, type SyncServerStats, type SyncLimits } from './createSyncServer';
export type { SyncSocket } from './SyncSocket';
export { RoomRegistry, type RoomRegistryOptions, type RegistryStats } from './RoomRegistry';
