/**
 * The store refused an action on what it holds right now (the order is no longer pending, a gift card
 * is short, an item is not in the order), with the reference's message. Nothing was written. Anything
 * else thrown by an action (a database that is down, a bug) is a fault, not a refusal.
 */
export class ActionRefused extends Error {
  override name = 'ActionRefused';
}
