import type { OverlapPolicy } from '@bm/contract';

/** Catalogue keys of the overlap policies' labels (listed here so the unused-key check sees them). */
export const OVERLAP_LABEL: Record<OverlapPolicy, `pages:schedules.overlapPolicy.${OverlapPolicy}`> = {
  skip: 'pages:schedules.overlapPolicy.skip',
  buffer_one: 'pages:schedules.overlapPolicy.buffer_one',
  allow_all: 'pages:schedules.overlapPolicy.allow_all',
  cancel_other: 'pages:schedules.overlapPolicy.cancel_other',
};
