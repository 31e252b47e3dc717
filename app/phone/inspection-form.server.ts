import { DEFECT_REASONS } from '#server/domain/defect-reasons';

/**
 * What an inspection form carries besides its text fields: the photo the phone shrank, and one
 * number field per defect reason (`defect-<reason>`) gathered into the list the service takes.
 * Read the same way when the page posts it and when the action queue sends it later.
 */
export async function readInspectionUpload(form: FormData): Promise<{
  photo: Buffer | undefined;
  defects: { reason: string; quantity: number }[];
}> {
  const upload = form.get('photo');
  const photo = upload instanceof File && upload.size > 0 ? Buffer.from(await upload.arrayBuffer()) : undefined;
  const defects = DEFECT_REASONS.flatMap((reason) => {
    const quantity = Number(form.get(`defect-${reason}`) ?? 0);
    return quantity > 0 ? [{ reason, quantity }] : [];
  });
  return { photo, defects };
}
