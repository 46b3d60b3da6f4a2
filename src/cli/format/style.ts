/** Minimal ANSI styling for human-readable output; identity functions when colours are off. */
export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  yellow: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeStyle(colors: boolean): Style {
  if (!colors) {
    const id = (s: string) => s;
    return { bold: id, dim: id, yellow: id };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), yellow: wrap(33, 39) };
}
