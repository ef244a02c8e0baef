import { type ReactNode, useId, useRef, useState } from 'react';

interface ConfirmButtonProps {
  /** The button's text. */
  children: ReactNode;
  /** Asked in place, e.g. "Discard your code and start again from the starter?" */
  question: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** Why the button is disabled, said next to it. */
  disabledReason?: string;
  className?: string;
}

/**
 * A button whose action is asked about first, in the page rather than in a
 * browser dialog: the question appears in place with two buttons, focus goes
 * to the safe one, and Escape keeps things as they were.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  disabled = false,
  disabledReason,
  className = 'button',
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const reasonId = useId();

  const close = () => {
    setAsking(false);
    requestAnimationFrame(() => trigger.current?.focus());
  };

  if (asking) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: an inline question in a toolbar, not a form section (fieldset)
      <span
        className="confirm"
        role="group"
        aria-labelledby={questionId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          }
        }}
      >
        <span id={questionId} className="confirm-question">
          {question}
        </span>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="button"
          onClick={close}
          ref={(element) => {
            element?.focus();
          }}
        >
          {cancelLabel}
        </button>
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        ref={trigger}
        className={className}
        onClick={() => setAsking(true)}
        disabled={disabled}
        aria-describedby={disabled && disabledReason ? reasonId : undefined}
      >
        {children}
      </button>
      {disabled && disabledReason && (
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      )}
    </>
  );
}
