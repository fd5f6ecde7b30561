# One line per step on stderr; the installers' own output (pip, setuptools, apt) goes to a log file that is named,
# with its last lines, only when a step fails. Sourced by scripts/demo and scripts/test; set SCRIPT first.

LOG_DIR=${TOKODESK_SCRIPT_LOGS:-.cache/logs}

# step TEXT: say what happens next, in one line.
step() { echo "${SCRIPT}: $*" >&2; }

# new_log NAME: a fresh log file for this run; prints its path.
new_log() {
  mkdir -p "$LOG_DIR"
  local log="$LOG_DIR/$1.log"
  : > "$log"
  printf '%s\n' "$log"
}

# quietly LOG COMMAND...: run COMMAND with its output appended to LOG. On failure, name LOG, show its last lines and
# return the command's exit code (set -e then stops the script).
quietly() {
  local log=$1 rc=0
  shift
  printf '\n$ %s\n' "$*" >> "$log"
  "$@" >> "$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "${SCRIPT}: failed (exit $rc): $*" >&2
    echo "${SCRIPT}: the full output is in $log; its last lines:" >&2
    tail -n 15 "$log" | sed 's/^/    /' >&2
  fi
  return "$rc"
}
