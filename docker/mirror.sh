# Sourced by scripts/docker_engine.sh and scripts/docker_image.sh: the Debian mirror this
# machine's apt already uses for bookworm (deb822 .sources or one-line sources.list),
# or $SYMBENCH_DEBIAN_MIRROR when set.
debian_mirror() {
  local uri
  uri=$(awk '
    /^URIs:/ { u = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") { print u; exit } }
    /^deb / { sub(/ \[[^]]*\]/, ""); if ($3 == "bookworm") { print $2; exit } }
  ' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
  echo "${SYMBENCH_DEBIAN_MIRROR:-${uri:-http://deb.debian.org/debian}}"
}
