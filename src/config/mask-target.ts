/** What a hidden secret is shown as. */
export const MASK = '****';

/** Turns a notification target into text that is safe to show; the notification module provides a precise one. */
export type MaskTarget = (raw: string) => string;
