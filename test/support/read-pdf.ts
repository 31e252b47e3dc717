import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A PDF as Mozilla's PDF.js reads it: its pages, the text they show (through each font's map back
 * to characters), and the fonts they use with whether each is embedded in the file: enough to
 * check a generated report without a PDF reader.
 */
export async function readPdf(
  pdf: Buffer,
): Promise<{ pages: number; text: string; fonts: { name: string; embedded: boolean }[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false })
    .promise;
  try {
    const texts: string[] = [];
    const fonts = new Map<string, boolean>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      // Loading the page's operators loads its fonts; a font without a file of its own is `missingFile`.
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, index) => {
        if (fn !== OPS.setFont) return;
        const font = page.commonObjs.get(operators.argsArray[index][0] as string) as {
          name: string;
          missingFile: boolean;
        };
        fonts.set(font.name, !font.missingFile);
      });
    }
    return {
      pages: document.numPages,
      text: texts.join(' '),
      fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })),
    };
  } finally {
    await document.destroy();
  }
}
