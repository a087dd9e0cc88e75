#!/bin/bash
# Build the bundled Chinese font: the SC face of Noto Sans CJK (SIL OFL 1.1, from Debian's
# fonts-noto-cjk), subset to the whole CJK Unified Ideographs block (U+4E00-9FFF, which covers the rare
# characters of company and place names), GB2312's symbols, CJK punctuation, full-width forms and
# ASCII. Writes OUT_DIR/NotoSansSC-chainmap.otf and OUT_DIR/OFL.txt (the licence to ship beside it).
#   tools/make-cjk-font.sh assets/fonts
set -eu
out=${1:?usage: make-cjk-font.sh OUT_DIR}
mkdir -p "$out"
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [[ ! -f $ttc ]]; then
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi
python3 -c "import fontTools" 2>/dev/null || pip install -q fonttools >/dev/null 2>&1
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys
chars = set(chr(c) for c in range(0x4E00, 0xA000))                 # CJK Unified Ideographs
for hi in range(0xA1, 0xF8):                                         # GB2312 symbols and letters
    for lo in range(0xA1, 0xFF):
        try: chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError: pass
chars.update(chr(c) for c in range(0x20, 0x7F))                      # ASCII
chars.update(chr(c) for c in range(0x3000, 0x3040))                  # CJK symbols and punctuation
chars.update(chr(c) for c in range(0xFF00, 0xFFF0))                  # full-width forms
chars.update("·—–…‘’“”•‰℃№¥€×÷±≤≥≠→←↑↓²³㎡")
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PY
# Face 2 of the collection is "Noto Sans CJK SC". Few layout features: CJK needs no locl with one face.
pyftsubset "$ttc" --font-number=2 --no-hinting --drop-tables+=VORG,vhea,vmtx \
  --name-IDs=0,1,2,3,4,5,6,13,14 --name-languages=0x409 --layout-features='kern,liga,calt,ccmp' \
  --text-file="$chars" --output-file="$out/NotoSansSC-chainmap.otf"
rm -f "$chars"
lic=/usr/share/doc/fonts-noto-cjk/copyright
{ echo "NotoSansSC-chainmap.otf is a subset of Noto Sans CJK SC (Adobe, Google), licensed under the"
  echo "SIL Open Font License, Version 1.1. Debian's copyright file for fonts-noto-cjk follows."
  echo; cat "$lic"; } > "$out/OFL.txt"
ls -l "$out"
