// Channel adapters: how what the product has to tell a customer reaches them where they talk to us.
export type { ChannelAdapter, CustomerNotice, DeliveryOutcome, NoticeKind } from './channel-adapter';
export { chatChannel } from './chat';
export { adaptersOver, adaptersWith, deliverNotice, deliverNoticesFromActivities, type AdaptersOver, type ChannelSettings, type DeliveryDeps } from './deliver-notice';
export { conversationFor, type ConversationStarter } from './conversation-for';
export { emailChannel } from './email/adapter';
export { EmailInbox, type Conversations } from './email/inbox';
export { mailOutOf, startEmailChannel, type EmailChannel } from './email/start';
export { mailSenderOf, type MailOutSettings, type MailSender } from './email/mail-out';
export { announceConversationChange, liveUpdates, subscribe, LiveUpdates, type ConversationChange } from './live-updates';
