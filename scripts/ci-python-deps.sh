#!/usr/bin/env bash
# Installs the Python readers that the TieuChiOffice read-back tests use (openpyxl, python-docx), quietly and only
# when missing. Without them those tests are skipped, visibly; CI should run this first so that they run.
set -euo pipefail
python3=${PYTHON3:-python3}
if ! "$python3" -c "import openpyxl, docx" >/dev/null 2>&1; then
  if ! "$python3" -m pip install --quiet --disable-pip-version-check openpyxl python-docx 2>/dev/null; then
    # A Debian system Python refuses pip (PEP 668): take Debian's packages instead.
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-openpyxl python3-docx >/dev/null
  fi
fi
"$python3" -c "import openpyxl, docx"
