import type { HighlightedCode } from '../../../lib/highlightedCode.ts';
import { defineEmbed } from '../defineEmbed.ts';

export interface ExampleEmbed {
  name: 'example';
  id: string;
  title: string;
  /** Path of the file relative to the lesson folder, shown as its name. */
  src: string;
  code: HighlightedCode;
  /** Exactly what the file prints when run. */
  output: string;
  /** Run time limit, in seconds. */
  timeoutSeconds: number;
}

/** A runnable Python example from its `.py` file, with the output it prints. */
export const example = defineEmbed<ExampleEmbed>()({ name: 'example', directive: 'container', width: 'wide' });
