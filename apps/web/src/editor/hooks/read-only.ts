import { createContext, useContext } from 'react';

/**
 * The editor opened by someone who may only look (a viewer): no save, run, add, connect, move or
 * delete. The server refuses those writes anyway; this keeps the controls from being offered.
 */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = () => useContext(ReadOnlyContext);
