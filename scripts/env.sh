# Sourced by scripts: the project-local QGIS profile, plugin path and venv site-packages.
_mm_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_mm_site=$(ls -d "$_mm_root"/.venv/lib/python3*/site-packages 2>/dev/null | head -n1)
export MINEMONITOR_ROOT="$_mm_root"
# MINEMONITOR_CONFIG / MINEMONITOR_PLUGINPATH override the profile and plugin folder (the tests use them)
export QGIS_CUSTOM_CONFIG_PATH="${MINEMONITOR_CONFIG:-$_mm_root/build/qgis-config}"
export QGIS_PLUGINPATH="${MINEMONITOR_PLUGINPATH:-$_mm_root/build/plugin}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR" 2>/dev/null || true
if [ -n "$_mm_site" ]; then
  export PYTHONPATH="$_mm_site${PYTHONPATH:+:$PYTHONPATH}"
fi
