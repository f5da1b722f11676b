/** DOM ids derived from block ids, shared by the reader and the table of contents. */
export function headingDomId(blockId: string): string {
  return `heading-${blockId}`;
}
