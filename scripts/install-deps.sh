#!/usr/bin/env bash
# Installs every Debian package the project needs (idempotent). Run as root or with sudo.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  libspdlog-dev libfmt-dev libcli11-dev libtoml11-dev prometheus-cpp-dev
  libsodium-dev libssl-dev libicu-dev libqrencode-dev libpng-dev
  libpango1.0-dev libcairo2-dev fonts-noto-cjk libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-jieba python3-icalendar
  chromium wrk curl
  clang-format clang-tidy
)
missing=()
# Node.js: any existing node+npm will do (a NodeSource build already bundles npm and
# conflicts with Debian's npm package).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then PKGS+=(nodejs npm); fi
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} Debian packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
