/**
 * How the Chromium tests and the editor benchmark launch Debian's Chromium: headless, with nothing
 * that phones home (shared/ENVIRONMENT.md). One list, so a flag the machines need is added once.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `BM_CHROMIUM` when set, else Debian's package. */
export const chromiumPath = () => process.env.BM_CHROMIUM || '/usr/bin/chromium';
