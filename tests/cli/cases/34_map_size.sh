# shellcheck shell=bash
# render --size and --dpi (issue 14): the PNG fits the page at the dpi.
# A4 is 210 x 297 mm = 8.27 x 11.69 in: at 150 dpi at most 1240 x 1754 px,
# one side reaching it (the map is scaled down, keeping its shape).
png_size() { /usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]))' "$1"; }
if [ -x /usr/bin/python3 ]; then
	S=graphs/cites-educatives
	run render "$S" -o "$TMP/a4.png"
	expect_status "render default page" 0
	read -r w h <<<"$(png_size "$TMP/a4.png")"
	[ "$w" -le 1241 ] && [ "$h" -le 1755 ] && { [ "$w" -ge 1239 ] || [ "$h" -ge 1753 ]; }
	check "render default fits A4 at 150 dpi" $? "${w}x${h}"
	run render "$S" -o "$TMP/px.png" --size 800x600px
	read -r w h <<<"$(png_size "$TMP/px.png")"
	[ "$w" -le 801 ] && [ "$h" -le 601 ] && { [ "$w" -ge 799 ] || [ "$h" -ge 599 ]; }
	check "render --size 800x600px" $? "${w}x${h}"
	# 100 x 100 mm at 300 dpi: 3.94 in, at most 1181 px a side (Graphviz rounds the scale: within 1 %)
	run render "$S" -o "$TMP/mm.png" --size 100x100mm --dpi 300
	read -r w h <<<"$(png_size "$TMP/mm.png")"
	[ "$w" -le 1182 ] && [ "$h" -le 1182 ] && { [ "$w" -ge 1169 ] || [ "$h" -ge 1169 ]; }
	check "render --size 100x100mm --dpi 300" $? "${w}x${h}"
	# the 40-actor network fills the page's shape rather than a column (at most 1.15 x the page's 1.41)
	GEN=build/tests/gen_network
	if [ -x "$GEN" ]; then
		"$GEN" --actors 40 --ties 80 --out "$TMP/n40" >/dev/null
		run render "$TMP/n40" -o "$TMP/n40.png"
		read -r w h <<<"$(png_size "$TMP/n40.png")"
		[ $((h * 100 / w)) -le 170 ]; check "render 40 actors: no narrow column" $? "${w}x${h}"
	fi
fi
run render graphs/cites-educatives -o "$TMP/x.png" --size A9
expect_status "render --size A9" 2
expect_err "render --size A9" "--size 'A9' is not A4, A3, A5"
run render graphs/cites-educatives -o "$TMP/x.png" --dpi 0
expect_status "render --dpi 0" 2
