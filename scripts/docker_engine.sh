#!/usr/bin/env bash
# Installs a Docker engine new enough for Inspect's docker sandbox (>= 24, with the
# compose and buildx plugins) on Debian 12, and starts dockerd in the background.
#
#   scripts/docker_engine.sh          install if needed, start if not running, wait for it
#   scripts/docker_engine.sh --stop   stop the dockerd this script started
#   scripts/docker_engine.sh --status exit 0 if `docker info` answers
#
# Debian 12's docker.io (20.10) is too old, so docker.io, docker-cli, docker-compose and
# docker-buildx come from Debian 13 ("trixie"), each named as package/trixie. The trixie
# source is pinned at priority 100, below bookworm's 500, so nothing else ever upgrades
# from it (apt-get upgrade keeps libc6 and the rest at bookworm). Never use -t trixie.
#
# No systemd is needed: dockerd runs as a plain background process with its log in
# /var/log/symbench-dockerd.log. By default it is started with an HTTP(S) proxy that
# points at a closed local port, so this daemon can never reach an image registry
# (SymBench builds its image offline, see scripts/docker_image.sh); set
# SYMBENCH_DOCKERD_ALLOW_REGISTRY=1 to start it without that guard.
# Runs as root; idempotent.
set -euo pipefail

LOG=/var/log/symbench-dockerd.log
PIDFILE=/var/run/symbench-dockerd.pid
SOURCES=/etc/apt/sources.list.d/symbench-trixie.sources
PIN=/etc/apt/preferences.d/symbench-trixie
PACKAGES=(docker.io/trixie docker-cli/trixie docker-compose/trixie docker-buildx/trixie debootstrap)
MIN_MAJOR=24

die() { echo "docker_engine: $*" >&2; exit 1; }
say() { echo "docker_engine: $*" >&2; }

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

stop_engine() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    local pid; pid=$(cat "$PIDFILE")
    say "stopping dockerd (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { say "dockerd did not stop in 30 s; killing it"; kill -KILL "$pid"; }
    rm -f "$PIDFILE"
  else
    say "no dockerd started by this script is running"
  fi
}

case "${1:-}" in
  --stop) stop_engine; exit 0 ;;
  --status) engine_answers; exit $? ;;
  "") ;;
  *) die "unknown argument '$1'; use no argument, --stop or --status" ;;
esac

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts dockerd)"
command -v apt-get >/dev/null || die "needs apt-get (Debian 12); install Docker Engine >= $MIN_MAJOR yourself elsewhere"

source "$(dirname "${BASH_SOURCE[0]}")/../docker/mirror.sh"

server_major() { docker version --format '{{.Server.Version}}' 2>/dev/null | cut -d. -f1; }

install_packages() {
  local mirror; mirror=$(debian_mirror)
  cat > "$SOURCES" <<EOF
# Added by SymBench scripts/docker_engine.sh: Debian 13 packages for the Docker engine only.
# Pinned low in $PIN, so nothing upgrades from here unless named as package/trixie.
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  cat > "$PIN" <<'EOF'
# Added by SymBench scripts/docker_engine.sh: trixie below bookworm (500), never chosen by itself.
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
  say "installing ${PACKAGES[*]} (trixie pinned at 100, from $mirror)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
}

have_packages() {
  local p
  for p in docker.io docker-cli docker-compose docker-buildx debootstrap; do
    dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || return 1
  done
  local v; v=$(dpkg-query -W -f '${Version}' docker.io)
  [ "${v%%.*}" -ge "$MIN_MAJOR" ]
}

have_packages || install_packages
have_packages || die "docker.io >= $MIN_MAJOR did not install (see apt output above)"

start_engine() {
  say "starting dockerd (log: $LOG)"
  local env=()
  if [ "${SYMBENCH_DOCKERD_ALLOW_REGISTRY:-0}" != 1 ]; then
    # a proxy at a closed port: any registry pull fails at once instead of going out
    env=(HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=)
  fi
  # overlay2 works on this kernel/filesystem; dockerd falls back to vfs by itself where
  # it does not (slower, more disk). No systemd: a plain background process.
  env "${env[@]}" setsid dockerd ${SYMBENCH_DOCKERD_FLAGS:-} >"$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 60); do
    engine_answers && return 0
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { tail -n 20 "$LOG" >&2; die "dockerd exited at start (log above)"; }
    sleep 0.5
  done
  tail -n 20 "$LOG" >&2
  die "dockerd did not answer within 30 s (log above)"
}

if ! engine_answers; then
  [ -S /var/run/docker.sock ] && ! [ -f "$PIDFILE" ] && pgrep -x dockerd >/dev/null \
    && die "a dockerd is running but does not answer; not starting a second one"
  rm -f /var/run/docker.pid
  start_engine
fi

major=$(server_major)
[ -n "$major" ] && [ "$major" -ge "$MIN_MAJOR" ] || die "Docker Engine is $(docker version --format '{{.Server.Version}}' 2>/dev/null), need >= $MIN_MAJOR"
docker compose version >/dev/null 2>&1 || die "'docker compose' does not work (the docker-compose plugin is missing)"
say "ready: engine $(docker version --format '{{.Server.Version}}'), $(docker compose version --short 2>/dev/null | sed 's/^/compose /'), storage $(docker info --format '{{.Driver}}')"
