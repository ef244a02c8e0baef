import { createStore } from 'zustand/vanilla';

/** A token sent to the inspector, with the context it needs to be verified and to go back. */
export interface InspectRequest {
  token: string;
  /** The secret that signed it, as text (UTF-8). */
  secret: string;
  /** Whose secret it is, for the label beside it: "the demo server's secret key". */
  secretOwner: string;
  /** The button that takes the learner back ("Back to the simulator"), and what it does. */
  back?: { label: string; go: () => void };
  nonce: number;
}

/**
 * How the sandbox's embeds talk to each other: the request simulator asks the
 * token inspector to open a token, with its secret. Not persisted.
 */
interface SandboxState {
  inspectRequest: InspectRequest | undefined;
  openInInspector: (request: Omit<InspectRequest, 'nonce'>) => void;
}

export const sandboxStore = createStore<SandboxState>()((set, get) => ({
  inspectRequest: undefined,
  openInInspector: (request) => set({ inspectRequest: { ...request, nonce: (get().inspectRequest?.nonce ?? 0) + 1 } }),
}));

/** Smooth scrolling unless the learner asked for reduced motion. */
export function scrollBehavior(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
