#!/usr/bin/env bash
# Installs Apache ZooKeeper (Debian's package, 3.8) and a Java runtime if missing.
# Idempotent: a machine that already has both exits at once. Must run as root (CI does).
set -euo pipefail

# The server jar, plus an slf4j -> log4j 1.2 binding so the servers write logs we can parse.
have_zookeeper() {
  [ -f /usr/share/java/zookeeper.jar ] && [ -f /usr/share/java/slf4j-log4j12.jar ] && [ -f /usr/share/java/log4j-1.2.jar ]
}
have_java() { command -v java >/dev/null 2>&1; }

if have_zookeeper && have_java; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# Serialise with any other apt user on the machine (apt's own lock fails instead of waiting).
exec 9>/tmp/coordkit-apt.lock
flock 9

pkgs=()
have_zookeeper || pkgs+=(zookeeper libslf4j-java liblog4j1.2-java)
have_java || pkgs+=(default-jre-headless)
if [ "${#pkgs[@]}" -eq 0 ]; then exit 0; fi

# An apt list that lacks the package means update was never run (fresh machine).
if ! apt-cache show zookeeper >/dev/null 2>&1; then
  apt-get update -qq
fi
if ! apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${pkgs[@]}" >/tmp/coordkit-zookeeper-install.log 2>&1; then
  # A stale list can point at superseded .debs: refresh once and retry.
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${pkgs[@]}"
fi

have_zookeeper || { echo "zookeeper install did not provide /usr/share/java/zookeeper.jar" >&2; exit 1; }
have_java || { echo "no java on PATH after install" >&2; exit 1; }
