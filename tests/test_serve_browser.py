"""The page in a real browser (headless Chromium through selenium), on the fixture store, at a
desktop (1400x900) and a phone (390x844) size: filters, the event view, the map, the time
brush, Back, console errors and horizontal overflow. Render and filter times are printed.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package (`.ci/run`
installs them); where no browser can be had, every test here is skipped and says why.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed: pip install -e '.[dev]'"
)
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from wirecoder.serve import make_app, make_http_server  # noqa: E402

BROWSER = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None,
    reason="no browser: install Debian's chromium and chromium-driver to run the page's "
    "browser tests (.ci/run does)",
)
DESKTOP, PHONE = (1400, 900), (390, 844)


@pytest.fixture(scope="module")
def base(page_store) -> Iterator[str]:
    app = make_app(page_store)
    server = make_http_server(app, "127.0.0.1", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.close()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = BROWSER
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        drv = webdriver.Chrome(options=opts, service=Service(DRIVER))
    except WebDriverException as exc:
        pytest.skip(f"chromium would not start: {exc.msg}")
    drv.set_script_timeout(20)
    try:
        yield drv
    finally:
        drv.quit()


def wait(drv: Any, condition: str, timeout: float = 15) -> Any:
    """Poll a JS expression until it is truthy; fail with the expression otherwise."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = drv.execute_script(f"return ({condition})")
        if value:
            return value
        time.sleep(0.03)
    raise AssertionError(f"timed out waiting for: {condition}")


def open_page(drv: Any, base: str, size: tuple[int, int], query: str = "") -> int:
    """Load the page at a window size; wait until it has drawn; return the render time."""
    drv.set_window_size(*size)
    drv.get(base + query)
    wait(drv, "window.__wirecoder && window.__wirecoder.ready")
    drv.get_log("browser")  # start each check with an empty console
    return int(drv.execute_script("return window.__wirecoder.renderMs"))


def loads(drv: Any) -> int:
    return int(drv.execute_script("return window.__wirecoder.loads"))


def after(drv: Any, n: int) -> None:
    """Wait for the load after the n-th: a filter change has been drawn."""
    wait(drv, f"window.__wirecoder.loads > {n}")


def query(drv: Any) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(drv.current_url).query).items()}


def console_errors(drv: Any) -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"]


def no_overflow(drv: Any) -> None:
    width, inner = drv.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert width <= inner, f"the page is {width} px wide in a {inner} px window"


def rows(drv: Any) -> list[Any]:
    return drv.find_elements(By.CSS_SELECTOR, "#rows tr[data-key]")


def total(drv: Any) -> int:
    text = drv.find_element(By.ID, "page").text  # "1–100 of 147"
    return int(text.split(" of ")[1]) if " of " in text else 0


def check_event_view(drv: Any) -> None:
    """The opened event: its heading, the trigger highlighted with the trigger's text, the
    key listing the marks shown, and no stray "null" anywhere in the panel."""
    body = drv.find_element(By.ID, "detail-body")
    trigger = drv.execute_script(
        "const d = [...document.querySelectorAll('#detail-body dt')]"
        ".find((x) => x.textContent === 'Trigger'); return d && d.nextSibling.textContent"
    )
    marks = body.find_elements(By.CSS_SELECTOR, ".article-text mark.hl-trigger")
    assert marks and trigger.startswith(f"“{''.join(m.text for m in marks)}”")
    keys = [k.text for k in body.find_elements(By.CSS_SELECTOR, ".keys mark")]
    assert "trigger" in keys
    for role in ("source", "target", "place"):
        shown = body.find_elements(By.CSS_SELECTOR, f".article-text mark.hl-{role}")
        assert bool(shown) == (role in keys), role
    assert "null" not in body.text and "undefined" not in body.text


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_page_renders_whole_without_errors_or_overflow(driver, base, size):
    ms = open_page(driver, base, size)
    print(f"\n[{size[0]}x{size[1]}] page rendered in {ms} ms (from navigation)")
    assert len(rows(driver)) == min(100, total(driver)) > 0
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map path.land")) > 150  # the basemap
    assert driver.find_elements(By.CSS_SELECTOR, "#chart rect.bar")
    assert driver.find_elements(By.CSS_SELECTOR, "#dyad-rows button")
    no_overflow(driver)
    # the map shows the whole world: nothing east of 70°E is cut off
    box = driver.execute_script("return document.getElementById('map').getBoundingClientRect()")
    assert box["right"] <= size[0]
    # every column of the table is on screen (on a phone each row is a card)
    for cell in rows(driver)[0].find_elements(By.TAG_NAME, "td"):
        assert cell.rect["x"] + cell.rect["width"] <= size[0] + 1, cell.text
    assert "null" not in driver.find_element(By.TAG_NAME, "body").text
    assert console_errors(driver) == []


def test_the_table_header_stays_and_dates_do_not_wrap(driver, base):
    open_page(driver, base, DESKTOP)
    wrap = driver.find_element(By.ID, "table-wrap")
    driver.execute_script("arguments[0].scrollTop = 600", wrap)
    top = driver.execute_script(
        "const w = arguments[0].getBoundingClientRect();"
        "const h = arguments[0].querySelector('thead th').getBoundingClientRect();"
        "return [w.top, h.top]",
        wrap,
    )
    assert abs(top[1] - top[0]) <= 2, top  # the header is at the top of the scrolled box
    for cell in driver.find_elements(By.CSS_SELECTOR, "#rows td.date")[:20]:
        lines = driver.execute_script(
            "const r = document.createRange(); r.selectNodeContents(arguments[0]);"
            "return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size",
            cell,
        )
        assert lines == 1, cell.text


def test_selects_apply_at_once_and_back_restores_the_filter_before(driver, base):
    open_page(driver, base, DESKTOP)
    everything = total(driver)
    n = loads(driver)
    t0 = time.perf_counter()
    Select(driver.find_element(By.ID, "f-type")).select_by_value("ASSAULT")  # no Apply
    after(driver, n)
    first_ms = driver.execute_script("return window.__wirecoder.filterMs.at(-1)")
    print(f"\nfilter change (type): {first_ms} ms in the page, "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms seen by the test")  # fmt: skip
    assault = total(driver)
    assert 0 < assault < everything
    labels = [r.find_element(By.CSS_SELECTOR, "button.type").text for r in rows(driver)]
    assert all(label.startswith("ASSAULT") for label in labels), labels
    option = Select(driver.find_element(By.ID, "f-type")).first_selected_option.text
    assert option == f"ASSAULT ({assault})"  # the list counts

    n = loads(driver)
    Select(driver.find_element(By.ID, "f-country")).select_by_value("SOM")
    after(driver, n)
    print(
        f"filter change (country): {driver.execute_script('return window.__wirecoder.filterMs.at(-1)')} ms"
    )
    assert query(driver) == {"type": "ASSAULT", "country": "SOM"}
    names = [o.text for o in Select(driver.find_element(By.ID, "f-country")).options]
    assert any(name.startswith("Somalia (SOM)") for name in names)
    both = total(driver)
    assert 0 < both <= assault

    n = loads(driver)
    driver.back()
    after(driver, n)
    assert query(driver) == {"type": "ASSAULT"}
    assert total(driver) == assault
    assert Select(driver.find_element(By.ID, "f-country")).first_selected_option.text == "any"
    assert (
        Select(driver.find_element(By.ID, "f-type")).first_selected_option.get_attribute("value")
        == "ASSAULT"
    )
    n = loads(driver)
    driver.back()
    after(driver, n)
    assert query(driver) == {} and total(driver) == everything
    assert console_errors(driver) == []


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_event_opens_by_mouse_and_by_keyboard(driver, base, size):
    open_page(driver, base, size)
    row = rows(driver)[3]
    row.find_elements(By.TAG_NAME, "td")[2].click()  # a plain cell: the mouse
    wait(driver, "document.querySelector('#detail-body .article-text')")
    assert "selected" in row.get_attribute("class")
    check_event_view(driver)
    # the panel is on screen (on a phone it is below the table: it is scrolled to)
    top = driver.execute_script(
        "return document.getElementById('detail').getBoundingClientRect().top"
    )
    # (scroll offsets are whole pixels and layout is not: "at the top" may be -0.5)
    assert -1 < top < size[1] / 2, top
    assert query(driver)["event"] == row.get_attribute("data-key")

    # the keyboard: Enter on the next row's button
    other = rows(driver)[5]
    button = other.find_element(By.CSS_SELECTOR, "button.type")
    driver.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    key = other.get_attribute("data-key")
    wait(driver, f"new URLSearchParams(location.search).get('event') === '{key}'")
    assert driver.switch_to.active_element.get_attribute("id") == "detail-h"
    assert button.text.split(" (")[0] in driver.find_element(By.ID, "detail-h").text
    check_event_view(driver)
    no_overflow(driver)
    assert console_errors(driver) == []


def test_an_error_clears_the_results_it_would_leave_stale(driver, base):
    open_page(driver, base, DESKTOP)
    assert rows(driver)
    n = loads(driver)
    set_date = (
        "const i = document.getElementById(arguments[0]); i.value = arguments[1];"
        "i.dispatchEvent(new Event('change', {bubbles: true}))"
    )
    driver.execute_script(set_date, "f-to", "2021-04-01")
    after(driver, n)
    n = loads(driver)
    driver.execute_script(set_date, "f-from", "2021-05-01")  # after the end: the API refuses
    after(driver, n)
    error = driver.find_element(By.ID, "error")
    assert error.is_displayed() and "date_to" in error.text
    assert rows(driver) == []
    assert driver.find_elements(By.CSS_SELECTOR, "#map .dot") == []
    assert driver.find_elements(By.CSS_SELECTOR, "#chart rect.bar") == []
    assert all("400" in m for m in console_errors(driver))  # only the refused request


def test_the_map_is_one_tab_stop_and_a_dot_lists_its_events(driver, base):
    open_page(driver, base, DESKTOP)
    dots = driver.find_elements(By.CSS_SELECTOR, "#map .dot")
    assert len(dots) > 5
    assert [d.get_attribute("tabindex") for d in dots].count("0") == 1
    # graticule labels do not overlap
    boxes = driver.execute_script(
        "return [...document.querySelectorAll('#map .grat-label')].map((t) => {"
        "const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    # Tab: from the zoom buttons onto one dot, then off the map
    driver.execute_script("document.getElementById('zoom-world').focus()")
    driver.switch_to.active_element.send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert "dot" in (first.get_attribute("class") or "")
    first.send_keys(Keys.ARROW_RIGHT)
    second = driver.switch_to.active_element
    assert "dot" in second.get_attribute("class") and second != first
    second.send_keys(Keys.TAB)
    assert "dot" not in (driver.switch_to.active_element.get_attribute("class") or "")
    # Enter on a dot lists its events with what a reader needs
    label = second.get_attribute("aria-label")
    assert any(k in label for k in ("(town)", "(region)", "(country centroid)")), label
    second.send_keys(Keys.ENTER)
    wait(driver, "document.querySelector('#detail-body ul.others li')")
    items = driver.find_elements(By.CSS_SELECTOR, "#detail-body ul.others li")
    for item in items:
        assert "→" in item.text and item.text[:4].isdigit(), item.text
    assert console_errors(driver) == []


def test_zoom_to_one_place_keeps_its_country_in_view(driver, base):
    open_page(driver, base, DESKTOP, "?q=Mogadishu")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map .dot")) >= 1
    driver.find_element(By.ID, "zoom-fit").click()
    wait(driver, "new URLSearchParams(location.search).get('view')")
    span = float(query(driver)["view"].split(",")[2])
    assert 20 <= span < 360
    somalia = driver.find_element(By.CSS_SELECTOR, '#map path.land[data-id="SOM"]')
    box = somalia.rect
    map_box = driver.find_element(By.ID, "map").rect
    assert box["x"] < map_box["x"] + map_box["width"] and box["x"] + box["width"] > map_box["x"]
    # the view is in the URL: a reload keeps it
    driver.refresh()
    wait(driver, "window.__wirecoder && window.__wirecoder.ready")
    assert float(query(driver)["view"].split(",")[2]) == span


def test_the_time_brush_and_a_dyad_set_the_filter(driver, base):
    open_page(driver, base, DESKTOP)
    from selenium.webdriver.common.action_chains import ActionChains

    everything = total(driver)
    chart = driver.find_element(By.ID, "chart")
    w = chart.rect["width"]
    n = loads(driver)
    (
        ActionChains(driver)
        .move_to_element_with_offset(chart, int(-w * 0.2), 0)
        .click_and_hold()
        .move_by_offset(int(w * 0.3), 0)
        .release()
        .perform()
    )
    after(driver, n)
    got = query(driver)
    assert got["date_from"] < got["date_to"]
    assert driver.find_element(By.ID, "f-from").get_attribute("value") == got["date_from"]
    brushed = total(driver)
    assert 0 < brushed < everything
    for cell in driver.find_elements(By.CSS_SELECTOR, "#rows td.date"):
        assert cell.text <= got["date_to"]

    n = loads(driver)
    driver.find_element(By.CSS_SELECTOR, "#dyad-rows button").click()
    after(driver, n)
    got = query(driver)
    assert got["source_country"] and got["target_country"]
    assert driver.find_element(By.ID, "chips").text.startswith("Pair:")
    href = driver.find_element(By.ID, "export-csv").get_attribute("href")
    assert f"source_country={got['source_country']}" in href and "format=csv" in href
    assert f"date_from={got['date_from']}" in href
    assert console_errors(driver) == []


@pytest.fixture(scope="module")
def cluster_base(cluster_store) -> Iterator[str]:
    """The page over a store where three articles report one attack."""
    app = make_app(cluster_store)
    server = make_http_server(app, "127.0.0.1", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.close()


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_event_opens_its_cluster_and_a_report_opens_its_event(
    driver, cluster_base, cluster_store, size
):
    import wirecoder

    big = next(c for c in wirecoder.clusters(cluster_store, records=True) if c["n_articles"] > 1)
    open_page(driver, cluster_base, size)
    assert len(rows(driver)) == 5
    # an event reported once says nothing about reports
    lone = next(r for r in rows(driver) if "AGREE" in r.text)
    lone.find_elements(By.TAG_NAME, "td")[2].click()
    wait(driver, "document.querySelector('#detail-body .article-text')")
    assert not driver.find_elements(By.CSS_SELECTOR, "#detail-body button.cluster-link")

    # a member of the cluster: one click (by keyboard) opens the cluster's reports
    keys = {m["article_id"] for m in big["members"]}
    row = next(r for r in rows(driver) if r.get_attribute("data-key").split(":")[0] in keys)
    row.find_elements(By.TAG_NAME, "td")[2].click()
    wait(driver, "document.querySelector('#detail-body button.cluster-link')")
    link = driver.find_element(By.CSS_SELECTOR, "#detail-body button.cluster-link")
    assert link.text == "Reported by 3 articles from 2 outlets"
    driver.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    wait(driver, "document.querySelectorAll('#detail-body .reports li').length === 3")
    assert "Reported by 3 articles from 2 outlets" in driver.find_element(By.ID, "detail-h").text
    assert driver.switch_to.active_element.get_attribute("id") == "detail-h"
    items = driver.find_elements(By.CSS_SELECTOR, "#detail-body .reports li")
    texts = [i.text for i in items]
    assert sum("joined on" in t and "similarity" in t for t in texts) == 3, texts
    assert any("BBC" in t for t in texts) and any("Daily Star" in t for t in texts)
    current = driver.find_elements(By.CSS_SELECTOR, "#detail-body .reports button.current")
    assert len(current) == 1
    top = driver.execute_script(
        "return document.getElementById('detail').getBoundingClientRect().top"
    )
    assert 0 <= top < size[1] / 2, top
    no_overflow(driver)

    # a report opens its event
    other = next(
        i.find_element(By.TAG_NAME, "button")
        for i in items
        if "current" not in i.find_element(By.TAG_NAME, "button").get_attribute("class")
    )
    other.click()
    wait(driver, "document.querySelector('#detail-body button.cluster-link')")
    opened = query(driver)["event"]
    assert opened != row.get_attribute("data-key") and opened.split(":")[0] in keys
    assert console_errors(driver) == []
