import { RequestSimulator } from '../../../sandbox/RequestSimulator';
import type { RequestSimulatorEmbed as RequestSimulatorData } from './embed';

/** The demo API in the page, on the lesson's scenarios. */
export function RequestSimulatorEmbed({ embed }: { embed: RequestSimulatorData }) {
  return <RequestSimulator id={embed.id} scenarios={embed.scenarios} />;
}
