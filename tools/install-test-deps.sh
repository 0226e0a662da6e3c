#!/usr/bin/env bash
# What the tests need from Debian, installed when missing (npm test runs this first, as `pretest`):
# Chromium and CJK fonts for the browser tests (never `npx playwright install`), GNU time for the
# benchmark, nginx for the deployment test, LibreOffice for importing .xls/.doc and checking the
# downloads as spreadsheet users open them, and Java for the Nu HTML Checker.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)  # no -q: under pipefail an early exit would fail fc-list
[ -x /usr/bin/time ] || missing+=(time)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
  echo "测试需要这些 Debian 软件包，请先安装：apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "安装测试所需的软件包：${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
