#!/usr/bin/env bash
# Installs what TwinGraph needs on a fresh Debian machine with the Swift toolchain:
#  - Graphviz's C libraries (in-process rendering), pkg-config, a font with Cyrillic;
#  - the OpenCorpora dictionary compiled for pymorphy (PyPI pymorphy3-dicts-ru), unpacked to
#    $TWINGRAPH_DICT (default ~/.local/share/twingraph/pymorphy3-dicts-ru).
# Idempotent: quick when everything is present.
set -euo pipefail

DICT_VERSION=2.4.417150.4580142
DICT_DIR=${TWINGRAPH_DICT:-${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/pymorphy3-dicts-ru}
APT_PACKAGES=(libgraphviz-dev pkg-config fonts-dejavu-core iso-codes
  libxml2-dev libpoppler-glib-dev)  # Documents: HTML and PDF in-process

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}" >&2
fi

if [ ! -f "$DICT_DIR/words.dawg" ] || [ "$(cat "$DICT_DIR/.version" 2>/dev/null)" != "$DICT_VERSION" ]; then
  echo "setup: fetching the OpenCorpora dictionary (pymorphy3-dicts-ru $DICT_VERSION) into $DICT_DIR" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download -q --no-deps "pymorphy3-dicts-ru==$DICT_VERSION" -d "$tmp" >&2
  python3 - "$tmp"/pymorphy3_dicts_ru-*.whl "$DICT_DIR" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith("pymorphy3_dicts_ru/data/") and not name.endswith("/"):
            with open(os.path.join(dest, os.path.basename(name)), "wb") as f:
                f.write(z.read(name))
PY
  echo "$DICT_VERSION" > "$DICT_DIR/.version"
fi
