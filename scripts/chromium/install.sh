#!/usr/bin/env bash
# Installs Debian's chromium for the headless report test, once. Idempotent: exits
# at once when the binary is already there. Serialized with flock because several
# test workers (or engineers) may call it at the same time and dpkg allows one writer.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
# Liberation Sans has Helvetica/Arial metrics, which Graphviz assumes when it sizes
# labels; with a wider fallback font, text would overflow its boxes in the browser.
FONT=/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
PACKAGES="chromium fonts-liberation fonts-dejavu-core"
LOCK=/tmp/coordkit-chromium-install.lock

if [ -x "$CHROMIUM" ] && [ -f "$FONT" ]; then
  exit 0
fi

exec 9>"$LOCK"
flock 9
# Another process may have finished the install while we waited for the lock.
if [ -x "$CHROMIUM" ] && [ -f "$FONT" ]; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# apt-get update only when the package is not yet known (a fresh machine).
if ! apt-cache show chromium >/dev/null 2>&1; then
  $SUDO apt-get -o DPkg::Lock::Timeout=900 -q update
fi
# Other installs (e.g. the ZooKeeper tier's) may hold dpkg's lock: wait for it rather than fail.
APT="$SUDO apt-get -o DPkg::Lock::Timeout=900 -y -q"
$APT install --no-install-recommends $PACKAGES >/dev/null \
  || { $APT update && $APT install --no-install-recommends $PACKAGES >/dev/null; }

if [ ! -x "$CHROMIUM" ] || [ ! -f "$FONT" ]; then
  echo "install.sh: apt-get finished but $CHROMIUM or $FONT is missing" >&2
  exit 1
fi
