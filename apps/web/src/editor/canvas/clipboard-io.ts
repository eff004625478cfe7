// The system clipboard where the browser allows it (another tab, another bot), else a copy kept in
// this page: a refused permission must not lose what was copied.
let memory: string | null = null;

export function rememberClipboard(text: string): void {
  memory = text;
}

export async function writeClipboard(text: string): Promise<void> {
  memory = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Permission refused or no secure context: the in-page copy serves this tab.
  }
}

/** What the clipboard holds; the in-page copy only when the system clipboard cannot be read. */
export async function readClipboard(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return memory;
  }
}
