#!/usr/bin/env bash
# Extracts every marked string (tr, trf, trn, N_) from the sources into
# po/kiosk.pot, then brings the catalogues up to date with GNU gettext's own
# tools: po/vi.po gets each Vietnamese source string as its translation
# (msginit + msgen), po/en.po keeps its translations and gains the new
# strings untranslated (msgmerge), for a translator to fill in with any PO
# editor; translations handed in as separate files (po/parts/*.po) fill the
# gaps. tests/ui/i18n_test checks that nothing is left untranslated.
# With --pot FILE it only writes the template (the build does, for tests).
set -euo pipefail
cd "$(dirname "$0")/.."
pot=po/kiosk.pot
if [[ "${1:-}" == --pot ]]; then
  pot=$2
else
  scripts/deps.sh
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find kiosk \( -name '*.cpp' -o -name '*.hpp' \) -not -path 'kiosk/tools/*' | LC_ALL=C sort |
  xgettext --files-from=- --from-code=UTF-8 --language=C++ --keyword=tr --keyword=trf \
    --keyword=trn:1,2 --keyword=N_ --add-comments=TRANSLATORS: --sort-by-file --no-wrap \
    --package-name=kiosk --msgid-bugs-address=kiosk@dvvl.hanoi.gov.vn -o "$pot"
sed -i 's/charset=CHARSET/charset=UTF-8/' "$pot"
[[ "${1:-}" == --pot ]] && exit 0

# Vietnamese: the source strings themselves (one plural form).
msginit --no-translator --no-wrap --locale=vi_VN.UTF-8 -i "$pot" -o "$tmp/vi.po" 2>/dev/null
msgen --no-wrap "$tmp/vi.po" -o "$tmp/vi-en.po"
# msgen leaves a one-form plural empty: its form is the msgid.
awk '/^msgid "/ { id = $0; sub(/^msgid /, "", id) }
     /^msgstr\[0\] ""$/ { print "msgstr[0] " id; next } { print }' "$tmp/vi-en.po" > po/vi.po

# English: keep what is translated, add what is new.
compendia=()
for f in po/parts/*.po; do
  [[ -e "$f" ]] || continue
  # A part may come without a header; gettext needs the charset.
  printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n' \
    > "$tmp/$(basename "$f")"
  grep -v '^"Content-Type\|^"Plural-Forms' "$f" | awk 'NR==1 && /^msgid ""$/ {skip=1} skip && /^$/ {skip=0; next} !skip' \
    >> "$tmp/$(basename "$f")"
  compendia+=(--compendium="$tmp/$(basename "$f")")
done
# Untranslated and fuzzy entries are dropped first so that the parts can fill them.
msgattrib --translated --no-fuzzy --no-wrap po/en.po -o "$tmp/en-done.po"
cp "$tmp/en-done.po" po/en.po
msgmerge --quiet --no-wrap --update --backup=none --no-fuzzy-matching --lang=en \
  "${compendia[@]}" po/en.po "$pot"
msgfmt --check --statistics -o /dev/null po/vi.po
msgfmt --check --statistics -o /dev/null po/en.po
