#!/usr/bin/env bash
# Runs before `npm test`: the browser tests need Chromium, and the HTML validity test needs Java
# (for the Nu HTML Checker). On Debian, as root or with sudo, installs whichever is missing;
# elsewhere, says how to get them. Playwright's own Chromium (npx playwright install chromium)
# or CHROMIUM_PATH will do instead of Debian's.
set -euo pipefail
cd "$(dirname "$0")/.."

has_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && return 0
  command -v chromium >/dev/null 2>&1 && return 0
  node -e "const p=require('playwright-core').chromium.executablePath(); process.exit(require('fs').existsSync(p)?0:1)" 2>/dev/null
}

PACKAGES=()
has_chromium || PACKAGES+=(chromium)
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
[ "${#PACKAGES[@]}" -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$SUDO" = "none" ]; then
  echo "The tests need: ${PACKAGES[*]}." >&2
  echo "On Debian or Ubuntu: sudo apt-get install -y ${PACKAGES[*]}" >&2
  echo "Elsewhere: install Java 11 or later, and Chromium with npx playwright install chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Installing what the browser tests need: ${PACKAGES[*]}" >&2
${SUDO:+$SUDO} apt-get update -qq
# Slim Debian images drop man folders, and the JRE's postinst fails without this one.
${SUDO:+$SUDO} mkdir -p /usr/share/man/man1
DEBIAN_FRONTEND=noninteractive ${SUDO:+$SUDO} apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
