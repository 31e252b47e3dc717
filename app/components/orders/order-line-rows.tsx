import type { OrderableProduct } from '#server/services/orders/list-orderable-products';

import { formatCount } from '../../format';
import { FieldError } from '../field-error';

const SKU_LIST_ID = 'catalogue-skus';

/**
 * The order form's line rows: a SKU (typed, or picked from the active catalogue the browser
 * offers as it is typed) and a quantity. Names are the paths the order service's errors carry.
 */
export function OrderLineRows({
  lines,
  errorOf,
}: {
  lines: { sku: string; quantity: string }[];
  errorOf: (name: string) => string | undefined;
}) {
  return (
    <div className="order-lines" data-testid="order-lines">
      <span aria-hidden="true" />
      <span className="muted">SKU</span>
      <span className="muted">Quantity</span>
      {lines.map((line, index) => (
        <OrderLineRow key={index} index={index} line={line} errorOf={errorOf} />
      ))}
    </div>
  );
}

function OrderLineRow({
  index,
  line,
  errorOf,
}: {
  index: number;
  line: { sku: string; quantity: string };
  errorOf: (name: string) => string | undefined;
}) {
  const skuError = errorOf(`lines.${index}.sku`) ?? errorOf(`lines.${index}.productId`);
  const quantityError = errorOf(`lines.${index}.quantity`);
  return (
    <>
      <span className="order-lines__number">{index + 1}</span>
      <span>
        <input
          name={`lines.${index}.sku`}
          list={SKU_LIST_ID}
          defaultValue={line.sku}
          maxLength={60}
          autoComplete="off"
          aria-label={`Line ${index + 1} SKU`}
          aria-invalid={Boolean(skuError)}
        />
        <FieldError message={skuError} />
      </span>
      <span>
        <input
          name={`lines.${index}.quantity`}
          inputMode="numeric"
          defaultValue={line.quantity}
          maxLength={9}
          aria-label={`Line ${index + 1} quantity`}
          aria-invalid={Boolean(quantityError)}
        />
        <FieldError message={quantityError} />
      </span>
    </>
  );
}

/** The active catalogue as the SKU fields' suggestions: SKU, name and minimum lot. */
export function SkuChoices({ products }: { products: OrderableProduct[] }) {
  return (
    <datalist id={SKU_LIST_ID}>
      {products.map((product) => (
        <option key={product.sku} value={product.sku}>
          {product.name} · minimum lot {formatCount(product.minimumLot)}
        </option>
      ))}
    </datalist>
  );
}
