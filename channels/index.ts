// Channel adapters: how what the product has to tell a customer reaches them where they talk to us.
export type { ChannelAdapter, CustomerNotice, DeliveryOutcome, NoticeKind } from './channel-adapter';
export { chatChannel } from './chat';
export { adaptersOver, deliverNotice, deliverNoticesFromActivities, type AdaptersOver, type DeliveryDeps } from './deliver-notice';
export { conversationFor, type ConversationStarter } from './conversation-for';
