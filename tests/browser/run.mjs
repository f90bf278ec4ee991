// run.mjs — the real-browser test layer of Cổng: Debian's Chromium, driven by playwright-core,
// clicks and types through the admin and the public pages like a person, and axe-core checks
// accessibility.
//
//   node tests/browser/run.mjs --cong PATH [--chromium PATH] [--root DIR] [--shots DIR] [--keep] [--only TEXT]
//
// It makes a temporary data folder (cong init, site add, user add), serves it on a free loopback
// port with CONG_ROOT set to this repository (or --root: a folder with templates/, static/ and
// locale/ and node_modules/tinymce, e.g. a copy with a deliberate fault to see a scenario fail),
// runs every scenario of scenarios.mjs in order, and prints one line per test ("ok NAME" or
// "FAIL NAME: reason"), then "browser: N passed, N failed".
// Lines starting with "#" are diagnostics (axe warnings, server log on failure). Exit status 1
// when anything failed. Screenshots go to --shots (default: the system's temp folder), never to
// the repository.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { scenarios, ACCOUNTS, ONE_TIME_PASSWORD } from './scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

function usage(msg) {
	if (msg)
		console.error(`run.mjs: ${msg}`);
	console.error('usage: node tests/browser/run.mjs --cong PATH [--chromium PATH] [--root DIR] [--shots DIR] [--keep] [--only TEXT]');
	process.exit(2);
}

function parseArgs(argv) {
	const o = { cong: null, chromium: '/usr/bin/chromium', root: repoRoot, shots: tmpdir(), keep: false, only: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
		if (a === '--cong') o.cong = resolve(val());
		else if (a === '--chromium') o.chromium = val();
		else if (a === '--root') o.root = resolve(val());
		else if (a === '--shots') o.shots = resolve(val());
		else if (a === '--keep') o.keep = true;
		else if (a === '--only') o.only = val();
		else if (a === '-h' || a === '--help') usage();
		else usage(`unknown argument ${a}`);
	}
	if (!o.cong)
		usage('--cong PATH is required');
	return o;
}

function freePort() {
	return new Promise((res, rej) => {
		const s = createServer();
		s.unref();
		s.on('error', rej);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => res(port));
		});
	});
}

/* The fixture: a data folder with the main portal, the Sở Nội vụ site and its newsroom (ACCOUNTS
 * of scenarios.mjs: a reporter, an editor, an approver), each with a one-time password. */
function makeData(cong, env) {
	const data = mkdtempSync(join(tmpdir(), 'cong-browser-'));
	const run = (args, input) => execFileSync(cong, args, { env, input, stdio: ['pipe', 'pipe', 'pipe'] });
	run(['init', '--data', data, '--domain', 'localhost']);
	// two-factor sign-in is required of approvers by default; the scenarios sign in with passwords
	execFileSync('sqlite3', [join(data, 'cong.db'), "INSERT INTO settings (key, value) VALUES ('mfa_required_roles', '') ON CONFLICT (key) DO UPDATE SET value = excluded.value"]);
	// idle sessions end after 15 minutes (5 for administrators) by default; a slow run keeps
	// one browser per person for longer than that between its steps
	execFileSync('sqlite3', [join(data, 'cong.db'), "INSERT INTO settings (key, value) VALUES ('session_idle_minutes', '60'), ('session_idle_minutes_admin', '60') ON CONFLICT (key) DO UPDATE SET value = excluded.value"]);
	run(['site', 'add', '--data', data, '--name', 'Sở Nội vụ',
		'--address', 'Số 1 đường 1 Tháng 5, Phường 1, TP. Vĩnh Long', '--phone', '0270 3822 222',
		'--email', 'banbientap@snv.vinhlong.gov.vn',
		'--responsible', 'Chịu trách nhiệm chính: Giám đốc Sở Nội vụ',
		'--licence', 'Giấy phép số 01/GP-TTĐT ngày 01/01/2026']);
	for (const a of Object.values(ACCOUNTS))
		run(['user', 'add', '--data', data, '--username', a.username, '--role', a.role, '--site', 'snv',
			'--name', a.name, '--password-stdin'], `${ONE_TIME_PASSWORD}\n`);
	return data;
}

async function startServer(cong, data, env) {
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const srv = { port, log: '', exited: null, proc: null };
		// every scenario's citizen comes from 127.0.0.1, many times faster than people: the
		// public forms' limit (5 a minute an address) is scaled up, as the HTTP tests' is
		// (test_tickets.py checks it at its real value)
		srv.proc = spawn(cong, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, '--quiet', '--rate-limit-scale', '10'],
			{ env, stdio: ['ignore', 'pipe', 'pipe'] });
		srv.proc.stdout.on('data', (b) => { srv.log += b; });
		srv.proc.stderr.on('data', (b) => { srv.log += b; });
		srv.done = new Promise((res) => srv.proc.on('exit', (code, sig) => { srv.exited = { code, sig }; res(); }));
		const deadline = Date.now() + 10000;
		while (Date.now() < deadline && !srv.exited) {
			try {
				const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
				if (r.ok)
					return srv;
			} catch { /* not up yet */ }
			await sleep(50);
		}
		if (!srv.exited)
			srv.proc.kill('SIGTERM');
		await srv.done;
		if (!/address|in use|bind/i.test(srv.log))
			throw new Error(`cong serve did not answer /healthz: ${srv.log.trim().split('\n').slice(-5).join(' | ')}`);
	}
	throw new Error('cong serve: no free port after 3 tries');
}

async function stopServer(srv) {
	if (srv.exited)
		return srv.exited;
	srv.proc.kill('SIGTERM');
	const t = sleep(5000).then(() => 'timeout');
	if (await Promise.race([srv.done.then(() => 'done'), t]) === 'timeout') {
		srv.proc.kill('SIGKILL');
		await srv.done;
		return { code: null, sig: 'SIGKILL (did not stop on SIGTERM within 5 s)' };
	}
	return srv.exited;
}

function oneLine(s) {
	return String(s).replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim().slice(0, 400);
}

async function main() {
	const opt = parseArgs(process.argv.slice(2));
	const cannot = (why) => {
		console.log(`FAIL setup: ${why}`);
		console.log('browser: 0 passed, 1 failed');
		process.exit(1);
	};
	if (!existsSync(opt.cong))
		cannot(`no cong binary at ${opt.cong}`);
	if (!existsSync(opt.chromium))
		cannot(`no Chromium at ${opt.chromium} (apt-get install -y chromium)`);
	let chromium, axeSource;
	try {
		({ chromium } = await import('playwright-core'));
		axeSource = (await import('axe-core')).default.source;
	} catch (e) {
		cannot(`playwright-core or axe-core missing (run npm ci at the repository root): ${oneLine(e.message)}`);
	}

	const started = Date.now();
	const env = { ...process.env, CONG_ROOT: opt.root };
	let passed = 0, failed = 0;
	let data = null, srv = null, browser = null;
	const selected = scenarios.filter((s) => !opt.only || s.name.includes(opt.only));
	try {
		data = makeData(opt.cong, env);
		srv = await startServer(opt.cong, data, env);
		browser = await chromium.launch({
			executablePath: opt.chromium,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--no-first-run'],
		});
	} catch (e) {
		console.log(`FAIL fixture: ${oneLine(e.message)}`);
		failed = selected.length || 1;
		if (srv)
			await stopServer(srv);
		if (browser)
			await browser.close();
		if (data && !opt.keep)
			rmSync(data, { recursive: true, force: true });
		console.log(`browser: 0 passed, ${failed} failed`);
		process.exit(1);
	}

	/* What every scenario gets: the browser, the data folder, the two sites' addresses, what earlier scenarios
	 * left (each person's current password and session, the category, the article and how far
	 * it went) and a few helpers. */
	const ctx = {
		browser,
		axeSource,
		data,
		cong: opt.cong,
		env,
		site: `http://snv.localhost:${srv.port}`,
		main: `http://localhost:${srv.port}`,
		shots: opt.shots,
		state: {
			users: Object.fromEntries(Object.keys(ACCOUNTS).map((k) => [k, { password: ONE_TIME_PASSWORD, storage: null }])),
			article: null, category: null,
		},
		warn: (msg) => console.log(`# ${msg}`),
		contexts: [],
		async newContext(options = {}) {
			const c = await browser.newContext({ locale: 'vi-VN', ...options });
			c.setDefaultTimeout(5000);
			c.setDefaultNavigationTimeout(10000);
			this.contexts.push(c);
			return c;
		},
	};

	for (const sc of selected) {
		const t0 = Date.now(), logFrom = srv.log.length;
		let err = null;
		if (srv.exited) {
			err = new Error(`the server had exited (${JSON.stringify(srv.exited)})`);
		} else {
			let timer;
			const limit = new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${sc.timeout ?? 25000} ms`)), sc.timeout ?? 25000); });
			try {
				await Promise.race([sc.run(ctx), limit]);
			} catch (e) {
				err = e;
			} finally {
				clearTimeout(timer);
			}
		}
		for (const c of ctx.contexts.splice(0))
			await c.close().catch(() => {});
		if (!err && srv.exited)
			err = new Error(`the server exited during the test (${JSON.stringify(srv.exited)})`);
		if (err) {
			failed++;
			console.log(`FAIL ${sc.name}: ${oneLine(err.message)}`);
			const log = srv.log.slice(logFrom).trim();
			if (log)
				for (const l of log.split('\n').slice(-8))
					console.log(`#   server: ${l}`);
		} else {
			passed++;
			console.log(`ok ${sc.name}`);
		}
		if (process.env.CONG_BROWSER_TIMES)
			console.log(`#   ${sc.name}: ${Date.now() - t0} ms`);
	}

	await browser.close();
	const stop = await stopServer(srv);
	if (stop.code !== 0)
		console.log(`# warning: cong serve did not stop cleanly on SIGTERM: ${JSON.stringify(stop)}`);
	if (opt.keep)
		console.log(`# data folder kept: ${data}`);
	else
		rmSync(data, { recursive: true, force: true });
	console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${opt.shots}`);
	console.log(`browser: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.log(`FAIL runner: ${oneLine(e.stack || e.message)}`);
	console.log('browser: 0 passed, 1 failed');
	process.exit(1);
});
