/** An input or output named by a `{{$.inputs…}}` / `{{$.outputs…}}` placeholder inside a string. */
export interface PlaceholderRef {
  side: 'inputs' | 'outputs';
  kind: 'parameters' | 'artifacts';
  name: string;
}

const PLACEHOLDER = /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\['([^']*)'\]/g;

export function placeholderRefs(text: string): PlaceholderRef[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    side: m[1] as PlaceholderRef['side'],
    kind: m[2] as PlaceholderRef['kind'],
    name: m[3]!,
  }));
}
