// The meeting-room wall runs with nobody in front of it. This script starts Blazor with reconnection that never
// gives up (backoff up to Wall:ReconnectMaxDelayMs), reloads the page once the server answers again when the
// circuit is gone (a restarted server knows no old circuit), keeps the connection indicator, the clock and the
// count-up animation. Everything it keeps is fixed in size: one interval per job, no growing lists.
(() => {
    "use strict";
    const indicator = document.getElementById("components-reconnect-modal");
    const maxDelay = Number(indicator?.dataset.maxDelayMs) || 30000;
    const offlineAfterMs = 15000;
    let downSince = null;
    let reloading = false;

    const time = d => d.toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

    function show(state) {
        if (!indicator) return;
        indicator.dataset.state = state;
        const text = indicator.querySelector(".wall-connection-text");
        text.textContent = state === "live" ? indicator.dataset.labelLive
            : state === "reconnecting" ? indicator.dataset.labelReconnecting
            : indicator.dataset.labelOffline.replace("{0}", time(downSince ?? new Date()));
    }

    function down() {
        downSince ??= new Date();
        show(Date.now() - downSince.getTime() >= offlineAfterMs ? "offline" : "reconnecting");
    }

    // Blazor asks before each attempt; it never gets null, so it never stops trying.
    function retryDelay(previousAttempts) {
        if (indicator) indicator.dataset.attempts = String(previousAttempts + 1);
        down();
        return previousAttempts === 0 ? 0 : Math.min(maxDelay, 250 * 2 ** Math.min(previousAttempts, 12));
    }

    // Reload only once the server answers: reloading into a dead server would leave the browser's error page,
    // which has no script to try again.
    async function reloadWhenServerAnswers() {
        if (reloading) return;
        reloading = true;
        down();
        for (let wait = 500; ; wait = Math.min(maxDelay, wait * 2)) {
            try {
                const answer = await fetch("/health", { cache: "no-store" });
                if (answer.ok) {
                    location.reload();
                    return;
                }
            } catch {
                // Still down.
            }
            down();
            await new Promise(resolve => setTimeout(resolve, wait));
        }
    }

    indicator?.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "show" || state === "retrying") {
            down();
        } else if (state === "hide") {
            downSince = null;
            indicator.dataset.attempts = "0";
            show("live");
        } else if (state === "paused") {
            Blazor.resumeCircuit().then(ok => ok || reloadWhenServerAnswers(), reloadWhenServerAnswers);
        } else {
            // failed, rejected, resume-failed: the old circuit is gone; a new page makes a new one.
            reloadWhenServerAnswers();
        }
    });

    Blazor.start({
        circuit: { reconnectionOptions: { maxRetries: Number.MAX_SAFE_INTEGER, retryIntervalMilliseconds: retryDelay } },
    }).then(() => show("live"), reloadWhenServerAnswers);

    // A live connection whose page stopped beating (a circuit ended by an error) is reloaded as well.
    let lastBeat = null;
    let lastBeatAt = Date.now();
    setInterval(() => {
        const wall = document.querySelector("[data-testid=wall]");
        const beat = wall?.dataset.beat ?? null;
        if (beat !== lastBeat) {
            lastBeat = beat;
            lastBeatAt = Date.now();
        } else if (wall && indicator?.dataset.state === "live" && Date.now() - lastBeatAt > 3 * 60 * 1000) {
            reloadWhenServerAnswers();
        }
    }, 15000);

    // The clock: the browser's own second hand, in China Standard Time, also while the server is away.
    const tick = () => {
        for (const clock of document.querySelectorAll("[data-wall-clock]")) {
            clock.textContent = time(new Date());
        }
        if (downSince && indicator?.dataset.state !== "live") down();
    };
    tick();
    setInterval(tick, 1000);

    // Count-up: when Blazor changes a number's data-count, its text runs from the old value to the new one.
    const format = new Intl.NumberFormat("en-US");
    const running = new WeakMap();
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new MutationObserver(records => {
        for (const record of records) {
            const element = record.target;
            const from = Number(record.oldValue);
            const to = Number(element.dataset.count);
            const text = element.firstChild;
            if (still || !Number.isFinite(from) || !Number.isFinite(to) || from === to || !text || text.nodeType !== Node.TEXT_NODE) continue;
            cancelAnimationFrame(running.get(element) ?? 0);
            const start = performance.now();
            const duration = 1200;
            const step = now => {
                const t = Math.min(1, (now - start) / duration);
                const eased = 1 - (1 - t) ** 3;
                text.nodeValue = format.format(Math.round(from + (to - from) * eased));
                if (t < 1) running.set(element, requestAnimationFrame(step));
                else running.delete(element);
            };
            running.set(element, requestAnimationFrame(step));
        }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-count"], attributeOldValue: true });
})();
