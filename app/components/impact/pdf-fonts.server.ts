import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * The report's typeface, Noto Sans (regular and bold, Latin), embedded in every PDF: a report
 * attached to a B Corp or Fair Trade submission must read the same in every reader and archive,
 * which the standard PDF fonts, left to each reader, do not promise. pdfkit embeds only the
 * glyphs a report uses.
 */
export const PDF_FONTS = { regular: 'NotoSans', bold: 'NotoSans-Bold' } as const;

const FILES = {
  regular: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  bold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
} as const;

let fontData: Record<keyof typeof FILES, Buffer> | undefined;

/** The font files, read once. */
function pdfFontData(): Record<keyof typeof FILES, Buffer> {
  fontData ??= {
    regular: readFileSync(require.resolve(FILES.regular)),
    bold: readFileSync(require.resolve(FILES.bold)),
  };
  return fontData;
}

/** Registers the report's fonts on `doc` under the names of PDF_FONTS. */
export function registerPdfFonts(doc: InstanceType<typeof PDFDocument>): void {
  const data = pdfFontData();
  doc.registerFont(PDF_FONTS.regular, data.regular);
  doc.registerFont(PDF_FONTS.bold, data.bold);
}
