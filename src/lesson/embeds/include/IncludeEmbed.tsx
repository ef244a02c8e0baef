import { useId } from 'react';
import { CodeFile } from '../CodeFile';
import type { IncludeEmbed as IncludeData } from './embed';

/** A file from the lesson folder shown as highlighted code. */
export function IncludeEmbed({ embed }: { embed: IncludeData }) {
  const titleId = useId();
  return (
    <figure className="embed include" aria-labelledby={titleId}>
      <CodeFile titleId={titleId} title={embed.title} src={embed.src} code={embed.code} />
    </figure>
  );
}
