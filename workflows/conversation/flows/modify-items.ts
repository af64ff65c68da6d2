import type { ModifyItemsFlow } from '../../../domain/conversation';
import { customerFlow, statusesFor } from './dialogue-flow';
import { askItemToModify, continueModify, itemChangeAlternatives } from './steps/item-change';

/** Another option (size, colour, ...) for items of a pending order, changed at once; the price difference is charged or refunded. */
export const modifyItems = customerFlow<ModifyItemsFlow>({
  kind: 'modify_items',
  opening: 'I can help you change an item of an order.',
  orders: {
    statuses: statusesFor('modify_items'),
    elsewhere: 'exchange_items',
    which: 'Which order would you like to change?',
    noneLeft: 'You have no orders whose items can still be changed: only orders that have not been processed yet can be.',
  },
  askNext: askItemToModify,
  alternatives: itemChangeAlternatives,
  continue: continueModify,
});
