import type { ExampleEmbed as ExampleData } from '../types';
import { CodeFile } from './CodeFile';

/** A Python example from its file, with the exact output it prints. */
export function ExampleEmbed({ embed }: { embed: ExampleData }) {
  const titleId = `${embed.id}-title`;
  return (
    <div className="embed example" id={embed.id} role="group" aria-labelledby={titleId}>
      <CodeFile titleId={titleId} title={embed.title} src={embed.src} code={embed.code} />
      <div className="example-output">
        <p className="example-output-label" id={`${embed.id}-output`}>
          Output
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <pre className="output" tabIndex={0} aria-labelledby={`${embed.id}-output`}>
          {embed.output}
        </pre>
      </div>
    </div>
  );
}
