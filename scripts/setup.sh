#!/usr/bin/env bash
# One set-up path for Debian 12 (QGIS 3.22) and Debian 13 (QGIS 3.40): idempotent, fast when done.
#  1. installs QGIS and build tools from apt when missing;
#  2. makes .venv (--system-site-packages) with the runtime, test and developer requirements
#     (requirements/*.txt), under a constraints file generated from the system numpy/scipy, so QGIS's
#     own numpy is never replaced;
#  3. builds the plugin (make build) and deploys it into the project-local QGIS profile, enabled for
#     qgis_process.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv=.venv
stamp=$venv/.setup-stamp
sys_py=/usr/bin/python3

need_apt=()
command -v qgis_process.bin >/dev/null 2>&1 || need_apt+=(qgis python3-qgis qgis-providers)
$sys_py -c "import numpy, scipy, matplotlib, osgeo.gdal" >/dev/null 2>&1 || \
  need_apt+=(python3-numpy python3-scipy python3-matplotlib python3-gdal)
command -v lrelease >/dev/null 2>&1 || need_apt+=(qttools5-dev-tools)
command -v Xvfb >/dev/null 2>&1 || need_apt+=(xvfb)
$sys_py -c "import venv, ensurepip" >/dev/null 2>&1 || need_apt+=(python3-venv python3-pip)
command -v make >/dev/null 2>&1 || need_apt+=(make)
# shapely must use the GEOS library QGIS itself loads (a wheel's bundled GEOS is shadowed by QGIS's
# inside qgis_process and the desktop): Debian 13 packages shapely 2 built on it; on Debian 12
# (shapely 1.8 in apt) it is compiled against libgeos-dev below.
if ! $sys_py -c "import shapely, sys; sys.exit(int(shapely.__version__.split('.')[0]) < 2)" >/dev/null 2>&1; then
  if apt-cache policy python3-shapely 2>/dev/null | grep -q "Candidate: 2"; then
    need_apt+=(python3-shapely)
  else
    command -v geos-config >/dev/null 2>&1 || need_apt+=(libgeos-dev)
    command -v gcc >/dev/null 2>&1 || need_apt+=(build-essential)
    $sys_py -c "import sysconfig, os, sys; sys.exit(not os.path.exists(sysconfig.get_paths()['include'] + '/Python.h'))" \
      || need_apt+=(python3-dev)
  fi
fi
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
# the PDF report in Chinese needs a CJK font (Noto Sans CJK SC); the tests read PDFs with poppler-utils
fc-list :lang=zh family 2>/dev/null | grep -q . || need_apt+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing from apt: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_apt[@]}"
fi

reqs_hash=$(cat requirements/*.txt scripts/setup.sh | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$reqs_hash" ]; then
  [ -x $venv/bin/python ] || $sys_py -m venv --system-site-packages $venv
  mkdir -p build
  # Pin numpy/scipy to what QGIS's Python already has.
  $sys_py - > build/constraints.txt <<'PY'
import numpy, scipy
print(f"numpy=={numpy.__version__}")
print(f"scipy=={scipy.__version__}")
PY
  echo "setup: constraints: $(tr '\n' ' ' < build/constraints.txt)"
  if ! $venv/bin/python -c "import shapely, sys; sys.exit(int(shapely.__version__.split('.')[0]) < 2)" 2>/dev/null; then
    echo "setup: building shapely against the system GEOS $(geos-config --version) (about a minute)"
    $venv/bin/python -m pip install -q --disable-pip-version-check --no-binary shapely \
      -c build/constraints.txt "$(grep -E '^shapely[=<>]' requirements/runtime.txt)"
  fi
  # runtime pins other than shapely (handled above: Debian's shapely 2, or built against the system GEOS),
  # the tests' oracles (esda, libpysal, mapclassify) and the developer tools (ruff, mypy)
  grep -vE '^[[:space:]]*(#|$|shapely[=<>])' requirements/runtime.txt > build/runtime-extra.txt || true
  $venv/bin/python -m pip install -q --disable-pip-version-check -c build/constraints.txt \
    -r build/runtime-extra.txt -r requirements/tests.txt -r requirements/dev.txt
  # numpy/scipy must still be the system ones
  $venv/bin/python - <<'PY'
import numpy, scipy
assert numpy.__file__.startswith("/usr/"), numpy.__file__
assert scipy.__file__.startswith("/usr/"), scipy.__file__
PY
  echo "$reqs_hash" > "$stamp"
fi

make -s build deploy
