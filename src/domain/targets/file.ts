import { FEED_FORMATS, feedFormatOfPath } from '../feed-format.js';
import { invalidTarget } from './invalid-target.js';
import type { TargetSyntax } from './syntax.js';
import type { TargetOf } from './target.js';

const FILE_HINT =
  'Write file+ and an absolute path whose extension names the format: file+/srv/www/feed.xml (Atom; also .atom), ' +
  'file+/srv/www/feed.rss (RSS) or file+/srv/www/feed.json (JSON Feed).';

/** A feed file rewritten after each check: `file+/path/feed.xml` (.xml/.atom Atom, .rss RSS, .json JSON Feed). */
export const fileTarget: TargetSyntax<TargetOf<'file'>> & {
  /** Read `file+<path>`; `path` is what follows the `+`. */
  parsePath(raw: string, path: string): TargetOf<'file'>;
} = {
  shortSchemes: [],
  parsePath(raw, path) {
    // A relative path would depend on the directory cron or the container starts pyhabot in.
    if (!path.startsWith('/')) throw invalidTarget('"file+" must be followed by an absolute path', FILE_HINT);
    if (path.endsWith('/')) throw invalidTarget('"file+" must name a file, not a directory', FILE_HINT);
    const format = feedFormatOfPath(path);
    if (format === undefined) {
      throw invalidTarget(
        `a feed file's name must end in .xml, .atom, .rss or .json (${FEED_FORMATS.join(', ')})`,
        FILE_HINT,
      );
    }
    // A path is no secret: the target shows as written.
    return { raw, channel: 'file', endpoint: path, masked: raw, headers: {}, secrets: [], path, format };
  },
  parseShort() {
    throw invalidTarget('a feed file is written file+<absolute path>', FILE_HINT);
  },
  ownsHost: () => false,
  parseOwnUrl() {
    throw invalidTarget('a feed file is written file+<absolute path>', FILE_HINT);
  },
  parseExplicitUrl() {
    throw invalidTarget('"file+" must be followed by an absolute path, not a URL', FILE_HINT);
  },
  isSecretSegment: () => undefined,
  maskShortSegment: () => undefined,
};
