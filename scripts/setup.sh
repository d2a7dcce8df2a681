#!/usr/bin/env bash
# Installs what TwinGraph needs on a fresh Debian machine with the Swift toolchain:
#  - Graphviz's C libraries (in-process rendering), pkg-config, a font with Cyrillic;
#  - the OpenCorpora dictionary compiled for pymorphy (PyPI pymorphy3-dicts-ru), unpacked to
#    $TWINGRAPH_DICT (default ~/.local/share/twingraph/pymorphy3-dicts-ru).
# Idempotent: quick when everything is present.
set -euo pipefail

DICT_VERSION=2.4.417150.4580142
DICT_DIR=${TWINGRAPH_DICT:-${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/pymorphy3-dicts-ru}
APT_PACKAGES=(libgraphviz-dev pkg-config fonts-dejavu-core iso-codes zlib1g-dev
  libxml2-dev libpoppler-glib-dev libgsf-1-dev  # Documents: HTML, PDF and .doc in-process; Parsing: zlib
  libpango1.0-dev)  # Reports: the appendix as PDF (pango on cairo)

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

# Natasha's models (MIT) for the Parsing target: navec embeddings and slovnet's NER, morphology
# and syntax packs, from the natasha wheel, into $TWINGRAPH_MODELS (default
# ~/.local/share/twingraph/natasha). Swift reads the tar files as they are; zlib (Debian
# zlib1g-dev) inflates their gzipped vocabularies.
if ! dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: installing zlib1g-dev" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q zlib1g-dev >&2 || { $SUDO apt-get update -q >&2; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q zlib1g-dev >&2; }
fi
NATASHA_VERSION=1.6.0
NATASHA_SHA256=e12b130d05a0b4d2eb6442092ed5b5769a68a311c17f2095b1aa739fb8d6dc78
MODELS_DIR=${TWINGRAPH_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/natasha}
models_present=1
for f in navec_news_v1_1B_250K_300d_100q.tar slovnet_ner_news_v1.tar slovnet_morph_news_v1.tar slovnet_syntax_news_v1.tar; do
  [ -f "$MODELS_DIR/$f" ] || models_present=0
done
if [ $models_present -eq 0 ] || [ "$(cat "$MODELS_DIR/.version" 2>/dev/null)" != "$NATASHA_VERSION" ]; then
  echo "setup: fetching Natasha's models (natasha $NATASHA_VERSION) into $MODELS_DIR" >&2
  natasha_tmp=$(mktemp -d)
  trap 'rm -rf "$natasha_tmp" ${tmp:+"$tmp"}' EXIT
  python3 -m pip download -q --no-deps "natasha==$NATASHA_VERSION" -d "$natasha_tmp" >&2
  wheel="$natasha_tmp/natasha-$NATASHA_VERSION-py3-none-any.whl"
  echo "$NATASHA_SHA256  $wheel" | sha256sum -c --quiet - >&2 || { echo "setup: $wheel has the wrong sha256" >&2; exit 1; }
  python3 - "$wheel" "$MODELS_DIR" <<'PY'
import sys, zipfile, os
wheel, dest = sys.argv[1], sys.argv[2]
os.makedirs(dest, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(("natasha/data/emb/", "natasha/data/model/")) and name.endswith(".tar"):
            with open(os.path.join(dest, os.path.basename(name)), "wb") as f:
                f.write(z.read(name))
PY
  echo "$NATASHA_VERSION" > "$MODELS_DIR/.version"
fi

# networkx, which the tests load the GraphML export with: the system Python's if it has it, else a
# venv at $TWINGRAPH_VENV (default ~/.local/share/twingraph/venv). Without either the test is skipped
# with a message, so a machine that cannot install it still passes.
VENV_DIR=${TWINGRAPH_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/venv}
if ! python3 -c "import networkx" 2>/dev/null && ! "$VENV_DIR/bin/python" -c "import networkx" 2>/dev/null; then
  echo "setup: installing networkx into $VENV_DIR" >&2
  if python3 -m venv "$VENV_DIR" >&2 && "$VENV_DIR/bin/python" -m pip install -q networkx >&2; then :; else
    echo "setup: could not install networkx; the GraphML-in-networkx test will be skipped" >&2
  fi
fi
