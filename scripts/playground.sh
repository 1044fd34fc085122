#!/usr/bin/env bash
# Opens a Teams client for the locally running bot: Microsoft 365 Agents Playground (offline, no login) on
# http://127.0.0.1:56150, with the school roster of .m365agentsplayground.yml, talking to the bot on
# http://127.0.0.1:3978/api/messages (start it first: `dotnet run --project src/Bot`). Loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -d "$root/tools/node_modules/@microsoft/m365agentsplayground" ] || bash "$root/scripts/setup.sh"
export TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}"
export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$root/.m365agentsplayground.yml"
port="${PLAYGROUND_PORT:-56150}"
echo "Agents Playground: open http://127.0.0.1:$port in a browser (bot: ${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages})"
cd "$root"
exec node -r "$root/tools/playground/loopback.js" "$root/tools/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}" -c msteams -p "$port" --service-url "http://127.0.0.1:$port/_connector"
