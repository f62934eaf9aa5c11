export function parseFormats(list: string): string[] { return list.split(','); }
export async function build(_o: unknown): Promise<{ written: string[] }> { return { written: [] }; }
