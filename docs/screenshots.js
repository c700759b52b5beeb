// Screenshots of every page a person uses, at phone, laptop and desktop sizes, in Chinese and English, plus a
// horizontal-overflow check and a scan for untranslated resource keys / wrong-language text.
//
// Run: dotnet build Coordination.Web Coordination.Tests -v quiet; start the app on a throwaway database, e.g.
//   ConnectionStrings__Coordination="Data Source=/tmp/shots2/board.db" dotnet run --project Coordination.Web --no-build -- --urls http://127.0.0.1:5191 &
// then: Coordination.Tests/bin/Debug/net10.0/.playwright/node/linux-x64/node docs/screenshots.js [baseUrl] [outDir] [onlyPageRegex]
// (defaults http://127.0.0.1:5191 and /tmp/shots2/png; CHROMIUM=/path overrides /usr/bin/chromium). Writes
// <page>-<lang>-<width>.png and report.json (overflow, keys, wrong-language text per shot) into outDir.
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require(path.join(__dirname, '..', 'Coordination.Tests', 'bin', 'Debug', 'net10.0', '.playwright', 'package'));

const base = process.argv[2] || 'http://127.0.0.1:5191';
const out = process.argv[3] || '/tmp/shots2/png';
const only = process.argv[4] ? new RegExp(process.argv[4]) : null;
const password = 'board-demo-2026';
const sizes = [[390, 844], [1366, 768], [1920, 1080]];
const wallSizes = [[1920, 1080], [3840, 2160]];
const langs = ['zh', 'en'];

// name, account, path (or a function of the page returning the path), sizes
const pages = [
  { name: 'login', account: null, path: '/account/login' },
  { name: 'notfound', account: null, path: '/no-such-page' },
  { name: 'board', account: 'lead@civil-affairs.demo', path: '/' },
  { name: 'board-drawer', account: 'lead@civil-affairs.demo', path: '/', sizes: [[390, 844]], drawer: true },
  { name: 'board-township', account: 'township@shishan-zhen.demo', path: '/' },
  { name: 'children', account: 'lead@civil-affairs.demo', path: '/children' },
  { name: 'child', account: 'lead@civil-affairs.demo', path: firstChild },
  { name: 'child-edit', account: 'lead@civil-affairs.demo', path: async p => (await firstChild(p)) + '/edit' },
  { name: 'referrals', account: 'lead@civil-affairs.demo', path: '/referrals' },
  { name: 'referrals-education', account: 'liaison@education.demo', path: '/referrals' },
  { name: 'referral-new', account: 'lead@civil-affairs.demo', path: '/referrals/new' },
  { name: 'screening-household', account: 'liaison@civil-affairs.demo', path: '/screenings/new' },
  { name: 'screening-psychological', account: 'liaison@womens-federation.demo', path: '/screenings/new' },
  { name: 'screening-health', account: 'liaison@health.demo', path: '/screenings/new' },
  { name: 'screening-school', account: 'liaison@education.demo', path: '/screenings/new' },
  { name: 'assistance-new', account: 'lead@civil-affairs.demo', path: '/assistance/new' },
  { name: 'programmes', account: 'lead@civil-affairs.demo', path: '/programmes' },
  { name: 'figures', account: 'lead@civil-affairs.demo', path: '/figures' },
  { name: 'audit', account: 'admin@demo', path: '/admin/audit' },
  { name: 'accounts', account: 'admin@demo', path: '/admin/accounts' },
  { name: 'villages', account: 'admin@demo', path: '/admin/villages' },
  { name: 'denied', account: 'display@demo', path: '/children' },
  { name: 'wall', account: 'display@demo', path: '/wall', sizes: wallSizes },
];

let childHref = null;
async function firstChild(page) {
  if (childHref) return childHref;
  await page.goto(base + '/children');
  await page.locator('[data-testid=circuit-ready]').waitFor({ state: 'attached' });
  await page.locator('[data-testid=child-row]').first().waitFor();
  await page.locator('[data-testid=child-row]').first().click();
  await page.waitForURL(/\/children\/[0-9a-f-]{36}/);
  childHref = new URL(page.url()).pathname;
  return childHref;
}

async function signIn(context, account) {
  const page = await context.newPage();
  await page.goto(base + '/account/login');
  await page.locator('[data-testid=login-email]').fill(account);
  await page.locator('[data-testid=login-password]').fill(password);
  await page.locator('[data-testid=login-submit]').click();
  await page.locator('[data-testid=circuit-ready]').waitFor({ state: 'attached', timeout: 30000 });
  await page.close();
}

// The app's own way to choose a language: GET /preferences/culture sets the culture cookie.
async function setLanguage(context, lang) {
  const page = await context.newPage();
  await page.goto(`${base}/preferences/culture?culture=${lang === 'en' ? 'en-US' : 'zh-CN'}&returnUrl=/account/login`);
  await page.close();
}

async function inspect(page, lang) {
  return page.evaluate(lang => {
    const de = document.documentElement;
    const overflow = de.scrollWidth > de.clientWidth;
    const vw = de.clientWidth;
    const wide = [];
    if (overflow) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > vw + 1) {
          const parentWide = el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1;
          if (!parentWide) wide.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''}.${[...el.classList].slice(0, 3).join('.')} right=${Math.round(r.right)}`);
        }
      }
    }
    // Text that is clipped (ellipsis or hidden overflow) in a visible element.
    const clipped = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.children.length > 0 || !el.textContent.trim()) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || el.offsetParent === null) continue;
      if ((el.scrollWidth > el.clientWidth + 1 && (s.overflowX === 'hidden' || s.textOverflow === 'ellipsis')) && el.clientWidth > 0) {
        clipped.push(el.textContent.trim().slice(0, 40));
      }
    }
    // Controls in the app bar that are rendered but not (fully) on screen: unreachable for a person.
    const offscreen = [];
    for (const el of document.querySelectorAll('.mud-appbar .mud-toolbar > *, .mud-appbar .mud-toolbar > * > *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && getComputedStyle(el).display !== 'none' && (r.right > vw + 1 || r.left < -1)) {
        offscreen.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    const text = document.body.innerText;
    const keys = [...new Set((text.match(/\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b/g) || []))];
    let foreign;
    if (lang === 'zh') {
      foreign = [...new Set((text.replace(/\S+@\S+/g, '').match(/\b[A-Za-z][A-Za-z' ]{3,}[A-Za-z]\b/g) || []))];
    } else {
      foreign = [...new Set((text.match(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+/g) || []))];
    }
    return { overflow, scrollWidth: de.scrollWidth, clientWidth: vw, wide: wide.slice(0, 8), offscreen, clipped: [...new Set(clipped)].slice(0, 15), keys, foreign: foreign.slice(0, 40), title: document.title, url: location.pathname };
  }, lang);
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const report = [];
  const accounts = [...new Set(pages.map(p => p.account))];
  for (const lang of langs) {
    for (const account of accounts) {
      const todo = pages.filter(p => p.account === account && (!only || only.test(p.name)));
      if (todo.length === 0) continue;
      const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      await setLanguage(context, lang);
      if (account) await signIn(context, account);
      for (const entry of todo) {
        for (const [w, h] of entry.sizes || sizes) {
          const page = await context.newPage();
          await page.setViewportSize({ width: w, height: h });
          const file = path.join(out, `${entry.name}-${lang}-${w}.png`);
          try {
            const target = typeof entry.path === 'function' ? await entry.path(page) : entry.path;
            const response = await page.goto(base + target);
            if (account && !entry.name.startsWith('denied')) {
              await page.locator('[data-testid=circuit-ready]').waitFor({ state: 'attached', timeout: 30000 });
            }
            await page.waitForTimeout(1500);
            if (entry.drawer) {
              await page.locator('[data-testid=nav-drawer-toggle]').click();
              await page.waitForTimeout(700);
            }
            const facts = await inspect(page, lang);
            await page.screenshot({ path: file, fullPage: !entry.drawer });
            report.push({ page: entry.name, lang, size: `${w}x${h}`, file, status: response && response.status(), ...facts });
            console.log(`${entry.name} ${lang} ${w}: ${response && response.status()} overflow=${facts.overflow}${facts.overflow ? ' (' + facts.scrollWidth + '>' + facts.clientWidth + ') ' + facts.wide.join(' | ') : ''}${facts.offscreen.length ? ' OFFSCREEN=' + facts.offscreen.join(' | ') : ''}${facts.keys.length ? ' KEYS=' + facts.keys.join(',') : ''}`);
          } catch (e) {
            report.push({ page: entry.name, lang, size: `${w}x${h}`, file, error: String(e) });
            console.log(`${entry.name} ${lang} ${w}: ERROR ${e}`);
            await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          }
          await page.close();
        }
      }
      await context.close();
    }
  }
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
  await browser.close();
})();
