import { ORDER_STATUSES } from '../domain/order-status';
import { KIWANDA_VERSION } from '../version';

/**
 * The OpenAPI 3.1 description of `/api/v1`, served at /api/v1/openapi.json and shown on the
 * /developers/api page. Tests validate the API's real answers against these schemas, so the
 * document cannot drift from what the routes send.
 */
const error = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: { error: { type: 'string', description: 'What went wrong, in words.' } },
} as const;

const validationError = {
  type: 'object',
  required: ['error', 'fields'],
  additionalProperties: false,
  properties: {
    error: { type: 'string' },
    fields: {
      type: 'array',
      description: 'Every bad field, named by its dotted path (e.g. `lines.1.quantity`).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        additionalProperties: false,
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const customer = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 160, description: 'The customer, or the partner’s buying team.' },
    store: { type: 'string', maxLength: 160, description: 'For retail partners: the store or buyer.' },
    email: { type: 'string', format: 'email' },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166 code; KE when left out.' },
  },
} as const;

const orderRequest = {
  type: 'object',
  required: ['externalRef', 'customer', 'shipBy', 'lines'],
  properties: {
    externalRef: { type: 'string', maxLength: 100, description: 'The channel’s own order number; one order each.' },
    customer,
    shipBy: {
      type: 'string',
      description: 'A date (YYYY-MM-DD, meaning 17:00 that day in Nairobi) or an instant; must be in the future.',
    },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['sku', 'quantity'],
        properties: {
          sku: { type: 'string', description: 'A SKU Kiwanda makes.' },
          quantity: {
            type: 'integer',
            minimum: 1,
            description: 'Retail partners order at least the product’s minimum lot.',
          },
        },
      },
    },
    notes: { type: 'string', maxLength: 1000 },
  },
} as const;

const order = {
  type: 'object',
  required: [
    'id',
    'externalRef',
    'reference',
    'status',
    'placedAt',
    'shipBy',
    'customer',
    'lines',
    'notes',
    'cancelledAt',
    'cancelReason',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    externalRef: { type: ['string', 'null'] },
    reference: { type: 'string', description: 'Kiwanda’s own order number.' },
    status: { type: 'string', enum: [...ORDER_STATUSES] },
    placedAt: { type: 'string', format: 'date-time' },
    shipBy: { type: 'string', format: 'date-time' },
    customer,
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sku', 'quantity', 'unitPriceCents', 'promisedShipDate'],
        additionalProperties: false,
        properties: {
          sku: { type: 'string' },
          quantity: { type: 'integer', minimum: 1 },
          unitPriceCents: { type: 'integer', minimum: 0, description: 'KES cents.' },
          promisedShipDate: {
            type: ['string', 'null'],
            format: 'date',
            description:
              'The day (Nairobi) the network can ship this line by: the ship-by date when capacity allows, otherwise the earliest it can be made; null when not within 12 weeks.',
          },
        },
      },
    },
    notes: { type: ['string', 'null'] },
    cancelledAt: { type: ['string', 'null'], format: 'date-time' },
    cancelReason: { type: ['string', 'null'] },
  },
} as const;

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } });
const answer = (description: string, schema = 'Error') => ({ description, content: json(schema) });
const orderId = {
  name: 'orderId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
} as const;
const refusals = {
  '401': answer('No key, or an unknown or revoked one.'),
  '429': {
    description: 'Too many requests for this channel.',
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
    content: json('Error'),
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Kiwanda channels’ API',
    version: KIWANDA_VERSION,
    description:
      'How the web shop and retail partners send orders to Kiwanda and follow them. Every request carries the channel’s key as `Authorization: Bearer kiw_…`.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ channelKey: [] }],
  paths: {
    '/orders': {
      post: {
        operationId: 'createOrder',
        summary: 'Send an order',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            description:
              'Unique per order (8–255 characters). Retrying with the same key and body answers the same order.',
            schema: { type: 'string', minLength: 8, maxLength: 255 },
          },
        ],
        requestBody: { required: true, content: json('OrderRequest') },
        responses: {
          '201': answer('The order was recorded.', 'Order'),
          '200': {
            description: 'A retry of a request already recorded: the same order.',
            headers: { 'Idempotent-Replayed': { schema: { type: 'string', const: 'true' } } },
            content: json('Order'),
          },
          '400': answer('The body is wrong; every bad field is named.', 'ValidationError'),
          '409': answer('The Idempotency-Key came with another body, or the externalRef was used before.'),
          ...refusals,
        },
      },
    },
    '/orders/{orderId}': {
      get: {
        operationId: 'getOrder',
        summary: 'Read one of the channel’s orders',
        parameters: [orderId],
        responses: {
          '200': answer('The order.', 'Order'),
          '400': answer('The order id is not an id (24 hexadecimal characters).', 'ValidationError'),
          '403': answer('The order belongs to another channel.'),
          '404': answer('No such order.'),
          ...refusals,
        },
      },
    },
    '/orders/{orderId}/cancel': {
      post: {
        operationId: 'cancelOrder',
        summary: 'Cancel an order before production starts',
        parameters: [orderId],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: { type: 'object', properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } },
            },
          },
        },
        responses: {
          '200': answer('The order, cancelled.', 'Order'),
          '400': answer('The order id is not an id, or the reason is too short or too long.', 'ValidationError'),
          '403': answer('The order belongs to another channel.'),
          '404': answer('No such order.'),
          '409': answer('Production has started (or the order shipped): the artisans’ work is owed.'),
          ...refusals,
        },
      },
    },
  },
  components: {
    securitySchemes: { channelKey: { type: 'http', scheme: 'bearer', description: 'A channel key, kiw_…' } },
    schemas: { OrderRequest: orderRequest, Order: order, Error: error, ValidationError: validationError },
  },
} as const;

export type OpenApiDocument = typeof OPENAPI_DOCUMENT;
