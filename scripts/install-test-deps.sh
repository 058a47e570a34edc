#!/usr/bin/env bash
# Debian packages the test suite drives for real: headless Chromium (web UI tests, through
# Playwright given Debian's binary) and a PostgreSQL server (store tests start one on loopback
# in a temporary data directory). Installed when missing and when we may; otherwise the tests that
# need them skip with a reason.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
((${#need[@]})) || exit 0
if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: not root or no apt-get; tests needing ${need[*]} will skip" >&2
  exit 0
fi
echo "install-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "install-test-deps: apt-get failed; tests needing ${need[*]} will skip" >&2
exit 0
