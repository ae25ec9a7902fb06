#!/usr/bin/env bash
# The Debian packages the program and its tests need beside the Python ones in pyproject.toml.
# `make test` and `make run` run this first. It installs what is missing when it can (root, or
# sudo without a password) and otherwise stops with the one command that installs it.
#
# To add a package: one line in PACKAGES, with why it is needed.
set -euo pipefail

PACKAGES='
libgl1                 # Qt Gui links libGL, also on the offscreen platform of the tests
libegl1                # Qt Gui links libEGL
libxkbcommon0          # Qt Gui: keyboard layouts
libglib2.0-0           # Qt Core runs its event loop on GLib
libfontconfig1         # Qt finds the system fonts through fontconfig
libfreetype6           # and draws them with FreeType
libdbus-1-3            # Qt DBus (accessibility, desktop services)
fonts-dejavu-core      # a font with å, ä, ö for the window, the PDF report and the tests
libxcb-cursor0         # `make run`: the window on X11 (Qt 6.5+ will not start xcb without it)
libxkbcommon-x11-0     # `make run`: the keyboard on X11
libxcb-icccm4          # `make run`: window-manager hints on X11
libxcb-keysyms1        # `make run`: key symbols on X11
libxcb-shape0          # `make run`: X11 shape extension
libxcb-randr0          # `make run`: screens on X11
libxcb-render-util0    # `make run`: X11 rendering
libxcb-image0          # `make run`: X11 images
libx11-xcb1            # `make run`: Xlib over xcb
libreoffice-calc-nogui # tests open the exported workbooks with `soffice --headless`
binutils               # PyInstaller reads the headers of shared libraries with objdump (`make dist`)
nsis                   # makensis compiles installer/windows/enhetschef.nsi (smoke test, `make installer`)
postgresql             # tests start their own PostgreSQL server (initdb, pg_ctl) for the server dialect
'

read -r -a wanted <<<"$(sed 's/#.*//' <<<"$PACKAGES" | tr -s '[:space:]' ' ')"
# Debian's own Python makes no virtual environment (.venv) without its venv package.
if ! "${PYTHON:-python3}" -c "import ensurepip" 2>/dev/null; then
  wanted+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "system-packages: not a Debian system; the program needs the equivalents of:" >&2
  echo "  ${wanted[*]}" >&2
  exit 0
fi

# One dpkg-query for the whole list: this runs before every `make test`.
mapfile -t present < <(dpkg-query -W -f='${Status} ${Package}\n' "${wanted[@]}" 2>/dev/null |
  sed -n 's/^install ok installed //p')
missing=()
for package in "${wanted[@]}"; do
  [[ " ${present[*]} " == *" $package "* ]] || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "system-packages: missing ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install --no-upgrade -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Other apt runs on the same machine hold the lock for a while; wait instead of failing.
apt=("${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600)

known() {
  # Into a variable first: `| grep -q` would end the pipe early and pipefail call it a failure.
  local policy
  policy=$(apt-cache policy "$1" 2>/dev/null)
  [[ $policy == *"Candidate: "* && $policy != *"Candidate: (none)"* ]]
}

echo "system-packages: installing ${missing[*]}"
for package in "${missing[@]}"; do
  if ! known "$package"; then
    "${apt[@]}" update
    break
  fi
done
if ! "${apt[@]}" install --no-upgrade -y "${missing[@]}"; then
  # A package list older than the mirror names files that are gone: read it anew, once.
  "${apt[@]}" update
  "${apt[@]}" install --no-upgrade -y "${missing[@]}"
fi
