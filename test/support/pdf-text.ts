import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, read from its content streams: enough to check that a generated report
 * holds its figures without a PDF reader. Handles pdfkit's output (Flate streams, hex strings in
 * TJ arrays, WinAnsi code points for the standard fonts).
 */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const source = pdf.toString('latin1');
  const pages = (source.match(/\/Type \/Page\b/g) ?? []).length;
  const texts: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      content = match[1];
    }
    for (const array of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join('');
      texts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return { pages, text: texts.join(' ') };
}
