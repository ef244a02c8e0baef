import { CopyButton } from '../../ui/CopyButton';
import type { HighlightedCode } from '../types';

/** A titled code file: the build already highlighted it, so the page only inserts HTML. */
export function CodeFile(props: {
  titleId: string;
  title: string;
  src: string;
  code: HighlightedCode;
  /** What Copy copies, when it differs from the file (an edited example). */
  copyText?: string;
  /** Show the header only (an editor takes the code's place). */
  hideCode?: boolean;
}) {
  const fileName = props.src.split('/').at(-1);
  return (
    <>
      <div className="code-file-header">
        <p className="code-file-title" id={props.titleId}>
          {props.title}
        </p>
        <span className="code-file-name">{fileName}</span>
        <CopyButton text={props.copyText ?? props.code.source} label={`Copy ${fileName}`} />
      </div>
      {!props.hideCode && (
        <div
          className="code-file-body"
          // The HTML comes from our own build (Shiki), never from learner input.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: build-time highlighted code
          dangerouslySetInnerHTML={{ __html: props.code.html }}
        />
      )}
    </>
  );
}
