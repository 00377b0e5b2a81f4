#!/usr/bin/env bash
# Builds SymBench's Docker sandbox image offline, without any image registry:
#   1. a Debian 12 (bookworm) minbase root filesystem with debootstrap, from the apt
#      mirror this machine already uses, including the packages of docker/sandbox-packages.txt;
#   2. `docker import` of that filesystem as the base image symbench-base:<digest>;
#   3. docker/Dockerfile on top (user, /work, environment), built with --network=none.
#
#   scripts/docker_image.sh            build what is missing or out of date
#   scripts/docker_image.sh --check    exit 0 if the image is current, 1 if not (builds nothing)
#   scripts/docker_image.sh --rebuild  build again from the root filesystem up
#
# Idempotent and cache-friendly: the image carries a digest of its recipe (the package
# list, the Dockerfile, the base settings below) as the label org.symbench.sandbox.recipe
# and nothing is done when it matches. The downloaded .debs and the root filesystem tarball
# are kept in $SYMBENCH_DOCKER_CACHE (default /var/cache/symbench-docker), so a machine
# with that folder but a fresh engine only re-imports (seconds) instead of re-running
# debootstrap (minutes). Needs root and a running engine (scripts/docker_engine.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DOCKER_DIR=docker
SUITE=bookworm
VARIANT=minbase
BASE_RECIPE_VERSION=1          # bump to force a new root filesystem
CACHE=${SYMBENCH_DOCKER_CACHE:-/var/cache/symbench-docker}
LABEL=org.symbench.sandbox.recipe

die() { echo "docker_image: $*" >&2; exit 1; }
say() { echo "docker_image: $*" >&2; }

mode=build
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  --rebuild) mode=rebuild ;;
  *) die "unknown argument '$1'; use no argument, --check or --rebuild" ;;
esac

# The image name lives once, in compose.yaml (the file Inspect runs).
IMAGE=$(awk '$1 == "image:" { print $2; exit }' "$DOCKER_DIR/compose.yaml")
[ -n "$IMAGE" ] || die "no 'image:' in $DOCKER_DIR/compose.yaml"

# Package list: "debian-package import-name" lines, '#' comments.
mapfile -t PKGS < <(awk '!/^[[:space:]]*(#|$)/ { print $1 }' "$DOCKER_DIR/sandbox-packages.txt")
mapfile -t IMPORTS < <(awk '!/^[[:space:]]*(#|$)/ { print $2 }' "$DOCKER_DIR/sandbox-packages.txt")
[ ${#PKGS[@]} -gt 0 ] || die "no packages in $DOCKER_DIR/sandbox-packages.txt"

sha() { sha256sum | cut -c1-64; }
BASE_RECIPE=$(printf '%s\n' "v$BASE_RECIPE_VERSION" "$SUITE" "$VARIANT" "$(printf '%s\n' "${PKGS[@]}" | sort)" | sha)
RECIPE=$( { echo "$BASE_RECIPE"; printf '%s\n' "${IMPORTS[@]}"; cat "$DOCKER_DIR/Dockerfile"; } | sha)
BASE_IMAGE=symbench-base:${BASE_RECIPE:0:16}

docker info >/dev/null 2>&1 || die "the Docker engine does not answer; start it with: sudo scripts/docker_engine.sh"

label_of() { docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true; }

if [ "$mode" = check ]; then
  [ "$(label_of "$IMAGE" "$LABEL")" = "$RECIPE" ] && { say "$IMAGE is current (recipe ${RECIPE:0:16})"; exit 0; }
  say "$IMAGE is missing or out of date; build it with: sudo scripts/docker_image.sh"; exit 1
fi
if [ "$mode" = build ] && [ "$(label_of "$IMAGE" "$LABEL")" = "$RECIPE" ]; then
  say "$IMAGE is current (recipe ${RECIPE:0:16}); nothing to do"; exit 0
fi
[ "$(id -u)" = 0 ] || die "must run as root (debootstrap needs it)"

source docker/mirror.sh

make_rootfs_tar() {  # $1: tarball to write
  command -v debootstrap >/dev/null || die "debootstrap is missing (scripts/docker_engine.sh installs it)"
  local mirror root; mirror=$(debian_mirror)
  mkdir -p "$CACHE/debs"
  root=$(mktemp -d "${TMPDIR:-/var/tmp}/symbench-rootfs.XXXXXX")
  # debootstrap mounts /proc and /sys in the target; never leave them behind on failure
  trap 'for m in proc sys dev/pts dev; do umount -l "'"$root"'/$m" 2>/dev/null || true; done; rm -rf --one-file-system "'"$root"'"' EXIT
  local includes; includes=$(IFS=,; echo "${PKGS[*]}")
  say "debootstrap $SUITE ($VARIANT + $includes) from $mirror; this takes a few minutes"
  if ! debootstrap --variant="$VARIANT" --include="$includes" --cache-dir="$CACHE/debs" \
        "$SUITE" "$root" "$mirror" > "$CACHE/debootstrap.log" 2>&1; then
    tail -n 30 "$CACHE/debootstrap.log" >&2
    die "debootstrap failed (log above, also in $CACHE/debootstrap.log)"
  fi
  # what a sandbox never needs: package indexes, caches, docs, logs
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
         "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/*
  tar --numeric-owner -C "$root" -cf "$1.part" . && mv "$1.part" "$1"
  rm -rf --one-file-system "$root"; trap - EXIT
}

if [ "$mode" = rebuild ] || [ -z "$(label_of "$BASE_IMAGE" org.symbench.base.recipe)" ]; then
  tarball="$CACHE/rootfs-${BASE_RECIPE:0:16}.tar"
  if [ "$mode" = rebuild ] || [ ! -s "$tarball" ]; then
    mkdir -p "$CACHE"
    rm -f "$CACHE"/rootfs-*.tar            # an older recipe's filesystem
    make_rootfs_tar "$tarball"
  else
    say "using the cached root filesystem $tarball"
  fi
  say "docker import -> $BASE_IMAGE"
  docker import --change "LABEL org.symbench.base.recipe=$BASE_RECIPE" "$tarball" "$BASE_IMAGE" >/dev/null
fi

say "building $IMAGE on $BASE_IMAGE (--network=none)"
context=$(mktemp -d "${TMPDIR:-/var/tmp}/symbench-context.XXXXXX")
cp "$DOCKER_DIR/Dockerfile" "$context/"
if ! docker build --pull=false --network=none -q -t "$IMAGE" \
      --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg RECIPE="$RECIPE" \
      --build-arg IMPORTS="${IMPORTS[*]}" "$context" >/dev/null; then
  rm -rf "$context"; die "docker build failed (output above)"
fi
rm -rf "$context"

# older base images (other recipes) are no longer needed
docker image ls --format '{{.Repository}}:{{.Tag}}' symbench-base | grep -vx "$BASE_IMAGE" | xargs -r docker image rm >/dev/null || true
docker image prune -f --filter "label=$LABEL" >/dev/null || true
say "ready: $IMAGE (recipe ${RECIPE:0:16}, $(docker image inspect --format '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
