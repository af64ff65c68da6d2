import { z } from 'zod';
import type { RetailTool } from './tool';
import { calculate } from './tools/calculate';
import { cancelPendingOrder } from './tools/cancel-pending-order';
import { exchangeDeliveredOrderItems } from './tools/exchange-delivered-order-items';
import { findUserIdByEmail } from './tools/find-user-id-by-email';
import { findUserIdByNameZip } from './tools/find-user-id-by-name-zip';
import { getItemDetails } from './tools/get-item-details';
import { getOrderDetails } from './tools/get-order-details';
import { getProductDetails } from './tools/get-product-details';
import { getUserDetails } from './tools/get-user-details';
import { listAllProductTypes } from './tools/list-all-product-types';
import { modifyPendingOrderAddress } from './tools/modify-pending-order-address';
import { modifyPendingOrderItems } from './tools/modify-pending-order-items';
import { modifyPendingOrderPayment } from './tools/modify-pending-order-payment';
import { modifyUserAddress } from './tools/modify-user-address';
import { returnDeliveredOrderItems } from './tools/return-delivered-order-items';
import { transferToHumanAgents } from './tools/transfer-to-human-agents';

/** The retail tool set, by the reference's tool names. */
export const RETAIL_TOOLS: ReadonlyMap<string, RetailTool> = new Map(
  (
    [
      findUserIdByEmail,
      findUserIdByNameZip,
      getUserDetails,
      getOrderDetails,
      getProductDetails,
      getItemDetails,
      listAllProductTypes,
      calculate,
      cancelPendingOrder,
      modifyPendingOrderAddress,
      modifyPendingOrderItems,
      modifyPendingOrderPayment,
      modifyUserAddress,
      returnDeliveredOrderItems,
      exchangeDeliveredOrderItems,
      transferToHumanAgents,
    ] as RetailTool[]
  ).map((tool) => [tool.name, tool]),
);

export function getRetailTool(name: string): RetailTool | undefined {
  return RETAIL_TOOLS.get(name);
}

/** The keyword argument names of a tool, in signature order. */
export function parameterNames(tool: RetailTool): string[] {
  return Object.keys(tool.parameters.shape);
}

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the keyword arguments, for a model's tool-use API. */
  input_schema: Record<string, unknown>;
}

/** The tool set as a model sees it: names, descriptions and argument schemas, never the handlers. */
export function retailToolDefinitions(): ToolDefinition[] {
  return [...RETAIL_TOOLS.values()].map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: z.toJSONSchema(tool.parameters) as Record<string, unknown>,
  }));
}
