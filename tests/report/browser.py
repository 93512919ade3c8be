#!/usr/bin/python3
"""Check a coopmap report in headless Chromium, through the DOM after its scripts ran.

    browser.py REPORT.html EDGES.csv NODES.csv SCREENSHOT.png
    browser.py --hostile REPORT.html
    browser.py --measure REPORT.html     (not a test: load time and pan/zoom step cost)
    browser.py --map-shot REPORT.html OUT.png ACTOR   (docs: the map with ACTOR clicked)
    browser.py --map-shot REPORT.html OUT.png region=REGION   (docs: the map filtered to REGION)

The expected values come from the input CSV files, read here with Python's
csv module (not from coopmap): the partners of the clicked actor, the actors
of the filtered region, the ties at the end of 2019.  A test script is put
in a copy of the report, before its Content-Security-Policy (so the policy
stays as coopmap wrote it); it records policy violations and alert() calls,
drives the page (search, click, filter, sort) and writes what it saw into
the DOM, which Chromium dumps.  Chromium's network log must show no request
other than the file itself.  Exit 0 when all checks pass, 1 otherwise, 77
when Chromium cannot run.
"""
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio"]
CLICKED = "cite-martinique-1"
SEARCHED = "Cités Ressources"
REGION = "Bretagne"
YEAR = 2019

TEST_JS = r"""
window.__csp = [];
window.__alerts = [];
window.alert = function (m) { window.__alerts.push(String(m)); };
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
window.addEventListener("load", function () {
  var R = { errors: [] };
  function ids(sel) {
    var D = JSON.parse(document.getElementById("cm-data").textContent);
    return Array.prototype.map.call(document.querySelectorAll(sel), function (g) {
      return D.actors[+g.getAttribute("data-i")].id;
    }).sort();
  }
  function drawn(sel) {
    return Array.prototype.filter.call(document.querySelectorAll(sel), function (g) {
      return getComputedStyle(g).display !== "none";
    });
  }
  function drawnIds(sel) {
    return drawn(sel).map(function (g) { return D.actors[+g.getAttribute("data-i")].id; }).sort();
  }
  function legendCounts() {
    var out = {};
    Array.prototype.forEach.call(document.querySelectorAll("#map svg text"), function (t) {
      var m = /^(.*) \((\d+)\)$/.exec(t.textContent);
      if (m && D.types.indexOf(m[1]) >= 0) out[m[1]] = +m[2];
    });
    return out;
  }
  try {
    var D = JSON.parse(document.getElementById("cm-data").textContent);
    R.scripts = document.querySelectorAll("script").length;
    R.imgs = document.querySelectorAll("img").length;
    R.labels_in_dom = D.actors.map(function (a) {
      return Array.prototype.some.call(document.querySelectorAll("td"), function (td) {
        return td.textContent === a.label;
      });
    });
    R.nodes = document.querySelectorAll("#map svg g.node:not(.label):not(.legend)").length;
    R.labels_tied = Array.prototype.every.call(document.querySelectorAll("#map svg g.node.label"), function (g) { return g.hasAttribute("data-i"); });
    R.actors = D.actors.length;
    R.actor_ids = D.actors.map(function (a) { return a.id; });
    R.panzoom = !!document.querySelector("#map svg .svg-pan-zoom_viewport");
    if (__MODE__ === "measure") {
      var t = performance.getEntriesByType("navigation")[0];
      R.load_ms = t ? t.loadEventStart : null;
      var svgEl = document.querySelector("#map svg"), pz = window.svgPanZoom(svgEl), steps = [];
      for (var i = 0; i < 40; i++) {
        var t0 = performance.now();
        if (i % 2) pz.panBy({ x: 15, y: 10 }); else pz.zoomBy(i % 4 ? 1.1 : 0.9);
        document.elementFromPoint(300, 300);   // forces style, layout and hit testing
        svgEl.getBoundingClientRect();
        steps.push(performance.now() - t0);
      }
      steps.sort(function (a, b) { return a - b; });
      R.step_median_ms = steps[20];
      R.step_max_ms = steps[39];
    }
    if (__MODE__ === "full") {
      R.legend_all = legendCounts();
      var s = document.getElementById("search");
      s.value = __SEARCHED__;
      s.dispatchEvent(new Event("change"));
      R.search_card = document.getElementById("card").getAttribute("data-actor");
      R.search_selected = ids("#map g.node.cm-sel");
      var k = D.actors.findIndex(function (a) { return a.id === __CLICKED__; });
      var g = document.querySelector('#map g.node[data-i="' + k + '"]');
      g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      R.click_card = document.getElementById("card").getAttribute("data-actor");
      R.click_card_text = document.getElementById("card").textContent;
      R.click_selected = ids("#map g.node.cm-sel");
      R.click_partners = ids("#map g.node.cm-nb:not(.label)");
      R.click_faded = getComputedStyle(document.querySelector("#map g.node:not(.cm-sel):not(.cm-nb)")).opacity;
      var fr = document.getElementById("f-region");
      fr.value = __REGION__;
      fr.dispatchEvent(new Event("change"));
      R.region_shown = drawnIds("#map g.node:not(.label):not(.legend)");
      R.region_labels = drawnIds("#map g.node.label");
      R.region_edges = drawn("#map g.edge").map(function (g) { return g.querySelector("title").textContent; });
      R.region_legend = legendCounts();
      R.region_status = document.getElementById("filter-status").textContent;
      R.region_caption = Array.prototype.map.call(document.querySelectorAll("#map svg text"), function (t) {
        return t.textContent;
      }).filter(function (t) { return /^\d+\D+\d+ /.test(t); })[0] || "";
      fr.value = "";
      fr.dispatchEvent(new Event("change"));
      var fy = document.getElementById("f-year");
      fy.value = String(__YEAR__);
      fy.dispatchEvent(new Event("change"));
      R.year_edges = drawn("#map g.edge").length;
      fy.value = "";
      fy.dispatchEvent(new Event("change"));
      R.all_edges = drawn("#map g.edge").length;
      R.all_nodes = drawn("#map g.node:not(.label):not(.legend)").length;
      R.reset_legend = legendCounts();
      var th = Array.prototype.find.call(document.querySelectorAll("#s-isolated th"), function (h) {
        return h.classList.contains("num");
      });
      var col = Array.prototype.indexOf.call(th.parentNode.children, th);
      function column() {
        return Array.prototype.map.call(th.closest("table").tBodies[0].rows, function (r) {
          return parseFloat(r.cells[col].getAttribute("data-v"));
        });
      }
      th.click();
      R.sort_asc = column();
      th.click();
      R.sort_desc = column();
      R.sort_aria = th.getAttribute("aria-sort");
      var row = th.closest("table").tBodies[0].rows[0];
      row.click();
      R.row_actor = row.getAttribute("data-actor");
      R.row_card = document.getElementById("card").getAttribute("data-actor");
      R.row_selected = ids("#map g.node.cm-sel");
    }
  } catch (e) {
    R.errors.push(String(e && e.stack || e));
  }
  R.csp = window.__csp;
  R.alerts = window.__alerts;
  var pre = document.createElement("pre");
  pre.id = "test-result";
  pre.textContent = JSON.stringify(R);
  document.body.appendChild(pre);
});
"""

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)[:400]))
    if not ok:
        failures.append(name)


def run_page(report, mode, workdir):
    """Run the page with the test script in headless Chromium; return its results and the net log."""
    page = open(report, encoding="utf-8").read()
    js = (TEST_JS.replace("__MODE__", json.dumps(mode)).replace("__SEARCHED__", json.dumps(SEARCHED))
          .replace("__CLICKED__", json.dumps(CLICKED)).replace("__REGION__", json.dumps(REGION))
          .replace("__YEAR__", str(YEAR)))
    # before <meta charset> and the policy: the page's own policy is unchanged
    page = page.replace("<head>\n", "<head>\n<script>" + js + "</script>\n", 1)
    copy = os.path.join(workdir, "page.html")
    with open(copy, "w", encoding="utf-8") as f:
        f.write(page)
    netlog = os.path.join(workdir, "net.json")
    out = subprocess.run([CHROMIUM] + FLAGS + ["--log-net-log=" + netlog, "--virtual-time-budget=5000",
                                               "--dump-dom", "file://" + copy],
                         capture_output=True, text=True, timeout=120)
    m = re.search(r'<pre id="test-result">(.*?)</pre>', out.stdout, re.S)
    if not m:
        print(out.stderr[-2000:])
        return None, netlog
    return json.loads(html.unescape(m.group(1))), netlog


def requests_in(netlog):
    """The requests the page started (Chromium's own, initiator "not an origin", are not the page's)."""
    try:
        text = open(netlog, encoding="utf-8", errors="replace").read().rstrip()
    except OSError:
        return ["(no network log)"]
    try:
        log = json.loads(text)
    except ValueError:
        # Chromium may stop before closing the JSON
        try:
            log = json.loads(text.rstrip(",") + "]}")
        except ValueError as e:
            return ["(unreadable network log: %s)" % e]
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = set()
    for ev in log["events"]:
        p = ev.get("params") or {}
        if ev.get("type") != start or "url" not in p:
            continue
        if p.get("initiator") == "not an origin" or p["url"].startswith(("file:", "data:")):
            continue
        found.add(p["url"])
    return sorted(found)


def expected(edges_path, nodes_path):
    """Partners, region members and ties at the end of YEAR, from the CSV files."""
    partners, pairs = set(), {}
    with open(edges_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = row["source"], row["target"]
            if a == b:
                continue
            key = tuple(sorted((a, b)))
            year = int(row["year"]) if row.get("year") else None
            end = int(row["end"]) if row.get("end") else None
            # repeated ties merge: the earliest year and the first row's end (docs/input.md)
            if key in pairs:
                y0, e0 = pairs[key]
                pairs[key] = (min(y for y in (y0, year) if y is not None) if (y0 or year) else None, e0)
            else:
                pairs[key] = (year, end)
            if CLICKED in key:
                partners.add(b if a == CLICKED else a)
    region, types, region_types = [], {}, {}
    with open(nodes_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            types[row["type"]] = types.get(row["type"], 0) + 1
            if row["region"] == REGION:
                region.append(row["id"])
                region_types[row["type"]] = region_types.get(row["type"], 0) + 1
    at_year = sum(1 for y, e in pairs.values() if y is not None and y <= YEAR and (e is None or e >= YEAR))
    inside = sorted(p for p in pairs if p[0] in region and p[1] in region)
    return dict(partners=sorted(partners), region=sorted(region), at_year=at_year, all_ties=len(pairs),
                types=types, region_types=region_types, region_ties=inside)


def main():
    if not CHROMIUM:
        print("SKIP: chromium is not installed (make deps installs Debian's chromium)")
        return 77
    hostile = sys.argv[1] == "--hostile"
    if sys.argv[1] == "--map-shot":
        js = ("window.addEventListener('load', function () {"
              "document.querySelectorAll('header, nav, section:not(#s-map)').forEach(function (e) {"
              "e.style.display = 'none'; });"
              "var D = JSON.parse(document.getElementById('cm-data').textContent), what = %s;"
              "if (what.indexOf('region=') === 0) { var s = document.getElementById('f-region');"
              "s.value = what.slice(7); s.dispatchEvent(new Event('change')); return; }"
              "var k = D.actors.findIndex(function (a) { return a.id === what; });"
              "document.querySelector('#map g.node[data-i=\"' + k + '\"]')"
              ".dispatchEvent(new MouseEvent('click', { bubbles: true })); });" % json.dumps(sys.argv[4]))
        with tempfile.TemporaryDirectory() as work:
            copy = os.path.join(work, "page.html")
            page = open(sys.argv[2], encoding="utf-8").read().replace("<head>\n", "<head>\n<script>" + js + "</script>\n", 1)
            open(copy, "w", encoding="utf-8").write(page)
            subprocess.run([CHROMIUM] + FLAGS + ["--window-size=1280,900", "--virtual-time-budget=3000",
                                                 "--screenshot=" + os.path.abspath(sys.argv[3]), "file://" + copy],
                           capture_output=True, timeout=120)
        return 0
    if sys.argv[1] == "--measure":
        with tempfile.TemporaryDirectory() as work:
            R, _ = run_page(sys.argv[2], "measure", work)
        print("load %.0f ms, pan/zoom step median %.2f ms, max %.2f ms" %
              (R["load_ms"], R["step_median_ms"], R["step_max_ms"]))
        return 0
    report = sys.argv[2] if hostile else sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        try:
            R, netlog = run_page(report, "hostile" if hostile else "full", work)
        except (OSError, subprocess.TimeoutExpired) as e:
            print("SKIP: chromium cannot run here: %s" % e)
            return 77
        if R is None:
            check("the test script ran and wrote its result", False, "no #test-result in the dumped DOM")
            return 1
        check("no script error", not R["errors"], R["errors"])
        check("no Content-Security-Policy violation", not R["csp"], R["csp"])
        check("no alert() ran", not R["alerts"], R["alerts"])
        check("no request but the file itself", not requests_in(netlog), requests_in(netlog))
        check("three script elements of the report (+1 of the test)", R["scripts"] == 4, R["scripts"])
        check("no <img> element", R["imgs"] == 0, R["imgs"])
        check("one map node per actor", R["nodes"] == R["actors"], (R["nodes"], R["actors"]))
        check("every placed label belongs to an actor", R["labels_tied"], R["labels_tied"])
        check("pan/zoom attached to the map", R["panzoom"], R)
        if hostile:
            check("every label shows as text in a table cell", all(R["labels_in_dom"]), R["labels_in_dom"])
        else:
            X = expected(sys.argv[2], sys.argv[3])
            partners, region, at_year, all_ties = X["partners"], X["region"], X["at_year"], X["all_ties"]
            check("search selects the actor and shows its card", R["search_card"] == "crpv-cites-ressources" and
                  R["search_selected"] == ["crpv-cites-ressources"], (R["search_card"], R["search_selected"]))
            check("a click shows the actor's card", R["click_card"] == CLICKED, R["click_card"])
            check("a click highlights the actor", R["click_selected"] == [CLICKED], R["click_selected"])
            check("a click highlights exactly its partners (from edges.csv)", R["click_partners"] == partners,
                  (R["click_partners"], partners))
            check("the others fade", float(R["click_faded"]) < 0.5, R["click_faded"])
            check("region filter keeps that region's actors (from nodes.csv)", R["region_shown"] == region,
                  (R["region_shown"], region))
            check("region filter hides the other actors' labels", set(R["region_labels"]) <= set(region),
                  (R["region_labels"], region))
            # the map's tie titles name vertex numbers (nN--nM): back to ids through the page's data order
            ids_by_n = R["actor_ids"]
            drawn_ties = sorted(tuple(sorted(ids_by_n[int(x)] for x in re.findall(r"n(\d+)", t)))
                                for t in R["region_edges"])
            check("region filter draws exactly the ties inside the region (from edges.csv)",
                  drawn_ties == X["region_ties"], (drawn_ties, X["region_ties"]))
            want = {t: X["region_types"].get(t, 0) for t in X["types"]}
            check("legend counts all actors of each type (from nodes.csv)", R["legend_all"] == X["types"],
                  (R["legend_all"], X["types"]))
            check("region filter: the legend counts the actors shown (from nodes.csv)", R["region_legend"] == want,
                  (R["region_legend"], want))
            check("region filter: the status line counts them", R["region_status"].startswith(str(len(region)) + " "),
                  R["region_status"])
            cap = re.match(r"(\d+)\D+?(\d+)", R["region_caption"])
            check("region filter: the map's caption counts the actors and ties shown (from the CSV files)",
                  cap is not None and (int(cap.group(1)), int(cap.group(2))) == (len(region), len(X["region_ties"])),
                  (R["region_caption"][:60], len(region), len(X["region_ties"])))
            check("no filter draws every actor and counts them all again",
                  R["all_nodes"] == R["actors"] and R["reset_legend"] == X["types"], (R["all_nodes"], R["reset_legend"]))
            check("year filter shows the ties at the end of %d (from edges.csv)" % YEAR, R["year_edges"] == at_year,
                  (R["year_edges"], at_year))
            check("no year filter shows every tie", R["all_edges"] == all_ties, (R["all_edges"], all_ties))
            check("sort ascending", R["sort_asc"] == sorted(R["sort_asc"]) and R["sort_asc"] != R["sort_desc"],
                  R["sort_asc"])
            check("sort descending", R["sort_desc"] == sorted(R["sort_desc"], reverse=True), R["sort_desc"])
            check("aria-sort says the order", R["sort_aria"] == "descending", R["sort_aria"])
            check("a table row selects its actor", R["row_card"] == R["row_actor"] and
                  R["row_selected"] == [R["row_actor"]], (R["row_actor"], R["row_card"], R["row_selected"]))
            shot = sys.argv[4]
            subprocess.run([CHROMIUM] + FLAGS + ["--window-size=1280,1600", "--virtual-time-budget=5000",
                                                 "--screenshot=" + shot, "file://" + os.path.abspath(report)],
                           capture_output=True, timeout=120)
            check("screenshot taken", os.path.exists(shot) and os.path.getsize(shot) > 10000, shot)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
