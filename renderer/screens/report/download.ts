// Saves text as a file through the browser's download: in the desktop app Electron asks where to
// save it; nothing goes over the network (a blob: URL lives in this window only).
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of a file the user picked or dropped (reports are JSON: read as UTF-8 text). */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
