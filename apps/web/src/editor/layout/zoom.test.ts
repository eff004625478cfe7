import { describe, expect, it } from 'vitest';
import { fitViewOptionsFor, MIN_ZOOM, READABLE_ZOOM } from './zoom';

describe('fitViewOptionsFor', () => {
  it('keeps small graphs readable and lets large ones fit', () => {
    for (const n of [0, 1, 4, 10]) expect(fitViewOptionsFor(n)).toMatchObject({ minZoom: READABLE_ZOOM, maxZoom: 1 });
    expect(READABLE_ZOOM).toBeGreaterThanOrEqual(0.9);
    for (const n of [11, 1000]) expect(fitViewOptionsFor(n)).toMatchObject({ minZoom: MIN_ZOOM, maxZoom: 1 });
  });
});
