// Drives a real VS Code (code-server) in Debian's headless Chromium through playwright-core.
// Started by test/e2e.sh, which installs everything and passes the environment below.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through test/e2e.sh`);
  return value;
};
const URL = env('E2E_URL');
const WORKSPACE = env('E2E_WORKSPACE');
const MODEL = env('E2E_MODEL');
const DESCRIPTION = env('E2E_DESCRIPTION');
const RUN_DIR = env('E2E_RUN_DIR');
const SCREENSHOTS = env('E2E_SCREENSHOTS');
const JAR = env('E2E_JAR');
const NEW_MODEL = env('E2E_NEW_MODEL');
const MODEL_DESCRIPTION = `${MODEL}.yaml`;

const LONG = 120_000; // the first start of a JVM and of VS Code on a busy 2-core machine

/** 1-based line of the first line in the fixture that matches, as the Problems view shows it. */
function lineOf(file, pattern) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  assert.notEqual(index, -1, `${pattern} not in ${file}`);
  return index + 1;
}

/** What the command line finds in each file: the editor must show the same. */
function cliFindings(...files) {
  let stdout;
  try {
    stdout = execFileSync('java', ['-jar', JAR, 'check', '--format', 'json', ...files], { cwd: WORKSPACE, encoding: 'utf8' });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = findings
    stdout = error.stdout;
  }
  const report = JSON.parse(stdout);
  return Object.fromEntries(
    files.map((file) => {
      const model = report.models.find((m) => m.path === file || m.path.endsWith(`/${file}`));
      assert.ok(model, `the command line did not report ${file}`);
      return [file, model.findings.map((f) => ({ rule: f.rule, line: f.location?.line }))];
    }),
  );
}

/** Problems rows grouped by file: {file: [marker text, ...]}. */
function groupByFile(rows) {
  const groups = {};
  let current;
  for (const row of rows) {
    const file = /problems? in file (\S+)/.exec(row);
    if (file) {
      current = file[1];
      groups[current] = [];
    } else if (current) {
      groups[current].push(row);
    }
  }
  return groups;
}

/** The findings of `expected` that the file's markers do not show (rule id, and line when it has one). */
function missing(groups, file, expected) {
  const markers = groups[file] ?? [];
  return expected.filter(
    (f) => !markers.some((m) => m.includes(f.rule) && (f.line === undefined || m.includes(`[Ln ${f.line},`))),
  );
}

let context;
let page;

before(async () => {
  // A fresh profile each run; the flags keep Chromium off the network (Playwright never downloads a browser).
  context = await chromium.launchPersistentContext(mkdtempSync(join(RUN_DIR, 'chromium-profile-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1500, height: 1050 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  await page.goto(URL);
  await page.locator('.monaco-workbench').waitFor({ timeout: LONG });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DESCRIPTION }).waitFor({ timeout: LONG });
});

after(async () => {
  await context?.close();
});

/** A test that leaves a screenshot of the browser in the run directory when it fails. */
let failures = 0;
function uiTest(name, body) {
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      failures += 1;
      await page?.screenshot({ path: join(RUN_DIR, `failure-${failures}.png`) }).catch(() => {});
      console.log(`screenshot of the failure: ${join(RUN_DIR, `failure-${failures}.png`)}`);
      throw error;
    }
  });
}

async function commandPalette(text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  return input;
}

async function runCommand(label) {
  await commandPalette(`>${label}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await item.waitFor();
  await item.click();
}

async function goToLine(line) {
  const input = await commandPalette(`:${line}`);
  await input.press('Enter');
}

async function openFile(name) {
  const input = await commandPalette(name);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await item.waitFor();
  await input.press('Enter');
}

/**
 * The Problems view's rows as text (aria-label | text): a file row, then its markers. The list renders
 * only the rows in sight, so it is scrolled through and the rows are merged by their index.
 */
async function problemRows() {
  const list = page.locator('.markers-panel .monaco-list').first();
  const read = () =>
    page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => [
        Number(row.getAttribute('data-index')),
        `${row.getAttribute('aria-label') ?? ''} | ${row.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
      ]),
    );
  const rows = new Map(await read());
  const box = await list.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    for (let i = 0; i < 50; i++) {
      const before = rows.size;
      await page.mouse.wheel(0, box.height / 2);
      await page.waitForTimeout(100);
      for (const [index, text] of await read()) rows.set(index, text);
      if (rows.size === before) break;
    }
    // Back to the top, so that the view reads from the first file (wheel steps are clamped).
    for (let i = 0; i < rows.size + 5; i++) {
      await page.mouse.wheel(0, -box.height);
      await page.waitForTimeout(50);
    }
    await page.mouse.move(5, 5); // no hover left over the list
    await page.waitForTimeout(300);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

async function showProblems() {
  if (!(await page.locator('.markers-panel').isVisible())) {
    await runCommand('View: Toggle Problems');
  }
  await page.locator('.markers-panel').waitFor();
}

/** Waits until the Problems view satisfies `accept`, returning its rows. */
async function waitForProblems(accept, what) {
  const deadline = Date.now() + LONG;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await problemRows();
    if (accept(rows)) return rows;
    await page.waitForTimeout(1000);
  }
  assert.fail(`Problems view never showed ${what}; it showed:\n${rows.join('\n')}`);
}

uiTest('the Problems view lists the findings of a description file and of a .tflite model', async () => {
  const expected = cliFindings(DESCRIPTION, MODEL);
  // The fixture's first problem, so that an empty report cannot pass.
  const convLine = lineOf(join(WORKSPACE, DESCRIPTION), /op: CONV_2D/);
  assert.ok(
    expected[DESCRIPTION].some((f) => f.rule === 'EDGETPU-CONV2D-DILATION' && f.line === convLine),
    `the command line should find the unequal dilation at line ${convLine}: ${JSON.stringify(expected[DESCRIPTION])}`,
  );
  assert.ok(expected[MODEL].length > 0, `the command line should find problems in the float model ${MODEL}`);

  await openFile(DESCRIPTION);
  await page.locator('.tab.active', { hasText: DESCRIPTION }).waitFor();
  await showProblems();
  const rows = await waitForProblems((r) => {
    const groups = groupByFile(r);
    return missing(groups, DESCRIPTION, expected[DESCRIPTION]).length === 0 && missing(groups, MODEL, expected[MODEL]).length === 0;
  }, `every finding of the command line: ${JSON.stringify(expected)}`);
  console.log(`Problems view:\n  ${rows.join('\n  ')}`);

  // Where each op runs, above the op in the description (code lenses from the server): bring the
  // operators into view, the first three on the CPU and the last three on the Edge TPU.
  await goToLine(lineOf(join(WORKSPACE, DESCRIPTION), /op: RESHAPE/));
  const lenses = page.locator('.editor-instance .codelens-decoration');
  await lenses.filter({ hasText: 'CPU', visible: true }).first().waitFor({ timeout: LONG });
  await lenses.filter({ hasText: 'Edge TPU', visible: true }).first().waitFor({ timeout: LONG });
  await page.screenshot({ path: join(SCREENSHOTS, 'vscode-problems.png') });
});

uiTest('opening a .tflite shows its description read-only, with findings on their lines', async () => {
  const expected = cliFindings(MODEL)[MODEL];
  await runCommand('View: Close All Editors'); // the closed description's findings leave the Problems view
  await openFile(MODEL);
  await page.locator('.tab.active', { hasText: MODEL_DESCRIPTION }).waitFor({ timeout: LONG });
  const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await editor.filter({ hasText: 'edgetpu-lint/description/v1' }).waitFor({ timeout: LONG });
  // The description of a model has the model's findings, now on the lines of its ops, and the
  // Problems view lists them once: not again under the .tflite while the view is open.
  const rows = await waitForProblems((r) => {
    const groups = groupByFile(r);
    const markers = groups[MODEL_DESCRIPTION] ?? [];
    const again = (groups[MODEL] ?? []).filter((m) => expected.some((f) => m.includes(f.rule)));
    return expected.every((f) => markers.some((m) => m.includes(f.rule) && /\[Ln \d+,/.test(m))) && again.length === 0;
  }, `the findings ${JSON.stringify(expected.map((f) => f.rule))} on the description view ${MODEL_DESCRIPTION}, once`);
  console.log(`description view:\n  ${(groupByFile(rows)[MODEL_DESCRIPTION] ?? []).join('\n  ')}`);
  await page.locator('.editor-instance .codelens-decoration').filter({ hasText: 'CPU', visible: true }).first().waitFor({ timeout: LONG });

  await page.screenshot({ path: join(SCREENSHOTS, 'vscode-model-view.png') });

  // Typing into the view is refused: it stays what `describe` made.
  const before = await editor.innerText();
  await editor.click();
  await page.keyboard.type('xyz');
  await page.waitForTimeout(500);
  assert.equal(await editor.innerText(), before, 'the model view must be read-only');
});

uiTest('"Edge TPU: Lint model" runs the linter on the model and reports in the output channel', async () => {
  await openFile(DESCRIPTION);
  await page.locator('.tab.active', { hasText: DESCRIPTION }).waitFor();
  await runCommand('Edge TPU: Lint model');
  // Monaco renders spaces as no-break spaces (which \s matches).
  const outputView = page.locator('.part.panel .monaco-editor .view-lines').filter({ hasText: /exit\scode\s\d/ }).first();
  await outputView.waitFor({ timeout: LONG });
  const text = (await outputView.textContent()).replace(/\u00a0/g, ' ');
  assert.match(text, /Checked 1 model: 3 errors/);
  assert.match(text, /exit code 1: findings reported/);
});

uiTest('a model copied into the workspace is linted through the file watcher', async () => {
  const name = basename(NEW_MODEL);
  copyFileSync(NEW_MODEL, join(WORKSPACE, name));
  const expected = cliFindings(name)[name];
  assert.ok(expected.length > 0, `the command line should find problems in ${name}`);
  await showProblems();
  const rows = await waitForProblems(
    (r) => missing(groupByFile(r), name, expected.map((f) => ({ rule: f.rule }))).length === 0,
    `the findings of ${name}, copied in after start: ${JSON.stringify(expected.map((f) => f.rule))}`,
  );
  console.log(`${name}:\n  ${(groupByFile(rows)[name] ?? []).join('\n  ')}`);
});

uiTest('a Java path that does not exist gets a message that names it and the fix', async () => {
  // A workspace setting (the setting's scope allows it), as a user would commit in .vscode/settings.json.
  mkdirSync(join(WORKSPACE, '.vscode'), { recursive: true });
  writeFileSync(join(WORKSPACE, '.vscode', 'settings.json'), JSON.stringify({ 'edgetpuLint.java.path': '/nonexistent/jdk/bin/java' }));
  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: '/nonexistent/jdk/bin/java' });
  await toast.first().waitFor({ timeout: LONG });
  const text = (await toast.first().innerText()).replace(/\s+/g, ' ');
  assert.match(text, /does not exist/);
  assert.match(text, /Java 17 or newer/);
  assert.match(text, /JAVA_HOME/);
  console.log(`notification: ${text}`);
});
