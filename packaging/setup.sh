#!/usr/bin/env bash
# Qingfeng Kiosk: one-step set-up on Debian/Ubuntu (and derivatives such as UOS/Kylin).
#
#   bash packaging/setup.sh demo    install what is missing, build the demo catalogue, start the kiosk
#   bash packaging/setup.sh test    install what is missing (plus test tools), run ruff, then the whole suite headless
#   bash packaging/setup.sh bench   install what is missing (plus vips), run the benchmarks
#   bash packaging/setup.sh install install what is missing, nothing else
#
# Safe to run again: it only installs what is not there yet.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
mode=${1:-demo}
shift || true
venv=${QINGFENG_VENV:-$here/.venv}

say() { printf '[setup] %s\n' "$*"; }

# Playback, the virtual screen for headless tests, Qt's xcb platform, and CJK fonts
# (a Song/Ming serif and sans, a Kai face for calligraphy).
system_packages=(
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  xvfb xauth
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libegl1 libgl1 libfontconfig1 libdbus-1-3 fontconfig
  fonts-noto-cjk fonts-noto-core fonts-arphic-ukai fonts-wqy-microhei
  python3-venv
  # handwriting on the search keyboard: the Zinnia recognizer and its Simplified Chinese model
  libzinnia0 tegaki-zinnia-simplified-chinese
)
[ "$mode" = bench ] && system_packages+=(libvips-tools)
# xrandr, for the test of --rotate on a real X server; systemd-analyze, to verify the unit
# that `kiosk install` writes (the package installs in a container too; nothing starts)
[ "$mode" = test ] && system_packages+=(x11-xserver-utils systemd)
# pdftotext, pdffonts and pdftoppm: the report tests read and render the PDF
[ "$mode" = test ] && system_packages+=(poppler-utils)
# Two real Syncthing instances keep a bundle and a records file in step in the fleet test
[ "$mode" = test ] && system_packages+=(syncthing)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian-like system: install libvlc, Xvfb and CJK fonts yourself"; return 0; }
  local missing=()
  for p in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo_cmd=(sudo)
    else
      say "missing system packages (run as root to install): ${missing[*]}"
      return 0
    fi
  else
    sudo_cmd=()
  fi
  say "installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python() {
  local extras=$1
  local python=${PYTHON:-python3}
  if [ ! -x "$venv/bin/python" ]; then
    say "creating virtual environment in $venv"
    "$python" -m venv "$venv"
  fi
  local stamp="$venv/.qingfeng-installed$extras"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing the kiosk package${extras:+ with $extras}"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".$extras"
    touch "$stamp"
  fi
}

# Qt warns when XDG_RUNTIME_DIR is unset or not 0700.
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "${XDG_RUNTIME_DIR}" ]; then
  export XDG_RUNTIME_DIR="/tmp/runtime-$(id -u)"
  mkdir -p "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
fi

case "$mode" in
  install)
    install_system_packages
    install_python ""
    ;;
  demo)
    install_system_packages
    install_python ""
    exec "$venv/bin/kiosk" demo "$@"
    ;;
  test)
    install_system_packages
    install_python "[test]"
    say "ruff: lint and format"
    "$venv/bin/ruff" check kiosk tests
    "$venv/bin/ruff" format --check kiosk tests
    set +e
    "$venv/bin/python" -m pytest "$@"
    rc=$?
    set -e
    if [ "$rc" -eq 5 ]; then
      say "pytest collected no tests: that is a failure"
      exit 1
    fi
    exit "$rc"
    ;;
  bench)
    install_system_packages
    install_python "[test]"
    for b in tests/benchmarks/bench_*.py; do
      "$venv/bin/python" "$b" "$@"
    done
    ;;
  *)
    echo "usage: bash packaging/setup.sh demo|test|bench|install" >&2
    exit 2
    ;;
esac
