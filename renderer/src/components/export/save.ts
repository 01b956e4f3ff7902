/**
 * Handing bytes to the user as a file from the page: a Blob behind an `<a download>`. In a
 * browser this is a download; the desktop app's window asks where to save it.
 */

/** Bytes of a base64 string (run/export's download answer) as a Blob. */
export function base64ToBlob(base64: string, mediaType: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mediaType });
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL may go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
