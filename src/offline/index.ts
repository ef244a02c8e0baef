// Offline use: the service worker's registration and what the page shows of it.
export { OfflineStatus } from './OfflineStatus';
export type { OfflineBuild, OfflineGroup, OfflineGroupId } from './protocol';
export { OFFLINE_GROUP_IDS } from './protocol';
export { registerServiceWorker } from './register';
