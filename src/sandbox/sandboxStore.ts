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

/** The first inspector of the page: the one a sent token is brought into view in. */
export const FIRST_INSPECTOR_SELECTOR = 'section.inspector';

export const sandboxStore = createStore<SandboxState>()((set, get) => ({
  inspectRequest: undefined,
  openInInspector: (request) => {
    set({ inspectRequest: { ...request, nonce: (get().inspectRequest?.nonce ?? 0) + 1 } });
    // Scroll now, not only once an inspector takes the request: on a prerendered page an
    // inspector far from the view is still asleep (static HTML) and wakes as it nears it.
    // An awake inspector also scrolls itself there, and takes the focus. At once: a smooth
    // scroll this far renders every block it passes (styles.css) and lands off target.
    document.querySelector(FIRST_INSPECTOR_SELECTOR)?.scrollIntoView?.({ block: 'start', behavior: 'instant' });
  },
}));

/** Smooth scrolling, for a short scroll to what is near, unless the learner asked for reduced motion. */
export function scrollBehavior(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
