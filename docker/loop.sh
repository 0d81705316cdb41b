#!/bin/sh
# pyhabot-loop: the long-running process of the docker compose service. It runs `pyhabot check` at once, then
# again PYHABOT_INTERVAL seconds plus a random jitter after each check ends, until SIGTERM or SIGINT.
#
# With arguments it runs `pyhabot <arguments>` once instead, so that one-shot commands such as
# `docker compose run --rm pyhabot add <url>` work under the service's entrypoint.
#
# Environment:
#   PYHABOT_INTERVAL    seconds from the end of one check to the start of the next (default 300)
#   PYHABOT_JITTER      at most this many seconds more, drawn anew each time, so that many installations do not
#                       reach the site in step (default a tenth of the interval; 0 to PYHABOT_INTERVAL)
#   PYHABOT_CHECK_ARGS  arguments after `check`, split on whitespace (default --quiet; set but empty for none)
#   PYHABOT_COMMAND     how to run pyhabot, split on whitespace (default pyhabot)
#
# Logs: one JSON line per check on stderr, shaped like pyhabot's own logs (level, time, msg). What the check
# prints goes through unchanged. Exit status: 0 when stopped by SIGTERM or SIGINT (a stop that was asked for),
# 2 when a setting is invalid. A check that fails, or exits 75 because another one is running, never ends the
# loop: the next run may well succeed, and `pyhabot status` (the healthcheck) reports failures that persist.

set -u
# Word splitting of PYHABOT_COMMAND and PYHABOT_CHECK_ARGS must not expand patterns such as `*`.
set -f

SETTING_ERROR=2

# Prints `value` as a JSON string body: backslashes and quotes escaped, control characters dropped.
json_text() {
  printf '%s' "$1" | tr -d '\000-\037' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

# Milliseconds since the epoch; whole seconds where `date` has no %N (busybox).
now_ms() {
  ms=$(date +%s%3N 2>/dev/null)
  case $ms in
    '' | *[!0-9]*) echo "$(($(date +%s) * 1000))" ;;
    *) echo "$ms" ;;
  esac
}

# log <pino level number> <message> [<more JSON members, each starting with a comma>]
log() {
  printf '{"level":%s,"time":%s,"pid":%s,"name":"pyhabot-loop","msg":"%s"%s}\n' \
    "$1" "$(now_ms)" "$$" "$(json_text "$2")" "${3:-}" >&2
}

fail_setting() {
  log 50 "$1"
  exit "$SETTING_ERROR"
}

# A whole number of seconds without a sign, at most nine digits so shell arithmetic cannot overflow.
read_seconds() {
  case $2 in
    '' | *[!0-9]* | ??????????*) fail_setting "$1 must be a whole number of seconds, got \"$2\"" ;;
  esac
  # Leading zeros would make shell arithmetic read the number as octal.
  seconds=$2
  while [ "${seconds#0}" != "$seconds" ] && [ "${#seconds}" -gt 1 ]; do seconds=${seconds#0}; done
  echo "$seconds"
}

command_words=${PYHABOT_COMMAND:-pyhabot}

if [ "$#" -gt 0 ]; then
  # shellcheck disable=SC2086 # the command is meant to be split into words
  exec $command_words "$@"
fi

interval=$(read_seconds PYHABOT_INTERVAL "${PYHABOT_INTERVAL:-300}") || exit "$SETTING_ERROR"
[ "$interval" -gt 0 ] || fail_setting "PYHABOT_INTERVAL must be at least 1 second, got \"${PYHABOT_INTERVAL:-}\""
jitter_max=$(read_seconds PYHABOT_JITTER "${PYHABOT_JITTER:-$((interval / 10))}") || exit "$SETTING_ERROR"
[ "$jitter_max" -le "$interval" ] ||
  fail_setting "PYHABOT_JITTER must be at most PYHABOT_INTERVAL ($interval), got \"$jitter_max\""
check_args=${PYHABOT_CHECK_ARGS---quiet}
first_word() { printf '%s' "${1:-}"; }
# shellcheck disable=SC2086 # the first word is the program
program=$(first_word $command_words)
command -v "$program" >/dev/null 2>&1 || fail_setting "PYHABOT_COMMAND: cannot find \"$program\""

# A random whole number from 0 to $1.
random_up_to() {
  draw=$(od -An -N4 -tu4 /dev/urandom | tr -d ' \n')
  echo $((draw % ($1 + 1)))
}

stop_signal=''
signals_received=0
check_pid=''
sleep_pid=''

# Background commands of a non-interactive shell start with SIGINT ignored (POSIX), so the check is always asked
# to stop with SIGTERM; it then finishes the watch it is on, writes nothing half-done and exits 143.
# shellcheck disable=SC2317 # called from the traps below
on_stop_signal() {
  stop_signal=$1
  signals_received=$((signals_received + 1))
  if [ -n "$check_pid" ]; then kill -s TERM "$check_pid" 2>/dev/null; fi
  # KILL, not TERM: a TERM that lands between the fork and the exec of `sleep` is caught by the shell's handler
  # the child still carries, then dropped, and the sleep would be waited out.
  if [ -n "$sleep_pid" ]; then kill -s KILL "$sleep_pid" 2>/dev/null; fi
}
trap 'on_stop_signal SIGTERM' TERM
trap 'on_stop_signal SIGINT' INT

stopped() {
  log 30 'loop stopped' ",\"signal\":\"$stop_signal\""
  exit 0
}

# The check runs in the background because a shell runs its traps only after a foreground command ends; `wait`
# returns as soon as a signal arrives, so the signal can be passed on at once.
run_check() {
  # shellcheck disable=SC2086 # both are meant to be split into words
  $command_words check $check_args &
  check_pid=$!
  # A signal that came between the decision to run and the start of the check.
  if [ -n "$stop_signal" ]; then kill -s TERM "$check_pid" 2>/dev/null; fi
  # A signal cuts `wait` short (status above 128) while the check is still winding down; wait again until a
  # wait ends without a signal. Waiting for a check that has already ended returns its status at once.
  while :; do
    signals_before=$signals_received
    wait "$check_pid"
    check_status=$?
    [ "$signals_received" -eq "$signals_before" ] && break
  done
  check_pid=''
}

# pino levels: 30 info, 40 warn, 50 error. Exit 75 (another check holds the lock) is routine when runs collide.
level_of_exit() {
  case $1 in
    0 | 75) echo 30 ;;
    1) echo 40 ;;
    130 | 143) if [ -n "$stop_signal" ]; then echo 30; else echo 50; fi ;;
    *) echo 50 ;;
  esac
}

log 30 'loop started' ",\"intervalSeconds\":$interval,\"jitterMaxSeconds\":$jitter_max"

while [ -z "$stop_signal" ]; do
  started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  started_ms=$(now_ms)
  run_check
  finished_ms=$(now_ms)
  duration_ms=$((${finished_ms:-0} - ${started_ms:-0}))
  members=",\"startedAt\":\"$started_at\",\"exitCode\":$check_status,\"durationMs\":$duration_ms"
  if [ -n "$stop_signal" ]; then
    log "$(level_of_exit "$check_status")" 'check finished' "$members"
    break
  fi
  jitter=$(random_up_to "$jitter_max")
  delay=$((interval + ${jitter:-0}))
  log "$(level_of_exit "$check_status")" 'check finished' "$members,\"nextCheckInSeconds\":$delay"
  sleep "$delay" &
  sleep_pid=$!
  # A signal that came after the check, before the sleep began, must not wait out the sleep.
  if [ -n "$stop_signal" ]; then kill -s KILL "$sleep_pid" 2>/dev/null; fi
  wait "$sleep_pid"
  sleep_pid=''
done

stopped
