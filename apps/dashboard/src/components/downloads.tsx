import { authHeaders } from '../graph/request.js';

export interface FileLink {
  path: string;
  filename: string;
}

/**
 * A report to download. Signed out, a plain link; signed in, the file is fetched with the
 * token (a link cannot carry it) and saved under the name the server gave.
 */
export function Download({ file, label }: { file: FileLink; label: string }) {
  const headers = authHeaders();
  if (!headers.authorization) {
    return (
      <a className="download" href={file.path} download={file.filename}>
        {label}
      </a>
    );
  }
  const save = async () => {
    const response = await fetch(file.path, { headers });
    if (!response.ok) {
      alert(`${response.status}: ${await response.text()}`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: file.filename });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="download" onClick={save}>
      {label}
    </button>
  );
}
