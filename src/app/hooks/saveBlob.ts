// Saves a Blob the engine produced as a download (the main thread only names and hands over the file).
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // revoked later: some browsers start the download asynchronously after click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
