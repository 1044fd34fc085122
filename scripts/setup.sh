#!/usr/bin/env bash
# Installs what the tests drive for real, on a fresh Debian machine: Chromium, the npm tools
# (Agents Playground, adaptivecards renderer, Teams manifest validator, Azurite), and starts
# PostgreSQL 15 on 127.0.0.1. Idempotent: a second run only checks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
log() { printf '[setup] %s\n' "$*"; }

if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium (Debian package)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi

if [ ! -d "$root/tools/node_modules/@microsoft/m365agentsplayground" ] || [ ! -d "$root/tools/node_modules/adaptivecards" ] \
   || [ ! -d "$root/tools/node_modules/@microsoft/m365agentstoolkit-cli" ] || [ ! -d "$root/tools/node_modules/azurite" ]; then
  log "installing npm tools into tools/node_modules"
  (cd "$root/tools" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi

# The tab (issue 16): teams-js and msal-browser bundled into the Bot's wwwroot at build, axe-core for the browser tests.
if [ ! -f "$root/tools/tab/node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js" ] || [ ! -f "$root/tools/tab/node_modules/axe-core/axe.min.js" ] \
   || [ ! -f "$root/tools/tab/node_modules/@azure/msal-browser/lib/msal-browser.min.js" ]; then
  log "installing the tab's npm packages into tools/tab/node_modules"
  (cd "$root/tools/tab" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi

# Plan reading (issue 11): poppler's pdftotext/pdftoppm for PDF text, tesseract with Vietnamese for scanned pages.
if [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/pdftoppm ] || [ ! -x /usr/bin/tesseract ] || [ ! -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ]; then
  log "installing poppler-utils, tesseract-ocr, tesseract-ocr-vie"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils tesseract-ocr tesseract-ocr-vie >/dev/null
fi

# PostgreSQL 15 for the storage tests (issue 7): a private cluster on 127.0.0.1, owned by user postgres.
pgbin=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { pgbin="$d"; break; }; done
if [ -z "$pgbin" ]; then
  log "installing postgresql-15"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  pgbin=/usr/lib/postgresql/15/bin
fi
pgport="${TEAMSPLANS_PG_PORT:-55432}"
pgdata="${TEAMSPLANS_PG_DATA:-/tmp/teamsplans-pg}"
if ! "$pgbin/pg_isready" -h 127.0.0.1 -p "$pgport" -q 2>/dev/null; then
  log "starting PostgreSQL on 127.0.0.1:$pgport ($pgdata)"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    rm -rf "$pgdata"; mkdir -p "$pgdata"; chown postgres "$pgdata"
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -c max_connections=200 -c fsync=off -k /tmp" start >/dev/null
fi
log "ready: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $(node --version), postgres 127.0.0.1:$pgport"
