import type { ExchangeItemsFlow } from '../../../domain/conversation';
import { customerFlow, statusesFor } from './dialogue-flow';
import { askItemToModify, continueModify, itemChangeAlternatives } from './steps/item-change';

/** Another option for delivered items: the new ones ship, and any difference is refunded, once the old ones are back. */
export const exchangeItems = customerFlow<ExchangeItemsFlow>({
  kind: 'exchange_items',
  opening: 'I can help you exchange an item.',
  orders: {
    statuses: statusesFor('exchange'),
    elsewhere: 'modify_items',
    which: 'Which order would you like to exchange items from?',
    noneLeft: 'You have no delivered orders whose items can still be exchanged.',
  },
  askNext: askItemToModify,
  alternatives: itemChangeAlternatives,
  continue: continueModify,
});
