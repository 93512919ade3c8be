#!/bin/sh
# Which BLAS a program or Python extension really loads (Debian's alternatives
# choose it at run time, so ratios between runs compare like with like only
# when this is the same): blas.sh FILE prints e.g.
# "reference BLAS (/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0)".
lib=$(LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-} ldd "$1" 2>/dev/null | awk '$1 == "libblas.so.3" { print $3 }')
[ -n "$lib" ] || { echo "built in (links no libblas.so.3: a vendored copy, e.g. python-igraph's own igraph)"; exit 0; }
real=$(readlink -f "$lib")
case "$real" in
*openblas-serial*) echo "OpenBLAS serial ($real)" ;;
*openblas-pthread*) echo "OpenBLAS threaded ($real)" ;;
*openblas*) echo "OpenBLAS ($real)" ;;
*blis*) echo "BLIS ($real)" ;;
*atlas*) echo "ATLAS ($real)" ;;
*/blas/*) echo "reference BLAS ($real)" ;;
*) echo "$real" ;;
esac
