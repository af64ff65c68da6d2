import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { extractOrderIds } from '../../domain/entities';
import { returnReceivedSignal } from '../../workflows/conversation/definitions';
import { allowRoles } from '../authorization';
import { HttpError, notFound } from '../http-error';

/** Events about orders from the back office, such as the warehouse receiving a returned parcel. */
export function orderRoutes(deps: { db: Knex; client: Client }): Router {
  const router = Router();

  router.post('/:orderId/return-received', allowRoles('agent', 'supervisor'), async (req, res) => {
    const orderId = extractOrderIds(String(req.params.orderId))[0];
    if (!orderId) throw new HttpError(400, 'invalid_order_id', 'order ids look like W1234567 (or %23W1234567)');
    if (!(await deps.db('orders').where({ id: orderId }).first('id'))) throw notFound(`order ${orderId}`);
    const waiting = (await deps.db('return_conversations').where({ order_id: orderId }).first('workflow_id', 'created_at')) as
      | { workflow_id: string; created_at: string | Date }
      | undefined;
    if (!waiting) throw notFound(`a requested return for order ${orderId}`);
    // The return's refund saga writes its ledger row once the parcel is received: from then on no return waits.
    const refunded = await deps.db('refund_ledger')
      .where({ order_id: orderId })
      .whereIn('purpose', ['return', 'price_difference'])
      .where('created_at', '>=', waiting.created_at)
      .first('id');
    if (refunded) throw notFound(`a return still waiting for order ${orderId} (it was received and refunded)`);
    await deps.client.workflow.getHandle(waiting.workflow_id as string).signal(returnReceivedSignal, { orderId });
    res.status(202).json({ orderId, status: 'refund_started' });
  });

  return router;
}
