#!/usr/bin/env bash
# make run: migrate, seed the demo on first start, then serve with the web app.
set -euo pipefail
bin=$1 db=$2 listen=$3
cd "$(dirname "$0")/.."
mkdir -p var
if [ ! -f var/demo-password ]; then
  # A fresh random demo password per checkout, kept so later runs can print it again.
  printf 'Tx-%s-9a' "$(head -c 9 /dev/urandom | base64 | tr '+/' 'xy')" > var/demo-password
fi
pw=$(cat var/demo-password)
url="http://$listen"
"$bin" seed-demo --db "$db" --demo-password "$pw" --scale city
cat <<MSG

  同心 Tongxin is starting at $url
  Console: $url/login      Public studio list (phone): $url/studios
  Demo accounts (password: $pw):
    admin  security  auditor  staff  lead  member  member2  agency  leader

MSG
exec "$bin" serve --db "$db" --listen "$listen" --public-base-url "$url" --static-dir web/dist
