import { defineEmbed } from '../defineEmbed.ts';

export interface RequestSimulatorEmbed {
  name: 'request-simulator';
  id: string;
  scenarios: 'flow' | 'troubleshooting';
}

/** The demo API in the page: `scenarios` is "flow" (login, Bearer) or "troubleshooting". */
export const requestSimulator = defineEmbed<RequestSimulatorEmbed>()({
  name: 'request-simulator',
  directive: 'leaf',
  width: 'wide',
});
