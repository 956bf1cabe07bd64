import type { ComponentProps } from 'react';
import './button.css';

const VARIANT_CLASS = {
  /** Filled: the main action of a section. */
  primary: 'button',
  /** Small and outlined: secondary actions beside content. */
  quiet: 'button button--small',
  /** Looks like a link, acts in place. */
  link: 'link-button',
} as const;

export type ButtonVariant = keyof typeof VARIANT_CLASS;

/** A button that never submits a form by accident (type="button" unless told otherwise). */
export function Button({
  variant = 'primary',
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: ButtonVariant }) {
  const classes = className ? `${VARIANT_CLASS[variant]} ${className}` : VARIANT_CLASS[variant];
  return <button type={type} className={classes} {...props} />;
}
