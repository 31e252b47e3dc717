import { Form, Link, useNavigation } from '@remix-run/react';
import { useRef, useState } from 'react';

import { assessPieceRate, centsOfKesText } from '#server/domain/fair-piece-rate';
import type { ReferenceWage, ReferenceWageKind } from '#server/domain/reference-wages';
import { SKILL_LABELS, SKILLS } from '#server/domain/skills';
import type { CollectionRow, ProductRow } from '#server/services/catalogue/list-catalogue';

import { FieldError, fieldErrorOf } from '../field-error';
import { FairRatePanel, PieceRateFlag } from './fair-rate-panel';

/** Blank material rows offered below the product's own, so a designer can add some without JavaScript. */
const BLANK_MATERIAL_ROWS = 2;

const kesText = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));

/** The typed figures the fair-rate panel reads, as text (what the inputs hold). */
interface RateFigures {
  labourMinutesPerUnit: string;
  pieceRateKes: string;
  wholesalePriceKes: string;
  retailPriceKes: string;
}

function figuresOf(form: HTMLFormElement): RateFigures {
  const data = new FormData(form);
  const text = (name: keyof RateFigures) => String(data.get(name) ?? '');
  return {
    labourMinutesPerUnit: text('labourMinutesPerUnit'),
    pieceRateKes: text('pieceRateKes'),
    wholesalePriceKes: text('wholesalePriceKes'),
    retailPriceKes: text('retailPriceKes'),
  };
}

/** The product's fields, for a new product (no `product`) and for an edit. */
export function ProductForm({
  product,
  collections,
  defaultCollectionId,
  wages,
  fields,
  error,
}: {
  product?: ProductRow;
  collections: CollectionRow[];
  /** The minimum and living wage of today, from readReferenceWages. */
  wages: Record<ReferenceWageKind, ReferenceWage>;
  defaultCollectionId?: string;
  fields?: Record<string, string>;
  error?: string;
}) {
  const navigation = useNavigation();
  const materials = [...(product?.materials ?? []), ...Array.from({ length: BLANK_MATERIAL_ROWS }, () => undefined)];
  const errorOf = (...names: string[]) => fieldErrorOf(fields, ...names);
  // The same figures render on the server and follow the inputs in the browser as they change.
  const [figures, setFigures] = useState<RateFigures>({
    labourMinutesPerUnit: product ? String(product.labourMinutesPerUnit) : '',
    pieceRateKes: kesText(product?.pieceRateCents),
    wholesalePriceKes: kesText(product?.wholesalePriceCents),
    retailPriceKes: kesText(product?.retailPriceCents),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const pieceRateRef = useRef<HTMLInputElement>(null);
  const minutes = /^\d+$/.test(figures.labourMinutesPerUnit.trim()) ? Number(figures.labourMinutesPerUnit) : 0;
  const assessment = assessPieceRate({
    labourMinutesPerUnit: minutes,
    pieceRateCents: centsOfKesText(figures.pieceRateKes),
    wholesalePriceCents: centsOfKesText(figures.wholesalePriceKes),
    retailPriceCents: centsOfKesText(figures.retailPriceKes),
    wages,
  });
  const useRate = (cents: number) => {
    if (!pieceRateRef.current || !formRef.current) return;
    pieceRateRef.current.value = kesText(cents);
    setFigures(figuresOf(formRef.current));
  };
  return (
    <Form
      method="post"
      ref={formRef}
      className="design-form card"
      aria-label="Product"
      data-testid="product-form"
      onChange={(event) => setFigures(figuresOf(event.currentTarget))}
    >
      {error ? (
        <p className="notice notice--bad design-form__wide" data-testid="form-error">
          {/* A refusal that names fields is shown beside them; the page's top says only where to look. */}
          {fields && Object.keys(fields).length > 0 ? 'Not saved: check the fields marked below.' : error}
        </p>
      ) : null}
      <label>
        SKU
        <input name="sku" defaultValue={product?.sku} required maxLength={40} placeholder="JUA-07" />
        <FieldError message={errorOf('sku')} />
      </label>
      <label>
        Name
        <input name="name" defaultValue={product?.name} required maxLength={120} />
        <FieldError message={errorOf('name')} />
      </label>
      <label>
        Collection
        <select name="collectionId" defaultValue={product?.collectionId ?? defaultCollectionId} required>
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name} ({collection.season})
            </option>
          ))}
        </select>
        <FieldError message={errorOf('collectionId')} />
      </label>
      <label>
        Skill
        <select name="requiredSkill" defaultValue={product?.requiredSkill} required>
          {SKILLS.map((skill) => (
            <option key={skill} value={skill}>
              {SKILL_LABELS[skill]}
            </option>
          ))}
        </select>
        <FieldError message={errorOf('requiredSkill')} />
      </label>
      <label>
        Labour minutes per unit
        <input
          name="labourMinutesPerUnit"
          inputMode="numeric"
          defaultValue={product?.labourMinutesPerUnit}
          required
          data-fair-rate="minutes"
        />
        <FieldError message={errorOf('labourMinutesPerUnit')} />
      </label>
      <label>
        Minimum lot (units)
        <input name="minimumLot" inputMode="numeric" defaultValue={product?.minimumLot ?? 12} required />
        <FieldError message={errorOf('minimumLot')} />
      </label>
      <label>
        Piece rate (KES a unit)
        <input
          name="pieceRateKes"
          ref={pieceRateRef}
          inputMode="decimal"
          defaultValue={kesText(product?.pieceRateCents)}
          required
        />
        <FieldError message={errorOf('pieceRateKes', 'pieceRateCents')} />
        <PieceRateFlag assessment={assessment} />
      </label>
      <label>
        Wholesale price (KES)
        <input
          name="wholesalePriceKes"
          inputMode="decimal"
          defaultValue={kesText(product?.wholesalePriceCents)}
          required
        />
        <FieldError message={errorOf('wholesalePriceKes', 'wholesalePriceCents')} />
      </label>
      <label>
        Retail price (KES)
        <input name="retailPriceKes" inputMode="decimal" defaultValue={kesText(product?.retailPriceCents)} required />
        <FieldError message={errorOf('retailPriceKes', 'retailPriceCents')} />
      </label>
      <div className="design-form__wide">
        <FairRatePanel assessment={assessment} labourMinutesPerUnit={minutes} onUseRate={useRate} />
      </div>
      <fieldset>
        <legend>Materials per unit</legend>
        <div className="design-form__materials">
          <span>Material</span>
          <span>Quantity</span>
          <span>Unit</span>
          {materials.map((material, index) => (
            <MaterialRowFields key={index} index={index} material={material} errorOf={errorOf} />
          ))}
        </div>
        <FieldError message={errorOf('materials')} />
      </fieldset>
      <label className="design-form__check">
        <input type="checkbox" name="goldPlated" defaultChecked={product?.goldPlated ?? false} />
        Gold-plated at HQ (24K, after QC)
      </label>
      <label className="design-form__check">
        <input type="checkbox" name="active" defaultChecked={product?.active ?? true} />
        Active (may be ordered)
      </label>
      <div className="design-form__actions">
        <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
          {product ? 'Save product' : 'Create product'}
        </button>
        <Link to="/design" className="button button--quiet">
          Back to the catalogue
        </Link>
      </div>
    </Form>
  );
}

function MaterialRowFields({
  index,
  material,
  errorOf,
}: {
  index: number;
  material: ProductRow['materials'][number] | undefined;
  errorOf: (...names: string[]) => string | undefined;
}) {
  const prefix = `materials.${index}`;
  return (
    <>
      <span>
        <input name={`${prefix}.name`} defaultValue={material?.name} aria-label={`Material ${index + 1}`} />
        <FieldError message={errorOf(`${prefix}.name`)} />
      </span>
      <span>
        <input
          name={`${prefix}.quantity`}
          inputMode="decimal"
          defaultValue={material?.quantity}
          aria-label={`Material ${index + 1} quantity`}
        />
        <FieldError message={errorOf(`${prefix}.quantity`)} />
      </span>
      <span>
        <input name={`${prefix}.unit`} defaultValue={material?.unit} aria-label={`Material ${index + 1} unit`} />
        <FieldError message={errorOf(`${prefix}.unit`)} />
      </span>
    </>
  );
}
