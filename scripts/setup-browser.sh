#!/usr/bin/env sh
# Install the Debian Chromium used by the browser tests (Playwright drives it via executable_path).
# Never run `playwright install`: no browser download at run time.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
/usr/bin/chromium --version || true
