#!/usr/bin/env bash
# Installs the Debian libraries Qt needs here: offscreen tests need GL, xkbcommon,
# fontconfig and a font; a real window (make run, Xvfb screenshots) needs the xcb set; the
# desktop files' tests need their validators; the PDF bench compares with pdftotext; the team
# library's tests and `make team-server` run Debian's PostgreSQL in a scratch folder.
# Packages named on the command line are installed too (`make deb` adds dpkg-dev and lintian).
set -euo pipefail
packages=(
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  fonts-dejavu-core
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0
  libxcb-sync1 libxcb-shm0 libxcb-render0 libxcb-util1 libx11-xcb1
  xvfb xauth
  desktop-file-utils appstream
  poppler-utils
  postgresql
  "$@"
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
