import type { HighlightedCode } from '../../../lib/highlightedCode.ts';
import { defineEmbed } from '../defineEmbed.ts';

export interface IncludeEmbed {
  name: 'include';
  title: string;
  src: string;
  code: HighlightedCode;
}

/** A file shown as highlighted code (starter code, for instance), without output. */
export const include = defineEmbed<IncludeEmbed>()({ name: 'include', directive: 'leaf', width: 'prose' });
