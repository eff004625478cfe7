/**
 * How a template's (or an imported document's) slots meet what the user has: which of their LLM
 * connections fit a connection slot, which workspace secret a secret slot starts on, and what is
 * still unfilled. Pure, so the rules are tested without a DOM; the dialogs only render them.
 */

/** A connection slot as templates, exports and the n8n dry run declare it (`provider: "any"` takes every provider). */
export type SlotLike = { key: string; label: string; provider: string; purpose?: string | null };
export type ConnectionLike = { id: string; provider: string; isActive: boolean; name: string };
export type SecretLike = { id: string; name: string };

export type SlotMapping = { connections: Record<string, string>; secrets: Record<string, string> };

/** The connections a slot may be bound to: active ones of the slot's provider (any provider for "any"). */
export function fittingConnections<C extends ConnectionLike>(slot: SlotLike, connections: readonly C[]): C[] {
  return connections.filter((c) => c.isActive && (slot.provider === 'any' || c.provider === slot.provider));
}

/**
 * The starting choice of every slot: a connection slot with exactly one fitting connection gets
 * it (a choice between several is the user's); a secret slot gets the workspace secret of the same
 * name, the one the template's `{{ secrets.NAME }}` already names.
 */
export function initialMapping(
  slots: readonly SlotLike[],
  secretSlots: readonly string[],
  connections: readonly ConnectionLike[],
  secrets: readonly SecretLike[],
): SlotMapping {
  const out: SlotMapping = { connections: {}, secrets: {} };
  for (const slot of slots) {
    const fits = fittingConnections(slot, connections);
    if (fits.length === 1) out.connections[slot.key] = fits[0]!.id;
  }
  for (const name of secretSlots) {
    const same = secrets.find((s) => s.name === name);
    if (same) out.secrets[name] = same.id;
  }
  return out;
}

/** Slots no connection fits at all: the user must add one first (the dialog says which provider). */
export function slotsWithoutConnection(slots: readonly SlotLike[], connections: readonly ConnectionLike[]): SlotLike[] {
  return slots.filter((s) => fittingConnections(s, connections).length === 0);
}

/** What still blocks creating the bot: connection slots and secret slots without a choice. */
export function unfilled(slots: readonly SlotLike[], secretSlots: readonly string[], mapping: SlotMapping) {
  return {
    connections: slots.filter((s) => !mapping.connections[s.key]).map((s) => s.key),
    secrets: secretSlots.filter((n) => !mapping.secrets[n]),
  };
}

export function isComplete(slots: readonly SlotLike[], secretSlots: readonly string[], mapping: SlotMapping): boolean {
  const left = unfilled(slots, secretSlots, mapping);
  return left.connections.length === 0 && left.secrets.length === 0;
}

/**
 * What the dialog submits: the user's own choices where they still fit (connections and secrets
 * can change, or load, under an open dialog), the starting choice elsewhere.
 */
export function resolveMapping(
  slots: readonly SlotLike[],
  secretSlots: readonly string[],
  connections: readonly ConnectionLike[],
  secrets: readonly SecretLike[],
  chosen: SlotMapping,
): SlotMapping {
  const out = initialMapping(slots, secretSlots, connections, secrets);
  for (const slot of slots) {
    const id = chosen.connections[slot.key];
    if (id && fittingConnections(slot, connections).some((c) => c.id === id)) out.connections[slot.key] = id;
  }
  for (const name of secretSlots) {
    const id = chosen.secrets[name];
    if (id && secrets.some((s) => s.id === id)) out.secrets[name] = id;
  }
  return out;
}
