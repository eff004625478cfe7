import { createContext, useContext } from 'react';

/**
 * The right end of the bot header, where the editor puts Save / Undo / Run so that the editor
 * needs no toolbar row of its own (null until the header has mounted).
 */
export const BotHeaderSlot = createContext<HTMLElement | null>(null);

export function useBotHeaderSlot(): HTMLElement | null {
  return useContext(BotHeaderSlot);
}
