import type { ExampleEmbed as ExampleData } from '../types';
import { CodeFile } from './CodeFile';

/** A Python example from its file, with the exact output it prints. */
export function ExampleEmbed({ embed }: { embed: ExampleData }) {
  const titleId = `${embed.id}-title`;
  return (
    <figure className="embed example" id={embed.id} aria-labelledby={titleId}>
      <CodeFile titleId={titleId} title={embed.title} src={embed.src} code={embed.code} />
      <div className="example-output">
        <p className="example-output-label">Output</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <pre className="output" tabIndex={0}>
          {embed.output}
        </pre>
      </div>
    </figure>
  );
}
