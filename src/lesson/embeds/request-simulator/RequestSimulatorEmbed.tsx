import { RequestSimulator } from '../../../sandbox/RequestSimulator';
import { loadEmbedData } from '../../embedData';
import { useLessonId } from '../../LessonContext';
import type { RequestSimulatorEmbed as RequestSimulatorData } from './embed';

/** The lesson's API in the page: the buttons come with the page, the simulator module on first use. */
export function RequestSimulatorEmbed({ embed }: { embed: RequestSimulatorData }) {
  const lessonId = useLessonId();
  return (
    <RequestSimulator
      id={embed.id}
      view={embed}
      loadSimulator={() => loadEmbedData('request-simulator', lessonId, embed.id).then((chunk) => chunk.simulator)}
    />
  );
}
