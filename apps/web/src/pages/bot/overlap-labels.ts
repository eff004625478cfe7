import type { OverlapPolicy } from '@bm/contract';

export const OVERLAP_LABEL: Record<OverlapPolicy, string> = {
  skip: 'Skip if still running',
  buffer_one: 'Queue one run',
  allow_all: 'Run in parallel',
  cancel_other: 'Cancel the running one',
};
