"""Checks a site written by `papergraph site` in headless Chromium (Selenium, WebDriver).

    browse_site.py SITE links                 every internal link resolves; no asset loads from the network
    browse_site.py SITE browse [SHOTS]        search 高斯 then VGGT, open VGGT's page, follow its lineage SVG
    browse_site.py SITE hostile TEXT [SHOTS]  every page shows TEXT as text, runs no script, opens no dialog

Prints one line per check and exits 1 on the first failure.
"""

import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value is not None:
                self.links.append((tag, name, value))


def pages(site):
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith((".html", ".svg")):
                yield os.path.join(folder, name)


def check_links(site):
    checked = 0
    for page in pages(site):
        parser = Links()
        with open(page, encoding="utf-8") as f:
            parser.feed(f.read())
        for tag, attribute, value in parser.links:
            url = urlparse(value)
            # Assets: scripts, style sheets, images, frames must never come from the network.
            if tag in ("script", "link", "img", "iframe", "source", "image", "use") and url.scheme not in ("", "data"):
                fail(f"{page}: <{tag} {attribute}={value!r}> loads from the network")
            if url.scheme or value.startswith("#"):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(url.path)))
            if not target.startswith(os.path.normpath(site)):
                fail(f"{page}: {value!r} leaves the site")
            if not os.path.isfile(target):
                fail(f"{page}: {value!r} points to a missing file")
            checked += 1
    for asset in ("assets/site.css", "assets/site.js"):
        with open(os.path.join(site, asset), encoding="utf-8") as f:
            if re.search(r"https?://", f.read()):
                fail(f"{asset} names a network address")
    print(f"ok links: {checked} internal links resolve")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def no_dialog(driver, where):
    from selenium.common.exceptions import NoAlertPresentException

    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    fail(f"{where}: a dialog opened ({text!r})")


def wait_for(driver, condition, what, seconds=10):
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, seconds).until(lambda d: condition(d))
    except Exception:
        fail(f"timed out waiting for {what}")


def screenshots(driver, shots, pages):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    for label, url in pages:
        for width, height, size in ((1280, 900, "desktop"), (390, 844, "phone")):
            driver.set_window_size(width, height)
            driver.get(url)
            driver.save_screenshot(os.path.join(shots, f"{label}-{size}.png"))
    driver.set_window_size(1280, 900)
    print(f"ok screenshots in {shots}")


def search(driver, text):
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text)
    # The panel names the query it shows: wait for this one's results, not the last one's.
    return wait_for(
        driver,
        lambda d: d.find_element(By.ID, "results").get_attribute("data-query") == text,
        f"results for {text!r}",
    )


def browse(site, shots):
    from selenium.webdriver.common.by import By

    driver = browser()
    try:
        index = "file://" + os.path.abspath(os.path.join(site, "index.html"))
        driver.get(index)
        errors = console_errors(driver)
        if errors:
            fail(f"console errors on the index: {errors}")
        search(driver, "高斯")
        papers = driver.find_elements(By.CSS_SELECTOR, "#results .hits-papers li")
        if not papers:
            fail("高斯 found no papers")
        print(f"ok search 高斯: {len(papers)} papers shown")
        search(driver, "VGGT")
        entities = driver.find_elements(By.CSS_SELECTOR, "#results .hits-entities li a")
        papers = driver.find_elements(By.CSS_SELECTOR, "#results .hits-papers li")
        if not papers or not entities:
            fail(f"VGGT found {len(entities)} entities and {len(papers)} papers")
        vggt = [a for a in entities if a.text == "VGGT"]
        if not vggt:
            fail("VGGT is not among the entities found: " + ", ".join(a.text for a in entities))
        print(f"ok search VGGT: {len(entities)} entities, {len(papers)} papers")
        vggt[0].click()
        wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("VGGT"), "VGGT's page")
        entity_page = driver.current_url
        errors = console_errors(driver)
        if errors:
            fail(f"console errors on VGGT's page: {errors}")
        for name in ("AVGGT", "FastVGGT", "VGGT-Long"):
            driver.get(entity_page)
            xpath = f"//*[local-name()='svg']//*[local-name()='a'][.//*[local-name()='text' and normalize-space()='{name}']]"
            found = driver.find_elements(By.XPATH, xpath)
            if not found:
                fail(f"{name} is not a link in VGGT's lineage SVG")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", found[0])
            found[0].click()
            wait_for(driver, lambda d: d.current_url != entity_page, f"{name}'s page to open")
            heading = driver.find_element(By.TAG_NAME, "h1").text
            if not heading.startswith(name):
                fail(f"the {name} node opened a page titled {heading!r}")
            print(f"ok VGGT's map links {name} to its page")
        # Pan and zoom: the wheel changes the view box, reset restores it.
        driver.get(entity_page)
        svg = driver.find_element(By.CSS_SELECTOR, "figure.map svg")

        def view_box():
            return driver.execute_script("return arguments[0].getAttribute('viewBox')", svg)

        before = view_box()
        driver.execute_script(
            "var r = arguments[0].getBoundingClientRect();"
            "arguments[0].parentNode.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + 50, clientY: r.top + 50, bubbles: true, cancelable: true}));",
            svg,
        )
        zoomed = view_box()
        driver.find_element(By.CSS_SELECTOR, "figure.map .map-reset").click()
        if not before or zoomed == before or view_box() != before:
            fail(f"zoom and reset did not work: {before} → {zoomed} → {view_box()}")
        print("ok the wheel zooms the map and reset restores it")
        paper = driver.find_element(By.CSS_SELECTOR, "main ul.relations a[href*='paper/']").get_attribute("href")
        screenshots(driver, shots, [("index", index), ("entity", entity_page), ("paper", paper)])
    finally:
        driver.quit()


def hostile(site, text, shots):
    from selenium.webdriver.common.by import By

    driver = browser()
    try:
        shown = 0
        for page in sorted(p for p in pages(site) if p.endswith(".html")):
            driver.get("file://" + os.path.abspath(page))
            no_dialog(driver, page)
            if driver.find_elements(By.CSS_SELECTOR, "main img, main [onerror], main script"):
                fail(f"{page}: markup from the digest became elements")
            if text in driver.find_element(By.TAG_NAME, "body").text:
                shown += 1
        driver.get("file://" + os.path.abspath(os.path.join(site, "index.html")))
        search(driver, "Evil")
        no_dialog(driver, "search results")
        if driver.find_elements(By.CSS_SELECTOR, "#results img"):
            fail("search results turned a name into markup")
        if shown == 0:
            fail(f"no page shows {text!r} as text")
        print(f"ok hostile: {shown} pages show the text escaped, no dialog, no injected element")
        screenshots(driver, shots, [("hostile-index", "file://" + os.path.abspath(os.path.join(site, "index.html")))])
    finally:
        driver.quit()


if __name__ == "__main__":
    site, mode = sys.argv[1], sys.argv[2]
    if mode == "links":
        check_links(site)
    elif mode == "browse":
        browse(site, sys.argv[3] if len(sys.argv) > 3 else None)
    elif mode == "hostile":
        hostile(site, sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        fail(f"unknown mode {mode}")
