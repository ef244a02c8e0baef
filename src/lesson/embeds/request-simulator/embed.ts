import type { SimulatorDefinition, SimulatorView } from '../../../sandbox/simulatorSession.ts';
import { defineEmbed } from '../defineEmbed.ts';

export interface RequestSimulatorEmbed extends SimulatorView {
  name: 'request-simulator';
  id: string;
  /** The scenario set shown, one of the simulator's `sets`. */
  scenarios: string;
}

/** What the embed loads on first use: the lesson's simulator module (its API and scenarios). */
export interface RequestSimulatorChunk {
  simulator: SimulatorDefinition;
}

/**
 * A lesson's API in the page: `src` is the lesson's simulator module, `scenarios` the set of
 * its scenarios to show. The buttons are compiled into the page; the module loads on first use.
 */
export const requestSimulator = defineEmbed<RequestSimulatorEmbed, RequestSimulatorChunk>()({
  name: 'request-simulator',
  directive: 'leaf',
  width: 'wide',
});
