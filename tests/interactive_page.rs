//! The interactive page in a real browser (headless Chromium driven over the DevTools
//! protocol): the 柞水 sample's firms on the page, wheel zoom, a click focusing a firm's
//! upstream and downstream, search by pinyin, the story stepped with →, no console errors, not
//! one network request, and a hostile firm name shown as text with no dialog ever opened.
//!
//! Chromium must be installed (`apt-get install -y chromium`; CI does it in .ci/run), or
//! CHAINMAP_CHROMIUM must name a Chrome or Chromium binary: without one the test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::export::{ExportFormat, ExportOptions, export};
use chainmap::i18n::Lang;
use chainmap::model::{Node, NodeId, Project};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;

type Socket = tungstenite::WebSocket<MaybeTlsStream<TcpStream>>;

const HOSTILE: &str = "<script>alert(1)</script>";
const HOSTILE_TAG: &str = "</script><svg onload=alert(2)>";

/// The browser to drive: CHAINMAP_CHROMIUM, else the first of the usual names on PATH.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHAINMAP_CHROMIUM") {
        return PathBuf::from(path);
    }
    let names = [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ];
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    for name in names {
        for dir in &dirs {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "Chromium is not installed, and the interactive page is tested in a real browser.\n\
         Install it with `apt-get update && apt-get install -y chromium` (Debian/Ubuntu; .ci/run \
         does this), or set CHAINMAP_CHROMIUM to a Chrome or Chromium binary."
    );
}

/// A headless Chromium with one page attached over the DevTools protocol; every event kept.
struct Browser {
    child: Child,
    socket: Socket,
    session: String,
    next_id: u64,
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(chromium())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1366,768",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromium().display()));
        // The DevTools address is printed on stderr; the rest of stderr is drained so the
        // browser never blocks on a full pipe.
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].trim().to_owned());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("Chromium printed no DevTools address within 20 s");
        let (mut socket, _) = tungstenite::connect(url.as_str()).unwrap();
        if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
        }
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        };
        let targets = browser.call("Target.getTargets", json!({}));
        let page = targets["targetInfos"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .expect("a page target")["targetId"]
            .clone();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": page, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_owned();
        for domain in ["Page", "Runtime", "Network", "Log"] {
            browser.call(&format!("{domain}.enable"), json!({}));
        }
        browser
    }

    fn read(&mut self) -> Value {
        let message = self
            .socket
            .read()
            .expect("the browser stopped answering (a dialog left open blocks the page)");
        serde_json::from_str(message.to_text().unwrap()).unwrap()
    }

    /// Sends a command (to the page, once attached) and waits for its answer.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(tungstenite::Message::text(message.to_string()))
            .unwrap();
        loop {
            let reply = self.read();
            if reply["id"] == json!(id) {
                if let Some(e) = reply.get("error") {
                    panic!("{method}: {e}");
                }
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    /// Waits until an event named `method` has come.
    fn wait_for(&mut self, method: &str) {
        let start = Instant::now();
        while !self.events.iter().any(|e| e["method"] == method) {
            assert!(start.elapsed() < Duration::from_secs(15), "no {method}");
            let event = self.read();
            self.events.push(event);
        }
    }

    /// The value of a JavaScript expression (promises awaited); an exception fails the test.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(e) = result.get("exceptionDetails") {
            panic!("{expression}: {e}");
        }
        result["result"]["value"].clone()
    }

    /// Two animation frames: whatever an input did has been drawn.
    fn settle(&mut self) {
        self.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    fn mouse(&mut self, kind: &str, x: f64, y: f64) {
        self.call(
            "Input.dispatchMouseEvent",
            json!({"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1}),
        );
    }

    fn click(&mut self, x: f64, y: f64) {
        self.call(
            "Input.dispatchMouseEvent",
            json!({"type": "mouseMoved", "x": x, "y": y}),
        );
        self.mouse("mousePressed", x, y);
        self.mouse("mouseReleased", x, y);
        self.settle();
    }

    fn key(&mut self, key: &str, code: u32) {
        for kind in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code}),
            );
        }
        self.settle();
    }

    /// Where the firm labelled `name` is drawn, in page pixels.
    fn firm_centre(&mut self, name: &str) -> (f64, f64) {
        let at = self.eval(&format!(
            "(() => {{ const g = [...document.querySelectorAll('.node')]
                .find(g => g.querySelector('text').textContent === {name});
              const r = g.querySelector('.shape').getBoundingClientRect();
              return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
            name = json!(name)
        ));
        (at[0].as_f64().unwrap(), at[1].as_f64().unwrap())
    }

    /// The labels of the firms drawn faded, and of those not.
    fn faded(&mut self) -> (Vec<String>, Vec<String>) {
        let v = self.eval(
            "(() => { const f = [], lit = [];
              for (const g of document.querySelectorAll('.node'))
                (g.classList.contains('faded') ? f : lit).push(g.querySelector('text').textContent);
              return [f, lit]; })()",
        );
        let list = |v: &Value| -> Vec<String> {
            let mut l: Vec<String> = serde_json::from_value(v.clone()).unwrap();
            l.sort();
            l
        };
        (list(&v[0]), list(&v[1]))
    }

    fn transform(&mut self) -> String {
        self.eval("document.getElementById('view').getAttribute('transform')")
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// The scale in "translate(x y) scale(k)".
fn scale(transform: &str) -> f64 {
    let k = transform
        .split("scale(")
        .nth(1)
        .unwrap()
        .trim_end_matches(')');
    k.parse().unwrap()
}

/// The 柞水 sample with two hostile firms (their names, tags and the project description try
/// to close the data element and run script).
fn hostile_sample() -> Project {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects/zhashui-fungus.chainmap.json");
    let mut project = chainmap::file::load_path(&path, Default::default())
        .unwrap()
        .project;
    project.meta.description = format!("{HOSTILE} & {HOSTILE_TAG}");
    let template: Node = project.nodes.values().next().unwrap().clone();
    for (id, name, y) in [("X1", HOSTILE, 1500.0), ("X2", HOSTILE_TAG, 1600.0)] {
        let mut node = template.clone();
        node.id = NodeId::from(id);
        node.name = name.to_owned();
        node.tags = vec![HOSTILE_TAG.to_owned(), "\u{2028}".to_owned()];
        if let Some(p) = node.position.as_mut() {
            p.y = y;
        }
        project.nodes.insert(node.id.clone(), node);
    }
    project
}

#[test]
fn the_page_works_in_a_real_browser() {
    let started = Instant::now();
    let project = hostile_sample();
    let names: Vec<String> = project.nodes.values().map(|n| n.name.clone()).collect();
    let options = ExportOptions {
        lang: Lang::Zh,
        ..ExportOptions::default()
    };
    let files = export(&project, ExportFormat::Html, &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("柞水.html");
    std::fs::write(&file, &files[0].bytes).unwrap();

    let mut b = Browser::launch();
    b.call(
        "Page.navigate",
        json!({"url": format!("file://{}", file.display())}),
    );
    b.wait_for("Page.loadEventFired");
    b.settle();

    names_are_text(&mut b, &names);
    wheel_zooms(&mut b);
    a_click_focuses(&mut b);
    search_finds(&mut b);
    the_story_steps(&mut b);
    nothing_went_out(&mut b);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

/// Every firm of the sample is on the page as text, the hostile ones too; nothing they say
/// became an element, and the hover card shows them as text.
fn names_are_text(b: &mut Browser, names: &[String]) {
    let (_, labels) = b.faded();
    for name in names {
        assert!(labels.contains(name), "{name} not on the page");
    }
    assert_eq!(b.eval("document.scripts.length"), json!(2));
    assert_eq!(b.eval("document.querySelectorAll('svg').length"), json!(1));
    let (x, y) = b.firm_centre(HOSTILE);
    b.call(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseMoved", "x": x, "y": y}),
    );
    b.settle();
    let card = b.eval("document.getElementById('card').textContent");
    let card = card.as_str().unwrap();
    assert!(
        card.contains(HOSTILE) && card.contains(HOSTILE_TAG),
        "{card}"
    );
}

/// A wheel turn towards the reader zooms in.
fn wheel_zooms(b: &mut Browser) {
    let before = scale(&b.transform());
    b.call(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseWheel", "x": 500, "y": 400, "deltaX": 0, "deltaY": -240}),
    );
    b.settle();
    let after = scale(&b.transform());
    assert!(after > before * 1.2, "wheel zoom: {before} → {after}");
    b.eval("document.getElementById('zoom-fit').click()");
    b.settle();
}

/// A click on 木耳专业合作社6 lights what it buys from and sells to, all the way up and down
/// the supply chain; the rest fades. A click on empty space clears it.
fn a_click_focuses(b: &mut Browser) {
    let (x, y) = b.firm_centre("木耳专业合作社6");
    b.click(x, y);
    let (faded, lit) = b.faded();
    let mut expected = vec![
        "木耳专业合作社6",
        // upstream
        "菌包工厂B",
        "菌种公司A",
        "木屑加工厂A",
        "县外菌袋耗材供应商X",
        "农科所菌种站",
        // downstream
        "初加工厂B",
        "链主食品集团(县外引进)",
        "木耳饮品公司",
        "区域公用品牌运营公司",
        "电商企业1",
        "电商企业2",
        "电商企业3",
        "电商企业4",
    ];
    expected.sort();
    assert_eq!(lit, expected);
    assert!(
        faded.contains(&"菌包工厂A".to_owned()) && faded.contains(&"木耳专业合作社1".to_owned())
    );
    assert_eq!(
        b.eval("document.querySelector('.node.focus text').textContent"),
        json!("木耳专业合作社6")
    );
    // Once the fade (a fifth of a second) is over.
    let opacity = b.eval(
        "new Promise(r => setTimeout(() =>
           r(getComputedStyle(document.querySelector('.node.faded')).opacity), 400))",
    );
    assert!(opacity.as_str().unwrap().parse::<f64>().unwrap() < 0.5);
    // A point of the map with no firm under it.
    let empty = b.eval(
        "(() => { const r = document.getElementById('chart').getBoundingClientRect();
           for (let y = r.top + 60; y < r.bottom - 120; y += 20)
             for (let x = r.left + 60; x < r.right - 20; x += 20) {
               const e = document.elementFromPoint(x, y);
               if (e && e.closest('#chart') && !e.closest('.node')) return [x, y];
             }
           return null; })()",
    );
    b.click(empty[0].as_f64().unwrap(), empty[1].as_f64().unwrap());
    assert!(b.faded().0.is_empty(), "a click on empty space clears");
}

/// Search by pinyin initials: "jbgc" finds 菌包工厂A and B; Enter focuses the first.
fn search_finds(b: &mut Browser) {
    b.eval("document.getElementById('search').focus()");
    b.call("Input.insertText", json!({"text": "jbgc"}));
    b.settle();
    let found = b
        .eval("[...document.querySelectorAll('#results li')].map(li => li.firstChild.textContent)");
    assert_eq!(found, json!(["菌包工厂A", "菌包工厂B"]));
    b.key("Enter", 13);
    assert_eq!(
        b.eval("document.querySelector('.node.focus text').textContent"),
        json!("菌包工厂A")
    );
}

/// → steps the story to the first stage: its lane lit, the 13 later ones dimmed; ← goes back.
fn the_story_steps(b: &mut Browser) {
    let count = |b: &mut Browser| b.eval("document.getElementById('story-count').textContent");
    assert_eq!(count(b), json!("1/15"), "the overview, then 14 stages");
    b.key("ArrowRight", 39);
    assert_eq!(count(b), json!("2/15"));
    assert_eq!(
        b.eval("document.getElementById('story-title').textContent"),
        json!("上游 · 菌种研发与繁育")
    );
    assert_eq!(
        b.eval("document.querySelectorAll('.lane.dim').length"),
        json!(13)
    );
    let (_, lit) = b.faded();
    assert!(lit.contains(&"菌种公司A".to_owned()) && !lit.contains(&"初加工厂A".to_owned()));
    b.key("ArrowLeft", 37);
    assert_eq!(count(b), json!("1/15"));
}

/// Nothing went wrong, nothing was fetched but the page, no dialog opened; and even a script
/// that tried could fetch nothing: the page's policy refuses.
fn nothing_went_out(b: &mut Browser) {
    let events = std::mem::take(&mut b.events);
    let method = |e: &Value| e["method"].as_str().unwrap_or_default().to_owned();
    for e in &events {
        let m = method(e);
        assert_ne!(m, "Page.javascriptDialogOpening", "a dialog opened: {e}");
        assert_ne!(m, "Runtime.exceptionThrown", "{e}");
        if m == "Runtime.consoleAPICalled" {
            assert_ne!(e["params"]["type"], "error", "{e}");
        }
        if m == "Log.entryAdded" {
            assert_ne!(e["params"]["entry"]["level"], "error", "{e}");
        }
    }
    let requests: Vec<String> = events
        .iter()
        .filter(|e| method(e) == "Network.requestWillBeSent")
        .map(|e| e["params"]["request"]["url"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(requests.len(), 1, "only the page itself: {requests:?}");
    assert!(requests[0].starts_with("file://"), "{requests:?}");
    let refused = b.eval(
        "new Promise(r => {
           document.addEventListener('securitypolicyviolation', e => r(e.effectiveDirective));
           fetch('http://127.0.0.1:9/').catch(() => {});
         })",
    );
    assert_eq!(refused, json!("connect-src"));
}

/// A 1,000-firm project (3,000 links) gives a page well under 2 MB, fit to send by chat.
#[test]
fn a_thousand_firm_page_stays_small() {
    let project = chainmap::generate::chain(1_000, 3_000, 42);
    let files = export(&project, ExportFormat::Html, &ExportOptions::default()).unwrap();
    let size = files[0].bytes.len();
    println!("1,000 firms, 3,000 links: {size} bytes");
    assert!(size < 2_000_000, "{size} bytes");
}
