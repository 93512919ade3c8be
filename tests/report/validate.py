#!/usr/bin/python3
"""Check the structure of a coopmap report: validate.py REPORT.html [LANG]

Every element that is opened is closed, in order (void elements aside, and
SVG's self-closing ones); one doctype, one html, head and body; exactly
three script elements: the JSON data (type application/json, which must
parse), and two scripts whose SHA-256 (computed here with hashlib) the
Content-Security-Policy lists; the policy forbids every request
(default-src 'none').  With LANG, <html lang> must be it.  Prints what is
wrong and exits 1, or exits 0.
"""
import base64
import hashlib
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.counts = [], [], {}
        self.scripts, self.csp, self.lang, self.doctype = [], None, None, 0
        self.in_script = None

    def handle_decl(self, decl):
        self.doctype += decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "script":
            self.in_script = [a.get("type"), a.get("id"), ""]
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        # <path .../> in SVG: opened and closed at once
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_data(self, data):
        if self.in_script is not None:
            self.in_script[2] += data

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script is not None:
            self.scripts.append(self.in_script)
            self.in_script = None
        if tag in VOID:
            return
        if not self.stack:
            self.errors.append("line %d: </%s> closes nothing" % (self.getpos()[0], tag))
            return
        open_tag, pos = self.stack.pop()
        if open_tag != tag:
            self.errors.append("line %d: </%s> closes <%s> of line %d" % (self.getpos()[0], tag, open_tag, pos[0]))


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    c = Checker()
    c.feed(text)
    c.close()
    errors = list(c.errors)
    errors += ["<%s> of line %d never closed" % (t, p[0]) for t, p in c.stack]
    if c.doctype != 1:
        errors.append("%d <!DOCTYPE html>" % c.doctype)
    for t in ("html", "head", "body"):
        if c.counts.get(t) != 1:
            errors.append("%d <%s> elements" % (c.counts.get(t, 0), t))
    if len(sys.argv) > 2 and c.lang != sys.argv[2]:
        errors.append("<html lang=%r>, want %r" % (c.lang, sys.argv[2]))
    if not c.csp or "default-src 'none'" not in c.csp:
        errors.append("no Content-Security-Policy with default-src 'none': %r" % c.csp)
    if len(c.scripts) != 3:
        errors.append("%d script elements, want 3: %r" % (len(c.scripts), [s[:2] for s in c.scripts]))
    for typ, ident, body in c.scripts:
        if typ == "application/json":
            try:
                json.loads(body)
            except ValueError as e:
                errors.append("the JSON data does not parse: %s" % e)
        else:
            h = "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            if not c.csp or h not in c.csp:
                errors.append("a script's hash %s is not in the policy" % h)
    for e in errors:
        print("%s: %s" % (sys.argv[1], e))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
