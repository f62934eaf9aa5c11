/**
 * The PDF's document information, written after printing (Chromium sets only the title):
 * title, author, subject, keywords and language for catalogues and screen readers, and
 * fixed dates so that the same data always prints the same bytes.
 */
import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. en-GB. */
  language: string;
  /** Used as both the creation and the modification date. */
  date: Date;
}

/**
 * The date a build stamps on its output: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), otherwise a date from the data, so rebuilding never changes the file.
 */
export function buildDate(fromData: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${fromData}T00:00:00Z`);
}

export async function writeMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  document.setKeywords(metadata.keywords);
  document.setLanguage(metadata.language);
  document.setCreator('report (safeguarding partnership annual reports)');
  document.setProducer('Chromium (Skia/PDF) and pdf-lib');
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
