#!/usr/bin/python3
"""Frame times of a coopmap report's map while it pans and zooms, in headless Chromium.

    frames.py REPORT.html [FRAMES]      (not a test: prints one JSON line)

Chromium is driven through the DevTools protocol on a pipe
(--remote-debugging-pipe: messages are JSON separated by NUL bytes on file
descriptors 3 and 4), so the page runs in real time: no virtual time, no
test script in the page.  Once the page has loaded, three runs of FRAMES
animation frames each (default 120), timed with requestAnimationFrame's
timestamps (the interval between two frames is the frame time):

- idle: nothing changes; the browser's own frame pace on this machine, the
  peer the others are read against;
- pan: each frame moves the map by svg-pan-zoom's panBy (a diagonal sweep
  and back);
- zoom: each frame zooms in by zoomBy(1.03) (half the frames) then out.

Then each filter of the page (type, region, year) is set and cleared five
times, each change timed from the change event to the end of the next frame
(filter: the script, style, layout and paint) and to the end of the page's
handler (filter_script: the script alone).  The
median and 95th percentile of each run, and the page's bytes, are printed.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--window-size=1280,900",
         "--remote-debugging-pipe"]

MEASURE_JS = r"""
(async function (FRAMES) {
  function frame() { return new Promise(function (r) { requestAnimationFrame(r); }); }
  var run = async function (step) {
    var t = [], i;
    await frame(); await frame();
    for (i = 0; i <= FRAMES; i++) { t.push(await frame()); if (step) step(i); }
    var d = [];
    for (i = 1; i < t.length; i++) d.push(t[i] - t[i - 1]);
    return d;
  };
  var svg = document.querySelector("#map svg"), pz = window.svgPanZoom(svg);
  pz.resetZoom(); pz.center();
  var out = {};
  out.idle = await run(null);
  out.pan = await run(function (i) {
    var s = i < FRAMES / 2 ? 1 : -1;
    pz.panBy({ x: 6 * s, y: 4 * s });
  });
  pz.resetZoom(); pz.center();
  out.zoom = await run(function (i) { pz.zoomBy(i < FRAMES / 2 ? 1.03 : 1 / 1.03); });
  pz.resetZoom(); pz.center();
  /* each filter: set to its first value, then back to all; from the change to the next frame's end */
  out.filter = [];
  out.filter_script = [];
  var D = JSON.parse(document.getElementById("cm-data").textContent);
  var tries = [["f-type", D.types[0]], ["f-region", D.regions[0]], ["f-year", String(D.years[0])]];
  for (var k = 0; k < tries.length; k++) {
    var sel = document.getElementById(tries[k][0]);
    if (!sel || tries[k][1] === undefined) continue;
    for (var rep = 0; rep < 5; rep++) {
      var values = [tries[k][1], ""];
      for (var v = 0; v < 2; v++) {
        await frame();
        var t0 = performance.now();
        sel.value = values[v];
        sel.dispatchEvent(new Event("change"));
        out.filter_script.push(performance.now() - t0);
        await frame();
        await new Promise(function (r) { setTimeout(r, 0); });
        out.filter.push(performance.now() - t0);
      }
    }
  }
  out.actors = D.actors.length;
  out.ties = D.ties.length;
  out.nodes = document.querySelectorAll("#map g.node:not(.label)").length;
  return out;
})(__FRAMES__)
"""


class Browser:
    """Chromium on a DevTools pipe: send a command, wait for its answer."""

    def __init__(self):
        self.to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, self.from_chrome_w = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="coopmap-frames-")

        def child_fds():
            # dup first (the pipe may already sit on 3 or 4): dup2 onto itself would keep close-on-exec
            r, w = os.dup(self.to_chrome_r), os.dup(self.from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen([CHROMIUM] + FLAGS + ["--user-data-dir=" + self.profile, "about:blank"],
                                     preexec_fn=child_fds,
                                     close_fds=False, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("FRAMES_LOG", os.devnull), "w"))
        os.close(self.to_chrome_r)
        os.close(self.from_chrome_w)
        self.buf = b""
        self.next_id = 0

    def send(self, method, params=None, session=None, timeout=300):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome_w, json.dumps(msg).encode() + b"\0")
        end = time.time() + timeout
        while True:
            while b"\0" in self.buf:
                raw, self.buf = self.buf.split(b"\0", 1)
                ans = json.loads(raw)
                if ans.get("id") == self.next_id:
                    if "error" in ans:
                        raise RuntimeError("%s: %s" % (method, ans["error"]))
                    return ans["result"]
            left = end - time.time()
            if left <= 0:
                raise TimeoutError(method)
            r, _, _ = select.select([self.from_chrome_r], [], [], left)
            if r:
                chunk = os.read(self.from_chrome_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buf += chunk

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def evaluate(b, session, expr, timeout=600):
    res = b.send("Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True},
                 session=session, timeout=timeout)
    if "exceptionDetails" in res:
        raise RuntimeError(json.dumps(res["exceptionDetails"])[:800])
    return res["result"].get("value")


def pct(values, p):
    """The p-th percentile, nearest rank."""
    v = sorted(values)
    if not v:
        return None
    k = max(0, min(len(v) - 1, int(round(p / 100.0 * len(v) + 0.5)) - 1))
    return v[k]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if not CHROMIUM:
        print("frames.py: chromium is not installed", file=sys.stderr)
        return 77
    report = os.path.abspath(sys.argv[1])
    frames = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    b = Browser()
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = b.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        b.send("Page.enable", session=session)
        t0 = time.time()
        b.send("Page.navigate", {"url": "file://" + report}, session=session)
        evaluate(b, session, "new Promise(function (r) { if (document.readyState === 'complete') r(); "
                             "else addEventListener('load', function () { r(); }); })")
        load_s = time.time() - t0
        R = evaluate(b, session, MEASURE_JS.replace("__FRAMES__", str(frames)))
    finally:
        b.close()
    out = {"report": sys.argv[1], "bytes": os.path.getsize(report), "actors": R["actors"], "ties": R["ties"],
           "map_nodes": R["nodes"], "frames": frames, "load_s": round(load_s, 2)}
    for k in ("idle", "pan", "zoom", "filter", "filter_script"):
        out[k + "_median_ms"] = round(pct(R[k], 50), 2)
        out[k + "_p95_ms"] = round(pct(R[k], 95), 2)
        out[k + "_max_ms"] = round(max(R[k]), 2)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
