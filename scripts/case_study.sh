#!/usr/bin/env bash
# Runs the case-study notebook (docs/case-study/caso_de_estudio.ipynb) from scratch and exports
# it: the executed notebook replaces the committed one, then HTML (nbconvert) and PDF (headless
# Chromium's print to PDF, which keeps the plots and wide tables that LaTeX would cut).
#   scripts/case_study.sh GROUPFIT             full scale, in place, HTML and PDF (make case-study)
#   scripts/case_study.sh --check GROUPFIT     tiny workload into a temporary folder, no export;
#                                              fails if any cell fails (the test in make test)
set -euo pipefail
check=0
if [[ "${1:-}" == "--check" ]]; then
  check=1
  shift
fi
groupfit=$(realpath "${1:?usage: case_study.sh [--check] GROUPFIT}")
here=$(cd "$(dirname "$0")/.." && pwd)
dir="$here/docs/case-study"
export GROUPFIT="$groupfit"
export PYDEVD_DISABLE_FILE_VALIDATION=1  # quiets the kernel debugger's start-up notes
# Debian's Jupyter and kernel, whatever python3 comes first on PATH.
nbconvert=(/usr/bin/python3 -m nbconvert)

if [[ $check -eq 1 ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  export CASO_ESCALA=mini CASO_TRABAJO="$work/datos"
  "${nbconvert[@]}" --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$work" --output ejecutado "$dir/caso_de_estudio.ipynb"
  exit 0
fi

export CASO_TRABAJO="$here/build/case-study"
start=$(date +%s)
"${nbconvert[@]}" --to notebook --execute --inplace --ExecutePreprocessor.timeout=1800 \
  "$dir/caso_de_estudio.ipynb"
# The HTML keeps every cell's code, hidden behind a button ("Mostrar el código"); the PDF, printed
# from it, never shows code or prompts: it reads as a report. Printing: A4, figures not split.
"${nbconvert[@]}" --to html --output-dir "$dir" "$dir/caso_de_estudio.ipynb"
/usr/bin/python3 - "$dir/caso_de_estudio.html" <<'PY'
import sys
path = sys.argv[1]
css = """<style>
body:not(.con-codigo) .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
.jp-OutputPrompt, .jp-InputPrompt { display: none !important; }
#boton-codigo { position: fixed; top: 8px; right: 8px; z-index: 10; padding: 4px 10px;
  font: 13px sans-serif; cursor: pointer; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  #boton-codigo, .jp-CodeCell .jp-Cell-inputWrapper { display: none !important; }
  img { max-width: 100% !important; break-inside: avoid; }
  .jp-OutputArea-output table { break-inside: avoid; }
}
</style>"""
button = """<button id="boton-codigo" onclick="var c = document.body.classList.toggle('con-codigo');
this.textContent = c ? 'Ocultar el código' : 'Mostrar el código';">Mostrar el código</button>"""
html = open(path, encoding="utf-8").read()
html = html.replace("</head>", css + "</head>", 1)
at = html.index("<body")
at = html.index(">", at) + 1
html = html[:at] + button + html[at:]
open(path, "w", encoding="utf-8").write(html)
PY
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$dir/caso_de_estudio.pdf" "file://$dir/caso_de_estudio.html" 2>/dev/null
echo "case study: executed and exported in $(($(date +%s) - start)) s:"
ls -l "$dir"/caso_de_estudio.{ipynb,html,pdf}
