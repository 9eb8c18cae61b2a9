#!/usr/bin/env bash
# The out-of-service screen under Xvfb:
#
#   out_of_service_test.sh PROGRAM PROFILE
#
# 1. with --retry-after 6 it opens its window, then sleeps: over three seconds of showing the
#    static screen it uses under 0.3 s of CPU (no busy loop), and it exits 0 after the six
#    seconds, not before and not much after;
# 2. with --retry-after 600, SIGTERM ends it at once (within 2 s) with exit status 0.
set -euo pipefail

program=$1
profile=$2
export LIBGL_ALWAYS_SOFTWARE=1

# CPU time (user + system) of PID in seconds, from /proc (clock ticks).
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}
# The PID of the process whose whole command line is "$@", once it runs (5 s at most).
find_pid() {
  for _ in $(seq 50); do
    pid=$(pgrep -n -x -f "$*" || true)
    if [[ -n $pid ]]; then
      echo "$pid"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# --- 1: shows, sleeps, exits after --retry-after ----------------------------------------------
start=$(date +%s.%N)
command=("$program" --profile "$profile" --retry-after 6)
xvfb-run -a -s "-screen 0 1920x1080x24" "${command[@]}" &
runner=$!
if ! pid=$(find_pid "${command[@]}"); then
  fail "the program did not start"
  wait "$runner" || true
  exit 1
fi
sleep 2.5  # the window is up and its few frames drawn
before=$(cpu_seconds "$pid")
sleep 3
after=$(cpu_seconds "$pid")
status=0
wait "$runner" || status=$?
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
idle_cpu=$(awk -v a="$before" -v b="$after" 'BEGIN { print b - a }')
echo "CPU: ${before} s to start and draw, then ${idle_cpu} s in 3 s of showing;" \
  "exit after ${elapsed} s"
awk -v c="$idle_cpu" 'BEGIN { exit !(c < 0.3) }' ||
  fail "busy while idle: ${idle_cpu} s of CPU in 3 s"
((status == 0)) || fail "exit status $status after --retry-after (expected 0)"
awk -v t="$elapsed" 'BEGIN { exit !(t >= 6 && t < 12) }' ||
  fail "exited after ${elapsed} s with --retry-after 6"

# --- 2: SIGTERM ends it cleanly ----------------------------------------------------------------
command=("$program" --profile "$profile" --retry-after 600)
xvfb-run -a -s "-screen 0 1920x1080x24" "${command[@]}" &
runner=$!
pid=$(find_pid "${command[@]}") || { fail "the program did not start"; kill "$runner"; exit 1; }
sleep 2
kill -TERM "$pid"
for _ in $(seq 20); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  fail "still running 2 s after SIGTERM"
  kill -KILL "$pid" || true
fi
status=0
wait "$runner" || status=$?
# xvfb-run passes on the program's exit status.
((status == 0)) || fail "exit status $status after SIGTERM (expected 0)"

((failures == 0)) || exit 1
echo "ok: the out-of-service screen sleeps while shown, exits 0 after --retry-after and on SIGTERM"
