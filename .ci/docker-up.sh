#!/usr/bin/env bash
# Starts what the container test needs (issue 17): Debian's Docker daemon, with the leftovers of
# earlier test runs removed by Testcontainers' label, and the suite's base image built locally
# (no registry is reachable; see cluster/container/build-base.sh). Exits non-zero when the daemon
# does not come up; the container test then skips, naming the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  nohup dockerd >/var/log/dockerd-ci.log 2>&1 &
  for _ in $(seq 1 30); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
fi
if ! docker info >/dev/null 2>&1; then
  echo "docker-up: dockerd did not start; see /var/log/dockerd-ci.log" >&2
  exit 1
fi
# Ryuk, Testcontainers' reaper, cannot be pulled here (TESTCONTAINERS_RYUK_DISABLED=true), so a
# test JVM killed mid-run leaves its containers behind: remove them by Testcontainers' label.
leftovers="$(docker ps -aq --filter label=org.testcontainers=true)"
if [ -n "$leftovers" ]; then
  docker rm -f $leftovers >/dev/null
fi
echo "docker-up: base image $(cluster/container/build-base.sh)"
