// A module file (note the export), so this augments React's types rather than replacing them.
export {};

declare module 'react' {
  interface HTMLAttributes<T> {
    /** Element Timing API: the bench reads when this element first paints. */
    elementtiming?: string;
  }
}
