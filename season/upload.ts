// Checks an uploaded policy before anything is stored: size, not empty, not binary, UTF-8, a known language.

export type Language = 'js' | 'ts' | 'py';

const EXTENSIONS: Readonly<Record<string, Language>> = { '.js': 'js', '.mjs': 'js', '.ts': 'ts', '.py': 'py' };

/** A rejected upload: the HTTP status and one plain line saying what is wrong. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CheckedUpload {
  filename: string;
  language: Language;
  text: string;
}

const FILENAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;

/** Throws an UploadError for anything a policy file cannot be; returns its text otherwise. */
export function checkUpload(filename: string, bytes: Uint8Array, maxBytes: number): CheckedUpload {
  if (!FILENAME.test(filename)) throw new UploadError(400, `filename must be 1-80 letters, digits, "_", "-" or "." (no folders), got '${filename.slice(0, 80)}'`);
  const dot = filename.lastIndexOf('.');
  const language = dot > 0 ? EXTENSIONS[filename.slice(dot).toLowerCase()] : undefined;
  if (!language) throw new UploadError(415, `${filename}: unknown language (a policy is a .js, .mjs, .ts or .py file)`);
  if (bytes.length === 0) throw new UploadError(400, `${filename}: the file is empty`);
  if (bytes.length > maxBytes) throw new UploadError(413, `${filename}: ${bytes.length} bytes is over this season's limit of ${maxBytes} bytes`);
  if (bytes.includes(0)) throw new UploadError(415, `${filename}: binary content (a NUL byte); a policy is a text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UploadError(415, `${filename}: not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new UploadError(400, `${filename}: the file holds only white space`);
  return { filename, language, text };
}
