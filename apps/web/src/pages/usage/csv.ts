/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // A leading =, +, - or @ would be run as a formula by spreadsheets: prefix a quote (OWASP CSV injection).
    const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a file through a temporary object URL (client-side, nothing goes to the server). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8', { bom = true } = {}): void {
  // The BOM makes spreadsheet apps read UTF-8 names (Korean, emoji) correctly; JSON must not have one.
  const url = URL.createObjectURL(new Blob(bom ? ['\uFEFF', text] : [text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
