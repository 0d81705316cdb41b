/** The notification target formats, for the help of the commands that take targets (mirrors the README table). */
export const TARGET_FORMATS_HELP = `Notification targets:
  discord://<id>/<token>     or https://discord.com/api/webhooks/<id>/<token>
  slack://<T>/<B>/<secret>   or https://hooks.slack.com/services/<T>/<B>/<s>
  tgram://<bot token>/<chat id>
  ntfy://<topic>             on ntfy.sh; ntfy://<host>/<topic> or ntfys://…
  https://<any URL>          a generic JSON webhook (also json://, jsons://)
  <format>+<http(s) URL>     discord, slack, telegram, ntfy or json sent to that
                             exact URL; telegram+ needs ?chat_id=<chat id>
  file+/path/feed.xml        a feed file rewritten after each check: .xml or
                             .atom Atom, .rss RSS, .json JSON Feed`;
