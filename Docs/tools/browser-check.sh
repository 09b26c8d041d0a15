#!/bin/sh
# Opens a CrimeKit HTML report in headless Chromium (Debian's `chromium` package): saves a screenshot
# and checks that hovering an area shows its tooltip.
#   Docs/tools/browser-check.sh REPORT.html SCREENSHOT.png
set -eu
report=$(realpath "$1")
shot=$2
probe=$(mktemp --suffix=.html)
trap 'rm -f "$probe"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 \
    --screenshot="$shot" "file://$report" 2>/dev/null
# A copy of the page that hovers one map area and records what the tooltip shows.
sed 's#</body>#<script>var a=document.querySelector("path.area");var r=a.getBoundingClientRect();a.dispatchEvent(new MouseEvent("mousemove",{clientX:r.x+2,clientY:r.y+2,bubbles:true}));var t=document.getElementById("tip");document.body.setAttribute("data-probe",t.style.display+"|"+t.textContent);</script></body>#' \
    "$report" > "$probe"
result=$(chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$probe" 2>/dev/null | tr "\n" " " | grep -o 'data-probe="[^"]*"' || true)
echo "hover: $result"
case "$result" in *'"block|'*) echo "tooltip shown" ;; *) echo "tooltip NOT shown" >&2; exit 1 ;; esac
