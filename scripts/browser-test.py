#!/usr/bin/env python3
"""End-to-end test of `twingraph serve` in headless Chromium, driven through the DevTools protocol.

Usage: browser-test.py BASE_URL SCREENSHOT_DIR

Loads the network page, clicks Омск in the drawing, opens a partner's evidence, runs a path query
through the form, and checks what each page shows; writes a screenshot of each step. Exits 1 with
the failed check on stderr.
"""
import asyncio, base64, json, os, re, shutil, subprocess, sys, tempfile, urllib.request

import websockets

BASE, SHOTS = sys.argv[1].rstrip("/"), sys.argv[2]


class Browser:
    """One Chromium page and the protocol messages to it."""

    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    async def call(self, method, **params):
        self.next_id += 1
        await self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await asyncio.wait_for(self.ws.recv(), 60))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    async def wait_for_load(self):
        while True:
            if any(e.get("method") == "Page.loadEventFired" for e in self.events):
                self.events.clear()
                return
            try:
                self.events.append(json.loads(await asyncio.wait_for(self.ws.recv(), 60)))
            except asyncio.TimeoutError:
                fail("no page loaded within 60 s (a click that opened nothing?)")

    async def js(self, expression):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def goto(self, url):
        self.events.clear()
        await self.call("Page.navigate", url=url)
        await self.wait_for_load()

    async def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = await self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if box is None:
            fail(f"no element {selector} on {await self.js('location.href')}")
        self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            await self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    async def screenshot(self, name):
        data = await self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        path = os.path.join(SHOTS, name + ".png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["data"]))
        print(f"browser-test: screenshot {path}")


def fail(what):
    print(f"browser-test: FAILED: {what}", file=sys.stderr)
    sys.exit(1)


def check(condition, what):
    if not condition:
        fail(what)
    print(f"browser-test: ok: {what}")


async def scenario(b):
    await b.call("Page.enable")
    await b.call("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)

    # 1. The network page: the drawing, nodes linked to their pages, lines with relation and year.
    await b.goto(BASE + "/")
    check(await b.js("document.querySelector('h1').textContent") == "Сеть партнёрских связей", "the network page opens")
    links = await b.js("document.querySelectorAll('#network svg a[*|href^=\"/node\"]').length")
    check(links > 50, f"the drawing links its nodes to their pages ({links} links)")
    titles = await b.js("[...document.querySelectorAll('#network svg g.edge a')].map(a => a.getAttribute('xlink:title') || '')")
    check(any(re.search(r"Омск — .*: (побратимы|партнёры).*\d{4}", t) for t in titles),
          "a line's tooltip names its relation and year")
    await b.screenshot("1-network")

    # 2. Click Омск in the drawing.
    await b.click("#network svg g.node a[*|title='Омск']")
    await b.wait_for_load()
    check(await b.js("document.querySelector('h1').textContent") == "Омск", "clicking Омск opens its page")
    partners = await b.js("document.querySelectorAll('li.partner').length")
    check(partners >= 5, f"Омск's page lists its partners ({partners})")
    check(await b.js("!!document.querySelector('#ego svg') && !!document.querySelector('#timeline svg')"),
          "Омск's page shows its ego diagram and timeline")

    # 3. Open a partner's evidence.
    check(not await b.js("document.querySelector('li.partner details').open"), "a partner's evidence starts closed")
    await b.click("li.partner details summary")
    await b.js("new Promise(r => setTimeout(r, 200))")
    quote = await b.js("""(() => { const d = document.querySelector('li.partner details');
        const q = d.querySelector('blockquote.evidence'); return d.open && q && q.offsetHeight > 0 ? q.textContent : null; })()""")
    check(bool(quote) and "Омск" in quote, f"the partner's evidence opens: {quote[:90] if quote else None}…")
    await b.screenshot("2-omsk-evidence")

    # 4. A path query through the form, with inflected names.
    await b.click("nav a[href^='/path']")
    await b.wait_for_load()
    for field, name in (("#from", "Омска"), ("#to", "Иркутском")):
        await b.click(field)
        await b.call("Input.insertText", text=name)
    await b.click("#path-form button")
    await b.wait_for_load()
    heading = await b.js("document.querySelector('h1').textContent")
    check(heading == "Путь: Омск — Иркутск", f"the path page reads the inflected names ({heading})")
    hops = await b.js("document.querySelectorAll('ol.hops li.hop').length")
    evidence = await b.js("document.querySelectorAll('ol.hops blockquote.evidence').length")
    check(hops >= 1 and evidence >= hops, f"every hop shows its evidence ({hops} hops, {evidence} quotes)")
    check(await b.js("!!document.querySelector('#path-diagram svg')"), "the path diagram is drawn")
    await b.screenshot("3-path")


async def main():
    os.makedirs(SHOTS, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="twingraph-chromium-")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    check(chromium is not None, "chromium is installed")
    proc = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in proc.stderr:
            m = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = m.group(1)
                break
        check(port is not None, "chromium starts its DevTools endpoint")
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(p for p in pages if p["type"] == "page")
        async with websockets.connect(page["webSocketDebuggerUrl"], max_size=64 * 1024 * 1024) as ws:
            await scenario(Browser(ws))
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(profile, ignore_errors=True)
    print("browser-test: all checks passed")


asyncio.run(main())
