import { createStore } from 'zustand/vanilla';

/**
 * How the sandbox's embeds talk to each other: the request simulator asks the
 * token inspector to open a token. Not persisted.
 */
interface SandboxState {
  inspectRequest: { token: string; nonce: number } | undefined;
  openInInspector: (token: string) => void;
}

export const sandboxStore = createStore<SandboxState>()((set, get) => ({
  inspectRequest: undefined,
  openInInspector: (token) => set({ inspectRequest: { token, nonce: (get().inspectRequest?.nonce ?? 0) + 1 } }),
}));
