/** Longest side of a kept photo: enough to see a scratch, small enough for slow, costly data. */
const MAX_SIDE = 1024;
const JPEG_QUALITY = 0.7;

/**
 * Shrinks a photo on the phone before it is sent: drawn on a canvas no larger than MAX_SIDE and
 * saved as a JPEG, a camera's 4 MB becomes about 100 KB.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  if (!blob) return file;
  return new File([blob], 'inspection.jpg', { type: 'image/jpeg' });
}

/**
 * Replaces the file a file input holds with its shrunk JPEG (the form then sends the small one,
 * or queues it on the phone). `data-photo` says where it is: "shrinking", then "ready".
 */
export async function shrinkPhotoInput(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  input.dataset.photo = 'shrinking';
  const small = await shrinkPhoto(file);
  const transfer = new DataTransfer();
  transfer.items.add(small);
  input.files = transfer.files;
  input.dataset.photo = 'ready';
}
