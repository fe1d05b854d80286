#!/usr/bin/env bash
# The peer's setup step, run by PerformanceBenchmark before the peer: Debian's PyTorch and
# torchvision, with the pthread OpenBLAS so that BLAS is not the reference one. Installs only what
# is missing (a no-op once done); needs root and the Debian mirror. A package the mirror lacks is
# reported and skipped, and the peer runs with what exists.
set -u
PACKAGES="python3-torch python3-torchvision libopenblas0-pthread"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "peer setup: $PACKAGES already installed"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "peer setup: missing$missing and not root; install them with apt-get as root" >&2
  exit 1
fi
apt-get update -qq || echo "peer setup: apt-get update failed, trying the cached lists" >&2
available=""
for p in $missing; do
  candidate=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    echo "peer setup: package $p does not exist in this Debian's archive; continuing without it" >&2
  else
    available="$available $p"
  fi
done
if [ -n "$available" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $available
fi
