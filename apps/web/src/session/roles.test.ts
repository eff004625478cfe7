import { describe, expect, it } from 'vitest';
import { can, mayManageMember } from './roles';

// The UI's role table follows the permission matrix of API.md.
describe('roles in the UI', () => {
  it('lets viewers only read, editors change bots, admins manage members, owners the workspace', () => {
    expect(can('viewer', 'bots.write')).toBe(false);
    expect(can('editor', 'bots.write')).toBe(true);
    expect(can('editor', 'members.manage')).toBe(false);
    expect(can('editor', 'connections.share')).toBe(false);
    expect(can('admin', 'members.manage')).toBe(true);
    expect(can('admin', 'audit.read')).toBe(true);
    expect(can('admin', 'workspace.manage')).toBe(false);
    expect(can('owner', 'workspace.manage')).toBe(true);
    expect(can(undefined, 'bots.write')).toBe(false);
  });

  it('keeps owners for owners', () => {
    expect(mayManageMember('admin', 'editor', 'viewer')).toBe(true);
    expect(mayManageMember('admin', 'owner')).toBe(false);
    expect(mayManageMember('admin', 'editor', 'owner')).toBe(false);
    expect(mayManageMember('owner', 'owner', 'admin')).toBe(true);
    expect(mayManageMember('editor', 'viewer')).toBe(false);
  });
});
