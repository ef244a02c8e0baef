/** Code highlighted at build time: the raw text plus ready-made HTML. */
export interface HighlightedCode {
  source: string;
  html: string;
  language: string;
}
