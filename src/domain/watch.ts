/** What the last check of a watch came to. */
export type WatchCheckStatus = 'ok' | 'baseline' | 'error';

/** A saved search that `check` reads. Field names are part of the JSON output contract. */
export interface Watch {
  id: number;
  name: string;
  url: string;
  enabled: boolean;
  /** Notification targets of this watch; when empty, the config's `notify` list applies. */
  notify: string[];
  /** Report the ads already listed at the first check instead of recording them silently. */
  notifyExisting: boolean;
  /** Pages to read per check; null means the config's `maxPages`. */
  maxPages: number | null;
  /** Ads with an id at or below this count as already seen (carried over from an import). */
  seenUpToId: number | null;
  createdAt: string;
  updatedAt: string;
  lastCheck: WatchCheckState;
}

/** The recorded outcome of a watch's checks. */
export interface WatchCheckState {
  /** False until the first successful check has recorded the current ads. */
  baselineDone: boolean;
  checkedAt: string | null;
  status: WatchCheckStatus | null;
  adsSeen: number | null;
  events: number | null;
  errorKind: string | null;
  errorMessage: string | null;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
}
