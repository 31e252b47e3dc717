import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';

import { ValidationError } from '#server/domain/errors';
import { ORDER_ENTRY_ROLES } from '#server/domain/roles';
import { validateInput } from '#server/domain/validate-input';
import type { PurchaseOrderPreview } from '#server/services/orders/preview-purchase-order';

import { requireActor, requireRole } from '../auth.server';
import { DashboardErrorBoundary } from '../components/dashboard/route-error-boundary';
import { FieldError, fieldErrorOf } from '../components/field-error';
import { ImportedOrders } from '../components/orders/imported-orders';
import orderEntryStyles from '../components/orders/order-entry.css';
import { PurchaseOrderPreviewTable, previewSummary } from '../components/orders/purchase-order-preview';
import { formatCount } from '../format';
import { answerDomainErrors, readForm, runAction } from '../route-input.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: orderEntryStyles }];

export const meta = () => [{ title: 'Import a purchase order · Kiwanda' }];

// eslint-disable-next-line no-control-regex -- refuses control characters a person cannot have typed
const TYPED_TEXT = /^[^\u0000-\u001f\u007f]*$/;

/** The import forms' text fields; the file itself is read apart (see fileOf). */
const ImportForm = z.object({
  intent: z.enum(['preview', 'import'], { error: 'press Preview or Import' }),
  channel: z.string().max(24).optional(),
  customerName: z
    .string()
    .max(160, 'must be at most 160 characters')
    .regex(TYPED_TEXT, 'contains control characters')
    .optional(),
  csvText: z.string().optional(),
  leaveOutBadRows: z.literal('on').optional(),
  previewedBadRows: z.string().max(64).optional(),
});

const text = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The bytes to read: the uploaded file on Preview, the previewed text posted back on Import. */
async function fileOf(form: FormData, intent: 'preview' | 'import', csvText: string | undefined): Promise<Uint8Array> {
  if (intent === 'import') {
    if (csvText === undefined) throw ValidationError.forField('file', 'preview the file again before importing it');
    return new TextEncoder().encode(csvText);
  }
  const upload = form.get('file');
  if (!(upload instanceof File) || (upload.size === 0 && upload.name === ''))
    throw ValidationError.forField('file', 'choose the CSV file to preview');
  return new Uint8Array(await upload.arrayBuffer());
}

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, ORDER_ENTRY_ROLES);
  const { orderEntry } = args.context;
  const partners = await answerDomainErrors(() => orderEntry.listRetailPartnerChannels());
  return { partners, file: orderEntry.purchaseOrderFile };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireActor(args, ORDER_ENTRY_ROLES);
  const { orderEntry } = args.context;
  const kept: { preview?: PurchaseOrderPreview; csvText?: string } = {};
  return runAction(
    async () => {
      const form = await readForm(args.request);
      const fields = validateInput(ImportForm, {
        intent: text(form.get('intent')),
        channel: text(form.get('channel')),
        customerName: text(form.get('customerName')),
        csvText: text(form.get('csvText')),
        leaveOutBadRows: text(form.get('leaveOutBadRows')),
        previewedBadRows: text(form.get('previewedBadRows')),
      });
      const customer = { channel: fields.channel, customerName: fields.customerName };
      const file = await fileOf(form, fields.intent, fields.csvText);
      const { preview } = await orderEntry.previewPurchaseOrder({ file, customer });
      // The file read as text: what the import form posts back (the preview guaranteed UTF-8).
      kept.preview = preview;
      kept.csvText = new TextDecoder().decode(file);
      if (fields.intent === 'preview') return { step: 'preview' as const, preview, csvText: kept.csvText };
      const outcome = await orderEntry.importPurchaseOrder({
        actor,
        file,
        customer,
        leaveOutBadRows: fields.leaveOutBadRows === 'on',
        previewedBadRows: fields.previewedBadRows,
      });
      if (outcome.status === 'changed')
        return { step: 'preview' as const, preview: outcome.preview, csvText: kept.csvText, changed: true };
      return { step: 'imported' as const, customer: preview.customer.label, ...outcome };
    },
    () => kept,
  );
}

export default function ImportPurchaseOrder() {
  const { partners, file } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const fields = answer?.ok === false ? answer.fields : undefined;
  const errorOf = (name: string) => fieldErrorOf(fields, name);
  const preview = answer?.ok === false ? answer.preview : answer?.step === 'preview' ? answer.preview : undefined;
  const csvText = answer?.ok === false ? answer.csvText : answer?.step === 'preview' ? answer.csvText : undefined;
  const busy = navigation.state !== 'idle';

  return (
    <>
      <header className="page-header">
        <div>
          <p>
            <Link to="/orders">← Orders</Link>
          </p>
          <h1>Import a purchase order</h1>
          <p>
            A retail partner&apos;s purchase order as a CSV file. The preview shows every row and what is wrong with it;
            nothing is written until you import.
          </p>
        </div>
        <Link to="/orders/new" className="button button--quiet">
          Enter an order by hand
        </Link>
      </header>

      {answer?.ok === false && !preview ? (
        <p className="notice notice--bad" data-testid="form-error">
          {Object.keys(answer.fields).length > 0 ? 'Not read: see the field marked below.' : answer.error}
        </p>
      ) : null}
      {answer?.ok && answer.step === 'imported' ? <ImportedOrders result={answer} /> : null}

      <Form method="post" encType="multipart/form-data" className="order-form card" aria-label="Purchase-order file">
        <label>
          Retail partner
          <select name="channel" defaultValue={preview?.customer.channelId ?? ''}>
            <option value="">Another customer (type it)</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.partner}
              </option>
            ))}
          </select>
          <FieldError message={errorOf('channel')} />
        </label>
        <label>
          Or customer
          <input name="customerName" maxLength={160} defaultValue={preview?.customer.customerName ?? ''} />
          <FieldError message={errorOf('customerName')} />
        </label>
        <label>
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" />
          <FieldError message={errorOf('file')} />
        </label>
        <div className="order-form__wide muted">
          The first row names the columns (in any order; other columns are ignored):
          <ul className="import-columns">
            {file.columns.map((column) => (
              <li key={column.name}>
                <code>{column.name}</code> — {column.says}
              </li>
            ))}
          </ul>
          <p>
            At most {formatCount(file.maxRows)} rows and {formatCount(file.maxBytes / 1024)} KiB, UTF-8, commas between
            cells. <a href="/orders/sample-purchase-order.csv">Download a sample file</a> to start from.
          </p>
        </div>
        <div className="order-form__actions">
          <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
            Preview
          </button>
        </div>
      </Form>

      {preview && csvText !== undefined ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview for {preview.customer.label}</h2>
          {answer?.ok && answer.step === 'preview' && answer.changed ? (
            <p className="notice notice--bad">
              The file&apos;s problems changed since you previewed it (the catalogue or the orders moved on): check the
              rows again.
            </p>
          ) : null}
          {answer?.ok === false ? (
            <p className="notice notice--bad" data-testid="form-error">
              {answer.error.replace(/^[a-zA-Z]+: /, '')}
            </p>
          ) : null}
          <p data-testid="preview-summary">{previewSummary(preview)}</p>
          <PurchaseOrderPreviewTable preview={preview} />
          {preview.orders.length > 0 ? (
            <Form method="post" encType="multipart/form-data" className="order-form import-confirm" aria-label="Import">
              <input type="hidden" name="channel" value={preview.customer.channelId ?? ''} />
              <input type="hidden" name="customerName" value={preview.customer.customerName ?? ''} />
              <input type="hidden" name="previewedBadRows" value={preview.badRowsKey} />
              <textarea name="csvText" hidden readOnly value={csvText} />
              {preview.badRows > 0 ? (
                <label className="order-form__check order-form__wide">
                  <input type="checkbox" name="leaveOutBadRows" />
                  Leave out the {formatCount(preview.badRows)} bad row{preview.badRows === 1 ? '' : 's'} and import the
                  rest
                </label>
              ) : null}
              <FieldError message={errorOf('leaveOutBadRows')} />
              <div className="order-form__actions">
                <button type="submit" name="intent" value="import" className="button" disabled={busy}>
                  Import {formatCount(preview.orders.length)} order{preview.orders.length === 1 ? '' : 's'}
                </button>
              </div>
            </Form>
          ) : (
            <p className="notice notice--bad">Fix the file and preview it again: no row can be imported.</p>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <DashboardErrorBoundary backTo="/orders" backLabel="Back to the orders" />;
}
