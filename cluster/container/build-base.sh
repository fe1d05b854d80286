#!/usr/bin/env bash
# Builds the suite's container base image locally, no registry needed: a minimal Debian 12 root
# file system with a headless Java 17 runtime (debootstrap from Debian's own mirror), imported
# into Docker. Prints the image's ID, by which the cell image and the tests pin it.
#   cluster/container/build-base.sh [TAG]        (default vgg-suite/base:bookworm-jre17)
# Needs root, debootstrap and a running Docker daemon. Idempotent: an existing TAG is kept.
set -euo pipefail
tag="${1:-vgg-suite/base:bookworm-jre17}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$tag" >/dev/null 2>&1; then
  docker image inspect --format '{{.Id}}' "$tag"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

rootfs="$(mktemp -d /tmp/vgg-base-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
# minbase: only essential packages and apt; the JRE brings its own dependencies (zlib, fonts are
# not needed headless). The training code needs nothing else: the PyTorch natives ship in jars.
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" >&2
# Caches and logs differ from build to build and are no use in the image.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*
tar --numeric-owner -C "$rootfs" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'CMD ["java", "-version"]' \
  - "$tag" >&2
docker image inspect --format '{{.Id}}' "$tag"
