import { cleanName, MutationError } from '@mutu/service';

/**
 * What may be attached as bukti dukung: the documents, scans and office files evidence comes
 * as. Each entry is a type as read from the bytes (file-type), with the declared types a browser
 * may send for it. Old Office files (.doc, .xls, .ppt) share one container format (CFB), so
 * their bytes cannot tell them apart: any of the three declared types matches.
 */
export const ACCEPTED_TYPES: Readonly<
  Record<string, { label: string; declared: readonly string[] }>
> = {
  'application/pdf': { label: 'PDF', declared: ['application/pdf'] },
  'image/png': { label: 'PNG image', declared: ['image/png'] },
  'image/jpeg': { label: 'JPEG image', declared: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  'image/webp': { label: 'WebP image', declared: ['image/webp'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document (.docx)',
    declared: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel workbook (.xlsx)',
    declared: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PowerPoint presentation (.pptx)',
    declared: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
  'application/vnd.oasis.opendocument.text': {
    label: 'OpenDocument text (.odt)',
    declared: ['application/vnd.oasis.opendocument.text'],
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    label: 'OpenDocument spreadsheet (.ods)',
    declared: ['application/vnd.oasis.opendocument.spreadsheet'],
  },
  'application/x-cfb': {
    label: 'Office 97-2003 document (.doc, .xls, .ppt)',
    declared: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
  },
};

/** Declared types that say nothing about the content: the bytes decide alone. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** A refused file or attachment, with the HTTP status the upload route answers. */
export class EvidenceRefused extends MutationError {
  override readonly name = 'EvidenceRefused';
  constructor(
    readonly code:
      | 'EVIDENCE_EMPTY'
      | 'EVIDENCE_TOO_LARGE'
      | 'EVIDENCE_TYPE_REFUSED'
      | 'EVIDENCE_TYPE_MISMATCH'
      | 'EVIDENCE_LIMIT_REACHED'
      | 'EVIDENCE_NOT_MULTIPART',
    message: string,
    field: string,
    readonly status: number,
  ) {
    super(message, field);
  }
}

/** The accepted media type of a file's bytes, or why it is refused. */
export function checkedMediaType(
  sniffed: { mime: string } | null,
  declared: string,
  size: number,
): string {
  if (size === 0) throw new EvidenceRefused('EVIDENCE_EMPTY', 'The file is empty', 'file', 400);
  const accepted = sniffed ? ACCEPTED_TYPES[sniffed.mime] : undefined;
  if (!sniffed || !accepted) {
    throw new EvidenceRefused(
      'EVIDENCE_TYPE_REFUSED',
      `${sniffed ? `A ${sniffed.mime} file` : 'A file whose type its bytes do not show'} is not accepted as evidence; send ${Object.values(
        ACCEPTED_TYPES,
      )
        .map((t) => t.label)
        .join(', ')}`,
      'file',
      415,
    );
  }
  const said = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!UNDECLARED.has(said) && !accepted.declared.includes(said)) {
    throw new EvidenceRefused(
      'EVIDENCE_TYPE_MISMATCH',
      `The file was sent as ${said}, but its bytes are a ${accepted.label}`,
      'file',
      415,
    );
  }
  return sniffed.mime;
}

/** A file name as shown and offered for download: no path, no control characters, bounded. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = cleanName(base)
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return clean || 'bukti-dukung';
}
