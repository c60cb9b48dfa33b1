/**
 * What the page "downloads" under jsdom: the blobs it made into object URLs and the file names of
 * the links it clicked. jsdom has neither object URLs nor downloads, and its Blob no arrayBuffer().
 */
export interface Downloads {
  readonly blobs: Blob[];
  readonly names: string[];
  restore(): void;
}

export function captureDownloads(): Downloads {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return `blob:local/${blobs.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, restore: () => click.mockRestore() };
}

/** A blob's bytes, through jsdom's FileReader. */
export function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
