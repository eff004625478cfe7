import { describe, expect, it } from 'vitest';
import { selectIssueNodeIds } from './issue-nodes';

describe('selectIssueNodeIds', () => {
  it('lists nodes with a server issue or a draft error, once per change of either', () => {
    const issues = [{ message: 'm', nodeId: 'a' }, { message: 'graph-wide' }];
    const draftErrors = { 'b::x': { nodeId: 'b', field: 'X', message: 'not JSON' } };
    const ids = selectIssueNodeIds({ issues, draftErrors });
    expect([...ids].sort()).toEqual(['a', 'b']);
    expect(selectIssueNodeIds({ issues, draftErrors })).toBe(ids);
    expect([...selectIssueNodeIds({ issues: [], draftErrors })]).toEqual(['b']);
  });
});
