"""The interactive page in a real browser: Debian's chromium driven by selenium.

Opens a report, checks the stack picture and the frames the script drew,
moves the slider, follows a `#step=N&g=N` link, clicks a goroutine's lane
and checks the frames shown change with it.  Where chromium or chromedriver
is missing the tests skip, except in CI (CI=1 or GOSTACK_CI=1, which .ci/run
sets): there a missing browser is a failure, never a silent skip.
"""

import os
import re
import shutil
import time

import pytest

from gostack import cli

from test_report import PROGRAM, _png_pixels_vary

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
IN_CI = any(os.environ.get(name, "") not in ("", "0") for name in ("CI", "GOSTACK_CI"))


def _browser_missing() -> str:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, DRIVER):
        if not os.path.exists(path):
            return f"{path} is missing (apt-get install -y chromium chromium-driver)"
    return ""


@pytest.fixture(scope="module")
def browser():
    missing = _browser_missing()
    if missing:
        if IN_CI:
            pytest.fail(f"the browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1150,1300",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    src = tmp / "report.go"
    src.write_text(PROGRAM)
    out = tmp / "report.html"
    assert cli.main(["run", "--html", str(out), str(src)]) == 0
    return out


def _open(browser, url):
    browser.get(url)
    end = time.monotonic() + 20
    while browser.execute_script("return document.body.dataset.ready") != "1":
        assert time.monotonic() < end, "the page's script never finished"
        time.sleep(0.05)


def _frames(browser) -> list:
    rows = browser.find_elements("css selector", "#frames tr.frame-row")
    return [[td.text for td in row.find_elements("tag name", "td")] for row in rows]


def _slide(browser, step: int):
    browser.execute_script("const s = document.getElementById('slider'); s.value = arguments[0];"
                           "s.dispatchEvent(new Event('input'));", step)


def test_page_opens_on_the_deepest_moment_with_its_frames(browser, page):
    _open(browser, page.as_uri())
    picture = browser.find_element("id", "stack-picture").get_attribute("outerHTML")
    for label in ("stack.hi", "SP, ", "stackguard0 = lo+880", "StackSmall: guard-128", "stack.lo"):
        assert label in picture, label
    assert "before: " in picture and "after: " in picture      # a copy: old and new side by side
    frames = _frames(browser)
    names = [row[0] for row in frames]
    assert names[0] == "main.deep" and names[-1] == "runtime.main" and "main.main" in names
    deep_run = next(row for row in frames if row[0] == "main.deep" and row[1] != "0 B")
    assert int(deep_run[2].replace(",", "")) > 500        # deep(1500): hundreds of frames
    assert "pointers into the old stack adjusted" in browser.find_element("id", "frames-panel").text
    slots = [row.text for row in browser.find_elements("css selector", "#pointers tr")][1:]
    assert slots and all(" -> " in row and "main." in row for row in slots)      # old -> new
    assert re.match(r"#step=\d+&g=1$", browser.find_element("id", "permalink").text)


def test_slider_moves_through_time(browser, page):
    _open(browser, page.as_uri() + "#g=1&step=0")
    assert "has not started" in browser.find_element("id", "stack-caption").text or \
        browser.find_element("id", "moment").text.startswith("Shown: goroutine 1 as of step 0")
    _slide(browser, 40)
    early = browser.find_element("id", "moment").text
    last = int(browser.find_element("id", "slider").get_attribute("max"))
    _slide(browser, last)
    late = browser.find_element("id", "moment").text
    assert early != late and f"step={last}&g=1" in browser.execute_script("return location.hash")
    assert browser.find_element("id", "now").text.startswith(f"step {last:,} of {last:,}")


def test_a_link_and_a_click_select_a_goroutine(browser, page):
    _open(browser, page.as_uri())
    last = int(browser.find_element("id", "slider").get_attribute("max"))
    lanes = browser.find_elements("css selector", ".lane")
    worker = next(lane for lane in lanes if lane.get_attribute("data-g") != "1")
    g = int(worker.get_attribute("data-g"))
    _open(browser, page.as_uri() + f"#step={last}&g=1")
    before = _frames(browser)
    browser.find_element("css selector", f'.lane[data-g="{g}"] rect').click()
    assert browser.execute_script("return location.hash") == f"#step={last}&g={g}"
    assert "selected" in browser.find_element("css selector",
                                              f'.lane[data-g="{g}"]').get_attribute("class")
    shown = browser.find_element("id", "moment").text
    assert shown.startswith(f"Shown: goroutine {g} as of step")
    after = _frames(browser)
    assert after != before
    if after:                       # a worker's copy: its frames are the worker's
        assert "main.worker" in [row[0] for row in after]


def test_screenshot_is_not_blank(browser, page, tmp_path):
    _open(browser, page.as_uri())
    shot = tmp_path / "report.png"
    browser.save_screenshot(str(shot))
    assert _png_pixels_vary(shot)
    target = os.environ.get("GOSTACK_SCREENSHOT")      # refresh docs/report.png from a run
    if target:
        shutil.copy(shot, target)
