import type { NotificationTarget } from './target.js';
import type { SecretSegmentRule } from './web-url.js';

/** How one channel's targets are written, read and masked, in every spelling the user may choose. */
export interface TargetSyntax<Target extends NotificationTarget = NotificationTarget> {
  /** Schemes of the short form, e.g. `tgram` for `tgram://<token>/<chat id>`. */
  readonly shortSchemes: readonly string[];
  /** Read the short form `<scheme>://<rest>`. */
  parseShort(raw: string, scheme: string, rest: string): Target;
  /** Whether a plain http(s) URL on this host is this service's own webhook URL. */
  ownsHost(host: string): boolean;
  /** Read a plain http(s) URL this service owns (the JSON webhook owns every other one). */
  parseOwnUrl(raw: string, url: URL): Target;
  /** Read `<channel>+http(s)://…`; `format` is the prefix as the user wrote it. */
  parseExplicitUrl(raw: string, url: URL, format: string): Target;
  /** The path segments of this format's URLs that hold a secret, whatever the spelling. */
  readonly isSecretSegment: SecretSegmentRule;
  /** Where the short form keeps its secrets, to mask one that does not parse. */
  maskShortSegment(segment: string, index: number, segments: readonly string[]): 'secret' | 'identifier' | undefined;
}
