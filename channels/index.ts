// Channel adapters: how what the product has to tell a customer reaches them where they talk to us.
export type { ChannelAdapter, CustomerNotice, DeliveryOutcome } from './channel-adapter';
export { chatChannel } from './chat';
export { deliverNotice, deliverNoticesFromActivities, type DeliveryDeps } from './deliver-notice';
export { announceConversationChange, liveUpdates, subscribe, LiveUpdates, type ConversationChange } from './live-updates';
