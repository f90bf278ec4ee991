// scenarios.mjs — the browser scenarios run by run.mjs, in order. Each one asserts what a person
// sees on the page. Later scenarios use the article the first one takes through the workflow; when
// it did not get that far, they take it the rest of the way themselves (ensureArticle), so each
// can pass or fail alone (--only).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process'; /* #17: spawn, the IMAP server of mailIntake */
import { createServer } from 'node:http'; /* #16: a member site's feed (externalFeeds) */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/* ---------------------------------------------------------------------------------------------
 * The fixture's people (run.mjs makes their accounts) and what they write
 */
export const ONE_TIME_PASSWORD = 'Abc@12345-Mot-Lan';
export const ACCOUNTS = {
	reporter: { username: 'phongvien', role: 'reporter', name: 'Trần Minh Khoa',
		roleLabel: 'Phóng viên, cộng tác viên', newPassword: 'Khoa#Snv2026!Moi' },
	editor: { username: 'bientap', role: 'editor', name: 'Lê Thị Thu Hà',
		roleLabel: 'Biên tập viên', newPassword: 'ThuHa#Snv2026!' },
	approver: { username: 'truongban', role: 'approver', name: 'Nguyễn Thị Lan',
		roleLabel: 'Trưởng/Phó Ban Biên tập', newPassword: 'Lan#Snv2026!Moi' },
	siteadmin: { username: 'quantri', role: 'siteadmin', name: 'Phạm Quốc Bảo',
		roleLabel: 'Quản trị trang', newPassword: 'Bao#Snv2026!Moi' },
	sysadmin: { username: 'quantrihethong', role: 'sysadmin', name: 'Võ Thanh Sơn',
		roleLabel: 'Quản trị hệ thống', newPassword: 'Son#HeThong2026!' },
};

const CATEGORY = 'Tin hoạt động';
/* The reporter types a wrong tone mark ("chuyễn"); the editor corrects it ("chuyển"). */
const TYPO = 'chuyễn', FIXED = 'chuyển';
const ARTICLE = {
	title: 'Sở Nội vụ tập huấn nghiệp vụ văn thư, lưu trữ năm 2026',
	summary: 'Sáng 15/3, Sở Nội vụ tổ chức lớp tập huấn cho gần 200 cán bộ, công chức làm công tác văn thư, lưu trữ trên địa bàn tỉnh.',
	paragraphs: [
		`Phát biểu khai mạc, đồng chí Giám đốc Sở nhấn mạnh vai trò của công tác văn thư, lưu trữ trong ${TYPO} đổi số của các cơ quan nhà nước.`,
		'Tại lớp tập huấn, học viên được hướng dẫn lập hồ sơ điện tử, ký số văn bản và nộp lưu hồ sơ vào Lưu trữ lịch sử tỉnh.',
	],
	heading: 'Lập hồ sơ điện tử và nộp lưu',
	imageAlt: 'Học viên thực hành ký số văn bản trên máy tính tại lớp tập huấn',
};
const fixedParagraphs = () => ARTICLE.paragraphs.map((p) => p.replace(TYPO, FIXED));
const REQUIRED_MSG = 'Vui lòng nhập thông tin này.';
const DONE_MSG = 'Đã thực hiện.';
const ACT = { submit: 'Gửi biên tập', edited: 'Biên tập xong, trình duyệt', publish: 'Duyệt và xuất bản' };
const STATE = { submitted: 'Chờ biên tập', edited: 'Chờ duyệt', published: 'Đã xuất bản', draft: 'Bản nháp' };

/* A PNG made here (zlib + CRC-32, no file in the repository): 96×64, a red-gold gradient with a
 * dark band, so a broken image and a loaded one look different on the screenshots. */
function makePng(w, h) {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	const crc = (buf) => {
		let c = 0xffffffff;
		for (const b of buf)
			c = table[(c ^ b) & 255] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4), sum = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		sum.writeUInt32BE(crc(td));
		return Buffer.concat([len, td, sum]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	const raw = Buffer.alloc((w * 3 + 1) * h);
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const o = y * (w * 3 + 1) + 1 + x * 3;
			const band = y > h / 2 - 6 && y < h / 2 + 6;
			raw[o] = band ? 60 : 200;
			raw[o + 1] = band ? 20 : Math.round(40 + 180 * x / w);
			raw[o + 2] = band ? 20 : 30;
		}
	}
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const IMAGE = { name: 'tap-huan-ky-so.png', mimeType: 'image/png', buffer: makePng(96, 64), width: 96 };

/* ---------------------------------------------------------------------------------------------
 * Helpers
 */

function path(page) {
	return new URL(page.url()).pathname;
}

function assertPath(page, want, what) {
	const got = want instanceof RegExp ? want.test(path(page)) : path(page) === want;
	assert.ok(got, `${what || 'page'}: expected to be at ${want}, but the browser shows ${page.url()}`);
}

/* Clicks LOCATOR and waits for the page it leads to; returns that page's response. */
async function clickAndWait(page, locator) {
	const [resp] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
	return resp;
}

async function textOf(locator) {
	return (await locator.textContent()).replace(/\s+/g, ' ').trim();
}

async function mustSee(locator, what) {
	assert.ok(await locator.first().isVisible(), `${what} is not visible`);
}

/* Polls FN until it returns something truthy (returned), or fails with WHAT after MS. */
async function until(fn, what, ms = 5000) {
	const end = Date.now() + ms;
	let last;
	for (;;) {
		try {
			last = await fn();
			if (last)
				return last;
		} catch (e) {
			last = e.message;
		}
		if (Date.now() > end)
			throw new Error(`${what} (waited ${ms} ms; last: ${JSON.stringify(last)})`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/* Records what a person would notice as broken: failed images/styles, console errors, page
 * errors. Content-Security-Policy reports are kept apart (csp): the scenario that is about them
 * fails on them, the others print them as warnings. */
function watch(page) {
	const problems = [], csp = [];
	page.on('response', (r) => {
		if (r.status() >= 400 && r.request().resourceType() !== 'document')
			problems.push(`${r.status()} for ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		if (r.failure()?.errorText !== 'net::ERR_ABORTED')
			problems.push(`${r.failure()?.errorText} for ${r.url()}`);
	});
	page.on('console', (m) => {
		if (m.type() !== 'error')
			return;
		const at = m.location()?.url || '';
		// A form sent back with 422 (or a refused action, 403) is the page itself.
		if (/Failed to load resource/.test(m.text()) && at === page.url())
			return;
		if (/Content Security Policy/.test(m.text())) {
			csp.push(`${new URL(page.url()).pathname}: ${m.text().slice(0, 160)}…${at ? ` (${at}:${m.location().lineNumber}:${m.location().columnNumber})` : ''}`);
			return;
		}
		problems.push(`console: ${m.text()}${at ? ` (${at})` : ''}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return {
		problems,
		csp,
		assertClean(what) {
			assert.deepEqual(problems, [], `${what}: ${problems.join('; ')}`);
		},
	};
}

/* The field error a person sees: shown, saying WANT, in the same field block as the control,
 * right under it, and tied to it by aria-describedby. */
async function assertFieldError(page, controlId, want) {
	const control = page.locator(`#${controlId}`);
	const err = page.locator(`#${controlId}-error`);
	assert.ok(await err.isVisible(), `no visible error message next to the field #${controlId}`);
	const msg = await textOf(err);
	if (want instanceof RegExp)
		assert.match(msg, want, `error next to #${controlId}`);
	else
		assert.equal(msg, want, `error next to #${controlId}`);
	const sameField = await err.evaluate((e, id) => e.closest('.field') !== null &&
		e.closest('.field') === document.getElementById(id).closest('.field'), controlId);
	assert.ok(sameField, `the error for #${controlId} is not inside that field's block`);
	const cb = await control.boundingBox(), eb = await err.boundingBox();
	assert.ok(cb && eb, `#${controlId} or its error has no box on screen`);
	const gap = eb.y - (cb.y + cb.height);
	assert.ok(gap >= -1 && gap < 80, `the error for #${controlId} is not just under the field (gap ${gap.toFixed(0)} px)`);
	assert.ok(eb.x < cb.x + cb.width && eb.x + eb.width > cb.x, `the error for #${controlId} is not under the field horizontally`);
	const described = (await control.getAttribute('aria-describedby')) || '';
	assert.ok(described.split(/\s+/).includes(`${controlId}-error`),
		`#${controlId} aria-describedby="${described}" does not name its error`);
	assert.equal(await control.getAttribute('aria-invalid'), 'true', `#${controlId} is not marked aria-invalid`);
}

/* The body's error, with the rich-text editor running: the textarea is hidden, the person sees
 * the editor (and a screen reader reads its iframe), so the message must be under the editor
 * and the iframe must carry aria-describedby/aria-invalid. */
async function assertEditorError(page, errorId, want) {
	const err = page.locator(`#${errorId}`);
	assert.ok(await err.isVisible(), `no visible message #${errorId} at the rich-text editor`);
	const msg = await textOf(err);
	if (want instanceof RegExp)
		assert.match(msg, want, `the message at the editor (#${errorId})`);
	else
		assert.equal(msg, want, `the message at the editor (#${errorId})`);
	const cb = await page.locator('.tox-tinymce').boundingBox(), eb = await err.boundingBox();
	assert.ok(cb && eb, 'the editor or its message has no box on screen');
	const gap = eb.y - (cb.y + cb.height);
	assert.ok(gap >= -1 && gap < 100, `#${errorId} is not just under the editor (gap ${gap.toFixed(0)} px)`);
	const iframe = page.locator('#body_ifr');
	const described = (await iframe.getAttribute('aria-describedby')) || '';
	assert.ok(described.split(/\s+/).includes(errorId),
		`the editor's iframe aria-describedby="${described}" does not name #${errorId}`);
	assert.equal(await iframe.getAttribute('aria-invalid'), 'true', 'the editor\'s iframe is not marked aria-invalid');
}

function account(who) {
	const a = ACCOUNTS[who];
	assert.ok(a, `no account "${who}"`);
	return a;
}

/* Types the password change a one-time password asks for. */
async function changePassword(t, page, who) {
	const u = t.state.users[who];
	await page.getByLabel('Mật khẩu hiện tại').fill(u.password);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill(account(who).newPassword);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(account(who).newPassword);
	await clickAndWait(page, page.getByRole('button', { name: 'Đổi mật khẩu' }));
	assertPath(page, '/quan-tri/', `${who}: after changing the password`);
	u.password = account(who).newPassword;
}

/* Signs WHO in on the sign-in page PAGE shows; changes a one-time password when asked. */
async function signIn(t, page, who) {
	await page.getByLabel('Tên đăng nhập').fill(account(who).username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(t.state.users[who].password);
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng nhập' }));
	assert.notEqual(path(page), '/quan-tri/dang-nhap',
		`${who}: sign-in refused: ${await textOf(page.locator('main')).catch(() => '?')}`);
	if (path(page) === '/quan-tri/doi-mat-khau')
		await changePassword(t, page, who);
}

/* A page of WHO's own browser, signed in (the session of an earlier scenario is reused, as a
 * person stays signed in), at ADMINPATH. */
async function personPage(t, who, adminPath = '/quan-tri/', options = {}) {
	const u = t.state.users[who];
	const ctx = await t.newContext({ ...options, ...(u.storage ? { storageState: u.storage } : {}) });
	const page = await ctx.newPage();
	await page.goto(t.site + adminPath);
	if (path(page) === '/quan-tri/dang-nhap') {
		await signIn(t, page, who);
		if (path(page) !== adminPath.replace(/\?.*/, ''))
			await page.goto(t.site + adminPath);
	}
	u.storage = await ctx.storageState();
	return page;
}

async function remember(t, who, page) {
	t.state.users[who].storage = await page.context().storageState();
}

/* The rich-text editor has started: its editing area is editable. */
async function editorReady(page) {
	await page.frameLocator('#body_ifr').locator('body[contenteditable="true"]').waitFor({ timeout: 10000 });
}

function editorBody(page) {
	return page.frameLocator('#body_ifr').locator('body');
}

/* Types BLOCKS into the editor as a person: click into it, type, Enter; a heading is chosen in
 * the toolbar's "Kiểu đoạn" list first. */
async function typeInEditor(page, blocks) {
	await editorReady(page);
	await editorBody(page).click();
	for (const b of blocks) {
		if (b.h2) {
			await page.getByRole('button', { name: /^Kiểu đoạn/ }).click();
			await page.getByRole('menuitemcheckbox', { name: 'Tiêu đề 2' }).click();
			await page.keyboard.type(b.h2);
		} else {
			await page.keyboard.type(b.p);
		}
		await page.keyboard.press('Enter');
	}
}

/* Inserts IMAGE through the editor's image dialog: "Chèn/sửa ảnh", tab "Tải lên", choose the
 * file, back on "Chung" the address is filled in by the upload; the description; "Lưu". */
async function insertImage(page, image, alt) {
	await page.getByRole('button', { name: 'Chèn/sửa ảnh' }).click();
	const dlg = page.getByRole('dialog', { name: 'Chèn/sửa ảnh' });
	await dlg.waitFor();
	await dlg.getByRole('tab', { name: 'Tải lên' }).click();
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
		dlg.getByRole('button', { name: 'Chọn ảnh trong máy' }).click()]);
	await chooser.setFiles({ name: image.name, mimeType: image.mimeType, buffer: image.buffer });
	const src = await until(async () => {
		const v = await dlg.getByLabel('Nguồn ảnh (URL)').inputValue();
		return /^\/media\//.test(v) && v;
	}, 'the image dialog did not get the uploaded image\'s address');
	assert.match(src, /^\/media\/[0-9a-f]+\.png$/, 'the address the upload gave');
	await dlg.getByLabel('Mô tả ảnh (bắt buộc)').fill(alt);
	await dlg.getByRole('button', { name: 'Lưu', exact: true }).click();
	await dlg.waitFor({ state: 'hidden' });
	const img = editorBody(page).locator(`img[alt="${alt}"]`);
	await img.waitFor();
	assert.equal(await img.getAttribute('src'), src, 'the image in the editor');
	assert.ok(await until(() => img.evaluate((i) => i.complete && i.naturalWidth > 0), 'the image does not show in the editor'));
	return src;
}

/* Selects WORD in the editor by double-clicking it (where it is on screen) and types NEW. */
async function replaceWordInEditor(page, word, replacement) {
	await editorReady(page);
	await page.locator('#body_ifr').scrollIntoViewIfNeeded();
	const box = await page.locator('#body_ifr').evaluate((ifr, w) => {
		const doc = ifr.contentDocument;
		const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const n = walker.currentNode, i = n.data.indexOf(w);
			if (i < 0)
				continue;
			const r = doc.createRange();
			r.setStart(n, i);
			r.setEnd(n, i + w.length);
			const b = r.getBoundingClientRect();
			return { x: b.x, y: b.y, width: b.width, height: b.height };
		}
		return null;
	}, word);
	assert.ok(box, `the word "${word}" is not in the editor`);
	const frame = await page.locator('#body_ifr').boundingBox();
	await page.mouse.dblclick(frame.x + box.x + box.width / 2, frame.y + box.y + box.height / 2);
	const selected = await page.locator('#body_ifr').evaluate((ifr) => ifr.contentWindow.getSelection().toString());
	assert.equal(selected, word, 'double-clicking the word did not select exactly that word');
	await page.keyboard.type(replacement);
}

/* The article form's own buttons (the toolbar and the dialogs have their own "Lưu"). */
function formButton(page, name) {
	return page.locator('form.form').getByRole('button', { name, exact: true });
}

/* The "Trạng thái" panel of an edit page, its state, and one of its action buttons. */
function panel(page) {
	return page.getByRole('region', { name: /^Trạng thái/ });
}
async function stateOf(page) {
	return textOf(panel(page).locator('h2 .state').first());
}
function actionButton(page, label) {
	return panel(page).getByRole('button', { name: label, exact: true });
}

/* Opens, from WHO's dashboard, the tab "Chờ tôi xử lý" and in it the article TITLE. */
async function openFromWaiting(page, title) {
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Bài viết' }));
	const tab = page.getByRole('navigation', { name: 'Danh sách bài viết' }).getByRole('link', { name: /^Chờ tôi xử lý/ });
	await clickAndWait(page, tab);
	assert.equal(await tab.getAttribute('aria-current'), 'page', 'the tab "Chờ tôi xử lý" is not the current one');
	const row = page.locator('table.list tbody tr', { hasText: title });
	assert.equal(await row.count(), 1, `"Chờ tôi xử lý" does not list "${title}" once: ${await textOf(page.locator('main'))}`);
	const link = row.getByRole('link', { name: title });
	assert.equal(await link.count(), 1, `the row of "${title}" in "Chờ tôi xử lý" has no link to it`);
	await clickAndWait(page, link);
	assertPath(page, /^\/quan-tri\/bai-viet\/\d+$/, `opening "${title}"`);
	return row;
}

/* ---------------------------------------------------------------------------------------------
 * The steps of the workflow, shared by the first scenario and by ensureArticle.
 */

async function ensureCategory(t, page = null) {
	if (t.state.category)
		return t.state.category;
	const own = !page;
	page ??= await personPage(t, 'approver', '/quan-tri/chuyen-muc');
	if (path(page) !== '/quan-tri/chuyen-muc')
		await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Chuyên mục' }));
	if (!(await page.locator('table.list tbody tr', { hasText: CATEGORY }).count())) {
		await page.getByLabel('Tên chuyên mục').click();
		await page.keyboard.type(CATEGORY);
		await clickAndWait(page, page.getByRole('button', { name: 'Lưu chuyên mục' }));
		assertPath(page, '/quan-tri/chuyen-muc', 'after saving the category');
		assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã lưu.');
	}
	const row = page.locator('table.list tbody tr', { hasText: CATEGORY });
	assert.equal(await row.count(), 1, `the category list does not show "${CATEGORY}" once`);
	const link = row.locator('a[href^="/chuyen-muc/"]');
	t.state.category = { name: CATEGORY, path: await link.getAttribute('href'), slug: await textOf(link) };
	if (own)
		await page.context().close();
	return t.state.category;
}

/* The reporter, on the new-article form, types the article and sends it for editing. */
async function writeAndSubmit(t, page) {
	await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).click();
	await page.keyboard.type(ARTICLE.title);
	await page.getByRole('combobox', { name: 'Chuyên mục', exact: true }).selectOption({ label: CATEGORY });
	await page.getByRole('textbox', { name: 'Tóm tắt', exact: true }).click();
	await page.keyboard.type(ARTICLE.summary);
	await typeInEditor(page, [{ p: ARTICLE.paragraphs[0] }, { h2: ARTICLE.heading }, { p: ARTICLE.paragraphs[1] }]);
	const src = await insertImage(page, IMAGE, ARTICLE.imageAlt);
	const resp = await clickAndWait(page, formButton(page, 'Lưu và gửi biên tập'));
	assert.equal(resp.status(), 200, `"Lưu và gửi biên tập": status ${resp.status()}: ${await textOf(page.locator('main')).catch(() => '')}`);
	assertPath(page, /^\/quan-tri\/bai-viet\/\d+$/, 'after "Lưu và gửi biên tập"');
	const id = Number(path(page).split('/').pop());
	t.state.article = { id, stage: 'submitted', imageSrc: src };
	return id;
}

/* The editor, on the edit page, corrects the typo in the editor, saves, marks it edited. */
async function editAndPass(t, page) {
	if (await editorBody(page).getByText(TYPO).count()) {
		await replaceWordInEditor(page, TYPO, FIXED);
		const resp = await clickAndWait(page, formButton(page, 'Lưu'));
		assert.equal(resp.status(), 200, `the editor's "Lưu": status ${resp.status()}: ${await textOf(page.locator('main')).catch(() => '')}`);
		assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã lưu.', 'after the editor\'s "Lưu"');
	}
	await clickAndWait(page, actionButton(page, ACT.edited));
	assert.equal(await textOf(page.locator('p.notice[role=status]')), DONE_MSG, `after "${ACT.edited}"`);
	assert.equal(await stateOf(page), STATE.edited, `the state after "${ACT.edited}"`);
	t.state.article.stage = 'edited';
}

async function publish(t, page) {
	await clickAndWait(page, actionButton(page, ACT.publish));
	assert.equal(await textOf(page.locator('p.notice[role=status]')), DONE_MSG, `after "${ACT.publish}"`);
	assert.equal(await stateOf(page), STATE.published, `the state after "${ACT.publish}"`);
	const view = panel(page).getByRole('link', { name: 'Xem trên trang' });
	const href = await view.getAttribute('href');
	assert.match(href, /^\/tin\//, 'the "Xem trên trang" link');
	t.state.article.stage = 'published';
	t.state.article.path = href;
}

/* The article of the first scenario, taken through whatever steps that scenario did not reach. */
async function ensureArticle(t) {
	const a = t.state.article;
	if (a?.stage === 'published')
		return a;
	await ensureCategory(t);
	if (!a?.id) {
		const page = await personPage(t, 'reporter', '/quan-tri/bai-viet/moi');
		await writeAndSubmit(t, page);
		await page.context().close();
	}
	if (t.state.article.stage === 'submitted') {
		const page = await personPage(t, 'editor', `/quan-tri/bai-viet/${t.state.article.id}`);
		await editAndPass(t, page);
		await page.context().close();
	}
	if (t.state.article.stage === 'edited') {
		const page = await personPage(t, 'approver', `/quan-tri/bai-viet/${t.state.article.id}`);
		await publish(t, page);
		await page.context().close();
	}
	return t.state.article;
}

/* Runs axe-core on PAGE and in each of its frames (opened in a context made with bypassCSP, so
 * the script can be injected into pages whose CSP says script-src 'none' or 'self'). Returns the
 * violations, simplified, and how many checked nodes were inside an iframe. */
async function axe(t, page) {
	for (const f of page.frames())
		await f.addScriptTag({ content: t.axeSource });
	return page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { iframes: true, resultTypes: ['violations', 'incomplete'] });
		const inFrames = [...r.passes, ...r.violations].reduce((n, rule) =>
			n + rule.nodes.filter((x) => x.target.length > 1).length, 0);
		const simple = (v, nodes) => ({
			id: v.id, impact: v.impact, help: v.help, count: nodes.length,
			target: nodes[0] ? nodes[0].target.join(' » ') : '',
			html: nodes[0] ? nodes[0].html.slice(0, 160) : '',
			message: nodes[0] ? ((nodes[0].any[0] || nodes[0].all[0] || {}).message || '') : '',
		});
		// "Needs review" results. One kind is no matter of judgement: text exactly the colour
		// of what is behind it (contrast 1:1) is invisible to everyone; axe leaves it for review
		// because the text might be hidden on purpose, which a control's label never is.
		const invisible = [], review = [];
		for (const v of r.incomplete) {
			const flat = v.nodes.filter((x) => v.id === 'color-contrast' &&
				x.any.some((c) => c.data && c.data.contrastRatio === 1));
			const rest = v.nodes.filter((x) => !flat.includes(x) &&
				!x.any.some((c) => c.id === 'color-contrast' && c.data && c.data.messageKey === 'nonBmp'));
			if (flat.length)
				invisible.push(simple(v, flat));
			if (rest.length)
				review.push(simple(v, rest));
		}
		return { inFrames, violations: r.violations.map((v) => simple(v, v.nodes)), invisible, review };
	});
}

async function noHorizontalScroll(page, what) {
	const m = await page.evaluate(() => {
		const se = document.scrollingElement;
		const wide = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.right > se.clientWidth + 1 && wide.length < 3)
				wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (right ${Math.round(r.right)})`);
		}
		return { sw: se.scrollWidth, cw: se.clientWidth, wide };
	});
	assert.ok(m.sw <= m.cw, `${what}: horizontal scroll on a phone, scrollWidth ${m.sw} > clientWidth ${m.cw}; too wide: ${m.wide.join(', ')}`);
}

/* No script runs on a public page. Its JSON-LD (schema.org metadata, docs/metadata.md) is a data
 * block the browser never executes: allowed, and it must parse as JSON. */
async function noScriptElement(page, what) {
	const found = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => ({
		type: s.type, text: s.textContent, html: s.outerHTML.slice(0, 100),
	})));
	const scripts = found.filter((s) => s.type !== 'application/ld+json').map((s) => s.html);
	assert.equal(scripts.length, 0, `${what}: the public page has <script> elements: ${scripts.join(', ')}`);
	for (const s of found.filter((x) => x.type === 'application/ld+json'))
		assert.doesNotThrow(() => JSON.parse(s.text), `${what}: its JSON-LD parses: ${s.html}`);
}

/* Waits for IMG to load (scrolling to it, as lazy images load only when near) and returns its
 * natural width, 0 when it did not load. */
async function imageWidth(img) {
	await img.scrollIntoViewIfNeeded();
	return img.evaluate((i) => (i.complete ? i.naturalWidth : new Promise((res) => {
		i.addEventListener('load', () => res(i.naturalWidth));
		i.addEventListener('error', () => res(0));
		setTimeout(() => res(i.naturalWidth), 3000);
	})));
}

/* ---------------------------------------------------------------------------------------------
 * 1. Reporter, editor and approver publish; a citizen reads
 */
async function workflow(t) {
	const adminSeen = [];
	const open = async (who) => {
		const page = await (await t.newContext()).newPage();
		adminSeen.push([who, watch(page)]);
		return page;
	};

	// The approver signs in first (one-time password, changed) and makes the category, which
	// reporters may not do.
	const ap = await open('approver');
	await ap.goto(t.site + '/quan-tri/');
	assertPath(ap, '/quan-tri/dang-nhap', 'opening /quan-tri/ without signing in');
	assert.equal(new URL(ap.url()).searchParams.get('tiep'), '/quan-tri/', 'the sign-in page does not keep the way back');
	assert.match(await ap.title(), /Đăng nhập - Quản trị Sở Nội vụ/);
	await ap.getByLabel('Tên đăng nhập').click();
	await ap.keyboard.type(ACCOUNTS.approver.username);
	await ap.getByLabel('Mật khẩu', { exact: true }).click();
	await ap.keyboard.type(t.state.users.approver.password);
	await clickAndWait(ap, ap.getByRole('button', { name: 'Đăng nhập' }));
	assertPath(ap, '/quan-tri/doi-mat-khau', 'the approver\'s one-time password must be changed first');
	await changePassword(t, ap, 'approver');
	await remember(t, 'approver', ap);
	assert.match(await textOf(ap.locator('.admin-user')), new RegExp(`${ACCOUNTS.approver.name} · ${ACCOUNTS.approver.roleLabel.replace('/', '\\/')}`));
	await ensureCategory(t, ap);

	// The reporter: sign-in, the forced password change (a weak one refused first).
	const rp = await open('reporter');
	await rp.goto(t.site + '/quan-tri/');
	await rp.getByLabel('Tên đăng nhập').click();
	await rp.keyboard.type(ACCOUNTS.reporter.username);
	await rp.getByLabel('Mật khẩu', { exact: true }).click();
	await rp.keyboard.type(t.state.users.reporter.password);
	await clickAndWait(rp, rp.getByRole('button', { name: 'Đăng nhập' }));
	assertPath(rp, '/quan-tri/doi-mat-khau', 'the reporter\'s one-time password must be changed first');
	assert.equal(await textOf(rp.getByRole('heading', { level: 1 })), 'Đổi mật khẩu');
	await mustSee(rp.getByText('lần đăng nhập đầu tiên với mật khẩu dùng một lần'), 'the one-time password notice');
	await rp.goto(t.site + '/quan-tri/bai-viet/moi');
	assertPath(rp, '/quan-tri/doi-mat-khau', 'the article form before the password change');
	await rp.getByLabel('Mật khẩu hiện tại').fill(t.state.users.reporter.password);
	await rp.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhaumoichuadu');
	await rp.getByLabel('Nhập lại mật khẩu mới').fill('matkhaumoichuadu');
	const weak = await clickAndWait(rp, rp.getByRole('button', { name: 'Đổi mật khẩu' }));
	assert.equal(weak.status(), 422, 'a weak password should be refused with 422');
	await assertFieldError(rp, 'new_password', 'Mật khẩu phải có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.');
	await changePassword(t, rp, 'reporter');
	await remember(t, 'reporter', rp);
	assert.equal(await textOf(rp.locator('p.notice[role=status]')), 'Đã đổi mật khẩu.');
	assert.match(await textOf(rp.locator('.admin-user')), new RegExp(`${ACCOUNTS.reporter.name} · ${ACCOUNTS.reporter.roleLabel}`));
	const rnav = rp.getByRole('navigation', { name: 'Quản trị' });
	assert.equal(await rnav.getByRole('link', { name: 'Chuyên mục' }).count(), 0, 'a reporter is offered "Chuyên mục"');

	// The reporter writes the article in the rich-text editor, with a heading and an image.
	await clickAndWait(rp, rnav.getByRole('link', { name: 'Viết bài mới' }));
	assertPath(rp, '/quan-tri/bai-viet/moi');
	assert.equal(await textOf(rp.getByRole('heading', { level: 1 })), 'Viết bài mới');
	assert.equal(await rp.getByLabel('Tác giả', { exact: true }).inputValue(), ACCOUNTS.reporter.name, 'the author is pre-filled');
	assert.equal(await formButton(rp, 'Lưu và xuất bản').count(), 0, 'the new-article form still offers "Lưu và xuất bản"');
	const id = await writeAndSubmit(t, rp);
	assert.equal(await textOf(rp.locator('p.notice[role=status]')), 'Đã lưu.');
	assert.equal(await stateOf(rp), STATE.submitted, 'the state after "Lưu và gửi biên tập"');
	assert.equal(await rp.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), ARTICLE.title);

	// Its dashboard shows it, waiting for the editors.
	await clickAndWait(rp, rnav.getByRole('link', { name: 'Bài viết' }));
	assertPath(rp, '/quan-tri/');
	const mine = rp.locator('table.list tbody tr', { hasText: ARTICLE.title });
	assert.equal(await mine.count(), 1, 'the reporter\'s dashboard does not list the article');
	assert.match(await textOf(mine), new RegExp(`${CATEGORY}.*${ACCOUNTS.reporter.name}.*${STATE.submitted}`), 'the dashboard row');
	const mineLink = mine.getByRole('link', { name: ARTICLE.title });
	assert.equal(await mineLink.count(), 1, 'the dashboard row does not link to the article');
	assert.equal(await mineLink.getAttribute('href'), `/quan-tri/bai-viet/${id}`);

	// The editor finds it waiting, corrects a word in the editor, saves, passes it on.
	const ed = await open('editor');
	await ed.goto(t.site + '/quan-tri/');
	await signIn(t, ed, 'editor');
	await remember(t, 'editor', ed);
	assert.match(await textOf(ed.locator('.admin-user')), new RegExp(`${ACCOUNTS.editor.name} · ${ACCOUNTS.editor.roleLabel}`));
	const waitingTab = ed.getByRole('navigation', { name: 'Danh sách bài viết' }).getByRole('link', { name: /^Chờ tôi xử lý/ });
	assert.match(await textOf(waitingTab), /Chờ tôi xử lý 1$/, 'the editor\'s "Chờ tôi xử lý" count');
	await ed.screenshot({ path: join(t.shots, 'cong-browser-dashboard.png'), fullPage: true });
	await openFromWaiting(ed, ARTICLE.title);
	assertPath(ed, `/quan-tri/bai-viet/${id}`);
	assert.equal(await stateOf(ed), STATE.submitted);
	await editorReady(ed);
	await mustSee(editorBody(ed).locator('h2', { hasText: ARTICLE.heading }), 'the heading in the editor');
	assert.ok(await imageWidth(editorBody(ed).locator(`img[alt="${ARTICLE.imageAlt}"]`)) > 0, 'the image does not show in the editor\'s copy');
	assert.equal(await actionButton(ed, ACT.publish).count(), 0, 'an editor is offered "Duyệt và xuất bản"');
	await replaceWordInEditor(ed, TYPO, FIXED);
	const saved = await clickAndWait(ed, formButton(ed, 'Lưu'));
	assert.equal(saved.status(), 200, `the editor's "Lưu": ${saved.status()}`);
	assert.equal(await textOf(ed.locator('p.notice[role=status]')), 'Đã lưu.');
	assert.equal(await stateOf(ed), STATE.submitted, 'saving should not change the state');
	await editorReady(ed);
	assert.match(await textOf(editorBody(ed)), new RegExp(`${FIXED} đổi số`), 'the corrected word is not in the editor after saving');
	assert.equal(await editorBody(ed).getByText(TYPO).count(), 0, 'the wrong word is still in the editor after saving');
	await ed.screenshot({ path: join(t.shots, 'cong-browser-admin-edit.png'), fullPage: true });
	await editAndPass(t, ed);

	// The approver finds it waiting and publishes it.
	await openFromWaiting(ap, ARTICLE.title);
	assertPath(ap, `/quan-tri/bai-viet/${id}`);
	assert.equal(await stateOf(ap), STATE.edited);
	await publish(t, ap);
	const articlePath = t.state.article.path;
	const steps = (await ap.getByRole('region', { name: 'Quá trình xử lý' }).locator('li').allTextContents())
		.map((s) => s.replace(/\s+/g, ' ').trim());
	// Newest first (the model orders the transitions so).
	const want = [[ACCOUNTS.approver.name, ACT.publish, STATE.published], [ACCOUNTS.editor.name, ACT.edited, STATE.edited],
		[ACCOUNTS.reporter.name, ACT.submit, STATE.submitted]];
	assert.equal(steps.length, 3, `the timeline should list three steps: ${JSON.stringify(steps)}`);
	want.forEach(([who, act, to], i) => assert.match(steps[i],
		new RegExp(`^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d — ${who}: ${act} → ${to}$`), `timeline step ${i + 1}: "${steps[i]}"`));

	// A citizen: a new browser, no cookies.
	const pub = await (await t.newContext()).newPage();
	const pubSeen = watch(pub);
	await pub.goto(t.site + '/');
	assert.match(await pub.title(), /Sở Nội vụ/);
	await noScriptElement(pub, 'home');
	const latest = pub.locator('section.latest').getByRole('link', { name: ARTICLE.title });
	await mustSee(latest, 'the article in "Tin mới nhất" on the home page');
	await clickAndWait(pub, latest);
	assertPath(pub, articlePath, 'following the article link');
	assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), ARTICLE.title);
	assert.equal(await textOf(pub.locator('.article-summary')), ARTICLE.summary);
	const body = pub.locator('.article-body');
	assert.deepEqual((await body.locator('p').allTextContents()).map((s) => s.trim()).filter(Boolean), fixedParagraphs(),
		'the article body paragraphs (with the editor\'s correction)');
	const h2 = body.getByRole('heading', { level: 2, name: ARTICLE.heading });
	assert.ok(await h2.isVisible(), 'the heading typed in the editor is not shown as a heading');
	const order = await body.evaluate((b) => [...b.children].map((e) =>
		(e.tagName === 'IMG' || e.querySelector('img') ? 'img' : e.tagName.toLowerCase())));
	assert.deepEqual(order, ['p', 'h2', 'p', 'img'], 'the body\'s blocks (paragraph, heading, paragraph, image)');
	assert.match(await textOf(body), new RegExp(`${FIXED} đổi số`), 'the editor\'s correction is not on the public page');
	assert.doesNotMatch(await textOf(pub.locator('main')), new RegExp(TYPO), 'the reporter\'s wrong word is still on the public page');
	const img = body.getByRole('img', { name: ARTICLE.imageAlt });
	assert.equal(await img.count(), 1, 'the image with its description is not in the article');
	assert.ok(await img.isVisible(), 'the image is not visible');
	assert.ok(await imageWidth(img) > 0, `the image does not load (${await img.getAttribute('src')})`);
	assert.match(await textOf(pub.locator('.article-author')), new RegExp(ACCOUNTS.reporter.name));
	await noScriptElement(pub, 'article');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-article.png'), fullPage: true });

	await clickAndWait(pub, pub.getByRole('link', { name: 'Bản in' }));
	assertPath(pub, `${articlePath}/ban-in`, 'the print link');
	assert.ok(await pub.locator('.article-body').getByRole('heading', { level: 2, name: ARTICLE.heading }).isVisible(), 'the print view has no heading');
	assert.ok(await imageWidth(pub.getByRole('img', { name: ARTICLE.imageAlt })) > 0, 'the print view image does not load');
	await noScriptElement(pub, 'print view');
	pubSeen.assertClean('public pages');

	for (const [who, seen] of adminSeen) {
		seen.assertClean(`the ${who}'s admin pages`);
		for (const c of seen.csp)
			t.warn(`warning: CSP report on the ${who}'s admin page ${c}`);
	}
}

/* ---------------------------------------------------------------------------------------------
 * 2. The reporter cannot publish
 */
async function reporterCannotPublish(t) {
	await ensureCategory(t);
	const title = 'Lịch tiếp công dân của Giám đốc Sở Nội vụ tháng 4/2026';
	const rp = await personPage(t, 'reporter', '/quan-tri/bai-viet/moi');
	await rp.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(title);
	await rp.getByRole('combobox', { name: 'Chuyên mục', exact: true }).selectOption({ label: CATEGORY });
	await typeInEditor(rp, [{ p: 'Giám đốc Sở tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở Sở.' }]);
	await clickAndWait(rp, formButton(rp, 'Lưu và gửi biên tập'));
	assertPath(rp, /^\/quan-tri\/bai-viet\/\d+$/, 'after "Lưu và gửi biên tập"');
	const editPath = path(rp), id = editPath.split('/').pop();
	assert.equal(await stateOf(rp), STATE.submitted);
	const offered = async (page) => (await panel(page).getByRole('button').allTextContents()).map((s) => s.trim());
	assert.deepEqual(await offered(rp), [], 'the reporter\'s own submitted article offers actions');
	assert.equal(await rp.getByRole('button', { name: ACT.publish }).count(), 0, 'the reporter sees "Duyệt và xuất bản"');

	// Two-step site: even the approver waits for an editor; the editor passes it on.
	const ap = await personPage(t, 'approver', editPath);
	assert.equal(await actionButton(ap, ACT.publish).count(), 0,
		`on a two-step site the approver is offered "${ACT.publish}" before editing: ${(await offered(ap)).join(', ')}`);
	const ed = await personPage(t, 'editor', editPath);
	await clickAndWait(ed, actionButton(ed, ACT.edited));
	assert.equal(await stateOf(ed), STATE.edited);

	await rp.reload();
	assert.equal(await stateOf(rp), STATE.edited);
	assert.equal(await rp.getByRole('button', { name: ACT.publish }).count(), 0, 'the reporter sees "Duyệt và xuất bản" once edited');
	assert.deepEqual(await offered(rp), [], 'the reporter\'s edited article offers actions');

	// What the reporter's browser would send if the button were there: refused.
	const [resp] = await Promise.all([rp.waitForNavigation(), rp.evaluate((articleId) => {
		const f = document.createElement('form');
		f.method = 'post';
		f.action = `/quan-tri/bai-viet/${articleId}/chuyen`;
		for (const [k, v] of [['csrf', document.querySelector('input[name=csrf]').value], ['action', 'publish']]) {
			const i = document.createElement('input');
			i.type = 'hidden';
			i.name = k;
			i.value = v;
			f.append(i);
		}
		document.body.append(f);
		f.submit();
	}, id)]);
	assert.equal(resp.status(), 403, `a reporter's forged "publish" answered ${resp.status()}`);
	await ap.reload();
	assert.equal(await stateOf(ap), STATE.edited, 'the forged "publish" changed the state');

	assert.ok(await actionButton(ap, ACT.publish).isVisible(), `the approver is not offered "${ACT.publish}": ${(await offered(ap)).join(', ')}`);
}

/* ---------------------------------------------------------------------------------------------
 * 3. Form errors keep what was typed
 */
async function formErrorKeepsInput(t) {
	await ensureCategory(t);
	const page = await personPage(t, 'reporter', '/quan-tri/bai-viet/moi');
	const seen = watch(page);
	assertPath(page, '/quan-tri/bai-viet/moi');
	await editorReady(page);
	const title = 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025';
	const summary = 'Tóm tắt: ghi nhận những đơn vị tiêu biểu, đề ra phương hướng năm mới.';
	await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(title);
	await page.getByRole('textbox', { name: 'Tóm tắt', exact: true }).fill(summary);
	const posts = [];
	page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });

	// The browser stops the form first: the category is required.
	await formButton(page, 'Lưu').click();
	await page.waitForTimeout(200);
	assert.deepEqual(posts, [], 'the browser sent the form although the required category is empty');
	assert.ok(await page.locator('#category_id').evaluate((s) => s.validity.valueMissing), 'the empty category is not flagged by the browser');

	// With a category, the editor's own check stops the empty body, with a message at the editor.
	await page.getByRole('combobox', { name: 'Chuyên mục', exact: true }).selectOption({ label: CATEGORY });
	await formButton(page, 'Lưu').click();
	await page.waitForTimeout(200);
	assert.deepEqual(posts, [], 'the form was sent with an empty body');
	await assertEditorError(page, 'body-editor-error', 'Vui lòng nhập “Nội dung”: nội dung đang trống.');
	await page.getByRole('combobox', { name: 'Chuyên mục', exact: true }).selectOption('');

	// The server's check (what a browser without these checks gets): messages at the fields.
	await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
	const resp = await clickAndWait(page, formButton(page, 'Lưu'));
	assert.equal(resp.status(), 422, 'an incomplete article should come back with 422');
	assertPath(page, '/quan-tri/bai-viet/moi', 'the form with errors');
	await editorReady(page);
	await mustSee(page.locator('.error-summary[role=alert]'), 'the error summary at the top');
	assert.match(await textOf(page.locator('.error-summary')), /Thông tin chưa hợp lệ/);
	await assertFieldError(page, 'category_id', REQUIRED_MSG);
	await assertEditorError(page, 'body-error', REQUIRED_MSG);
	assert.equal(await page.locator('#title-error').count(), 0, 'the title was given, yet it has an error');
	assert.equal(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), title, 'the typed title is lost');
	assert.equal(await page.getByRole('textbox', { name: 'Tóm tắt', exact: true }).inputValue(), summary, 'the typed summary is lost');
	assert.equal(await page.getByLabel('Tác giả', { exact: true }).inputValue(), ACCOUNTS.reporter.name, 'the author is lost');
	assert.equal(await page.getByRole('combobox', { name: 'Chuyên mục', exact: true }).inputValue(), '', 'the category should still be unchosen');

	// What is typed in the editor is kept too, formatting included.
	const para = 'Hội nghị biểu dương 25 tập thể và 40 cá nhân có thành tích xuất sắc.';
	await typeInEditor(page, [{ h2: 'Kết quả nổi bật' }, { p: para }]);
	await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
	const again = await clickAndWait(page, formButton(page, 'Lưu'));
	assert.equal(again.status(), 422, 'still no category: 422');
	await editorReady(page);
	await assertFieldError(page, 'category_id', REQUIRED_MSG);
	assert.equal(await page.locator('#body-error').count(), 0, 'the body was given, yet it has an error');
	await mustSee(editorBody(page).locator('h2', { hasText: 'Kết quả nổi bật' }), 'the heading typed in the editor, after the error');
	await mustSee(editorBody(page).locator('p', { hasText: para }), 'the paragraph typed in the editor, after the error');
	assert.equal(await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), title, 'the typed title is lost the second time');

	// Nothing was saved.
	await page.goto(t.site + '/quan-tri/?loc=tat-ca');
	assert.equal(await page.locator('table.list tbody tr', { hasText: title }).count(), 0, 'the invalid article was saved anyway');
	seen.assertClean('the article form');
}

/* ---------------------------------------------------------------------------------------------
 * 4. Accessibility (axe-core)
 */
async function accessibility(t) {
	const art = await ensureArticle(t);
	const pub = await t.newContext({ bypassCSP: true });
	const failures = [];
	let checked = 0, warnings = 0;
	const check = async (name, page) => {
		const { violations, inFrames, invisible, review } = await axe(t, page);
		checked++;
		for (const v of violations) {
			const bad = v.impact === 'serious' || v.impact === 'critical';
			if (!bad)
				warnings++;
			t.warn(`axe ${bad ? 'VIOLATION' : 'warning'} [${name}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
			if (bad)
				failures.push(`${name}: ${v.id} (${v.impact}) at ${v.target}`);
		}
		for (const v of invisible) {
			t.warn(`axe VIOLATION [${name}] ${v.id}: text invisible (1:1) ×${v.count} at ${v.target} — ${v.message}; ${v.html}`);
			failures.push(`${name}: ${v.id} 1:1, invisible text at ${v.target} (${v.html.replace(/\s+/g, ' ').slice(0, 90)})`);
		}
		for (const v of review) {
			warnings++;
			t.warn(`axe needs review [${name}] ${v.id} ×${v.count} at ${v.target} — ${v.message || v.help}; ${v.html}`);
		}
		return inFrames;
	};
	// the Sở publishes in English and Khmer too (#16): its home pages in those languages are
	// checked like the Vietnamese one (no CLI for a site's languages yet: written as the model does)
	execFileSync('sqlite3', [join(t.data, 'cong.db')],
		{ input: "UPDATE sites SET languages = 'en km' WHERE slug = 'snv'; UPDATE cache_gen SET gen = gen + 1;" });
	const pages = [
		['trang chủ (Sở Nội vụ)', t.site + '/'],
		['trang chủ tiếng Anh (Sở Nội vụ)', t.site + '/en/', 'en'],
		['trang chủ tiếng Khmer (Sở Nội vụ)', t.site + '/km/', 'km'],
		['trang chủ (cổng chính)', t.main + '/'],
		['chuyên mục', t.site + t.state.category.path],
		['bài viết', t.site + art.path],
		['bản in', t.site + art.path + '/ban-in'],
		['đăng nhập', t.site + '/quan-tri/dang-nhap'],
	];
	// every other public page kind in English and Khmer (#16): lists, search, forms, contact, the
	// week's schedule, the organisation, access to information, the site map and the unit map
	for (const lang of ['en', 'km'])
		for (const path of ['/van-ban', '/tim-kiem?q=province', '/gui/cau-hoi', '/gui/yeu-cau-thong-tin', '/lien-he',
			'/lich-cong-tac', '/co-cau-to-chuc', '/tiep-can-thong-tin', '/so-do-trang', '/ban-do-hanh-chinh'])
			pages.push([`${path} (${lang})`, `${t.site}/${lang}${path}`, lang]);
	for (const [name, url, lang] of pages) {
		const page = await pub.newPage();
		const r = await page.goto(url);
		assert.equal(r.status(), 200, `${name}: ${url} answered ${r.status()}`);
		assert.equal(await page.locator('html').getAttribute('lang'), lang || 'vi', `${name}: <html lang>`);
		await check(name, page);
		await page.close();
	}

	const admin = await personPage(t, 'approver', '/quan-tri/', { bypassCSP: true });
	await check('bảng điều khiển', admin);
	await admin.goto(`${t.site}/quan-tri/bai-viet/${art.id}`);
	await editorReady(admin);
	const inFrame = await check('sửa bài viết (có trình soạn thảo)', admin);
	assert.ok(inFrame > 0, 'axe did not look inside the editor\'s iframe');
	await admin.goto(`${t.site}/quan-tri/bai-viet/moi`);
	await editorReady(admin);
	await admin.locator('form.form').evaluate((f) => { f.noValidate = true; });
	await clickAndWait(admin, formButton(admin, 'Lưu'));
	await editorReady(admin);
	assert.ok(await admin.locator('#body-error').isVisible(), 'the form did not come back with errors');
	await check('bài viết mới (báo lỗi, có trình soạn thảo)', admin);
	t.warn(`axe-core: ${checked} pages checked, ${failures.length} serious/critical, ${warnings} moderate/minor or to review`);
	assert.ok(!failures.length, `serious/critical: ${failures.join('; ')}`);
}

/* ---------------------------------------------------------------------------------------------
 * Deadlines and the periodic review: the approver gives the category a review interval, finds
 * the article among the fixed pages and records its review with one click; axe-core on the
 * deadline pages (lists, report with its SVG chart, rules, review). */
async function deadlinesAndReview(t) {
	const art = await ensureArticle(t);
	const page = await personPage(t, 'approver', '/quan-tri/', { bypassCSP: true });
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Hạn cập nhật' }));
	await clickAndWait(page, page.getByRole('navigation', { name: 'Hạn cập nhật' }).getByRole('link', { name: 'Quy tắc thời hạn' }));
	/* the category's row by its first cell: the kind names in every row's select say "Tin hoạt động…" too */
	const catRow = () => page.locator('table.list tbody tr').filter({ has: page.getByRole('cell', { name: t.state.category.name, exact: true }) });
	const row = catRow();
	assert.equal(await row.count(), 1, `the rules page does not list the category "${t.state.category.name}" once`);
	await row.getByLabel('Rà soát mỗi').fill('1');
	await clickAndWait(page, row.getByRole('button', { name: 'Lưu' }));
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã lưu.', 'after saving the review interval');
	assert.equal(await catRow().getByLabel('Rà soát mỗi').inputValue(), '1');

	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Rà soát' }));
	await clickAndWait(page, page.getByRole('navigation', { name: 'Rà soát' }).getByRole('link', { name: 'Tất cả thông tin cố định' }));
	const item = page.locator('table.review tbody tr', { hasText: ARTICLE.title });
	assert.equal(await item.count(), 1, 'the article is not among the fixed pages');
	assert.match(await textOf(item), /chưa rà soát/, 'a page never reviewed says so');
	await clickAndWait(page, item.getByRole('button', { name: /^Đã rà soát/ }));
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã ghi nhận việc rà soát.');
	await clickAndWait(page, page.getByRole('navigation', { name: 'Rà soát' }).getByRole('link', { name: 'Tất cả thông tin cố định' }));
	const after = await textOf(page.locator('table.review tbody tr', { hasText: ARTICLE.title }));
	assert.match(after, new RegExp(ACCOUNTS.approver.name), 'the review does not name who made it');

	const failures = [];
	for (const [name, p] of [['hạn cập nhật', '/quan-tri/han-cap-nhat'], ['báo cáo tuân thủ', '/quan-tri/han-cap-nhat/bao-cao'],
		['quy tắc thời hạn', '/quan-tri/han-cap-nhat/quy-tac'], ['rà soát', '/quan-tri/ra-soat?tat-ca=1']]) {
		const r = await page.goto(t.site + p);
		assert.equal(r.status(), 200, `${name}: ${p} answered ${r.status()}`);
		if (p.endsWith('bao-cao'))
			assert.ok(await page.locator('figure.chart svg[role=img]').isVisible(), 'the report shows no chart');
		const { violations } = await axe(t, page);
		for (const v of violations) {
			const bad = v.impact === 'serious' || v.impact === 'critical';
			t.warn(`axe ${bad ? 'VIOLATION' : 'warning'} [${name}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
			if (bad)
				failures.push(`${name}: ${v.id} at ${v.target}`);
		}
	}
	await page.context().close();
	assert.ok(!failures.length, `serious/critical: ${failures.join('; ')}`);
	void art;
}

/* ---------------------------------------------------------------------------------------------
 * 5. Phone, without JavaScript
 */
async function phone(t) {
	const art = await ensureArticle(t);
	const ctx = await t.newContext({
		viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
		javaScriptEnabled: false,
	});
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/');
	await mustSee(page.getByRole('link', { name: ARTICLE.title }), 'the article on the phone home page');
	await noHorizontalScroll(page, 'home page');

	const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
	const catLink = nav.getByRole('link', { name: t.state.category.name });
	assert.equal(await catLink.isVisible(), false, 'the main menu should be folded on a phone');
	const toggle = page.locator('summary', { hasText: 'Danh mục' });
	assert.ok(await toggle.isVisible(), 'no visible "Danh mục" menu button on a phone');
	await toggle.click();
	assert.ok(await page.locator('details.nav-toggle').evaluate((d) => d.open), 'the menu did not open');
	assert.ok(await catLink.isVisible(), 'the opened menu does not show the category');
	await page.screenshot({ path: join(t.shots, 'cong-browser-phone-menu.png') });
	await noHorizontalScroll(page, 'home page with the menu open');
	await clickAndWait(page, catLink);
	assertPath(page, t.state.category.path, 'following the category in the phone menu');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), t.state.category.name);
	await mustSee(page.getByRole('link', { name: ARTICLE.title }), 'the article in its category');
	await noHorizontalScroll(page, 'category page');

	await page.goto(t.site + art.path);
	await noHorizontalScroll(page, 'article page');
	const img = page.locator('.article-body').getByRole('img', { name: ARTICLE.imageAlt });
	const box = await img.boundingBox();
	assert.ok(box && box.width <= 390, 'the article image is wider than the phone');
	seen.assertClean('phone pages');
}

/* ---------------------------------------------------------------------------------------------
 * 6. Comparing revisions
 */
async function compareRevisions(t) {
	const art = await ensureArticle(t);
	const page = await personPage(t, 'editor', `/quan-tri/bai-viet/${art.id}`);
	const seen = watch(page);
	const revs = page.getByRole('region', { name: 'Các phiên bản' });
	const rowOf = (who) => revs.locator('tbody tr').filter({ has: page.getByRole('cell', { name: who, exact: true }) });
	assert.ok(await rowOf(ACCOUNTS.reporter.name).count() >= 1, 'no revision saved by the reporter');
	assert.ok(await rowOf(ACCOUNTS.editor.name).count() >= 1, 'no revision saved by the editor');
	// The reporter's version (the oldest of theirs) against the editor's (the newest of theirs).
	await rowOf(ACCOUNTS.reporter.name).last().getByRole('radio', { name: /^So sánh từ phiên bản/ }).check();
	await rowOf(ACCOUNTS.editor.name).first().getByRole('radio', { name: /^So sánh đến phiên bản/ }).check();
	await clickAndWait(page, revs.getByRole('button', { name: 'So sánh hai phiên bản đã chọn' }));
	assertPath(page, `/quan-tri/bai-viet/${art.id}/so-sanh`, 'the comparison');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'So sánh phiên bản');
	assert.match(await textOf(page.locator('main > p').first()), new RegExp(`${ACCOUNTS.reporter.name}.*${ACCOUNTS.editor.name}`),
		'the comparison does not say whose versions these are');
	const section = page.locator('section.diff').filter({ has: page.getByRole('heading', { name: /^Nội dung/ }) });
	assert.equal(await section.count(), 1, 'no "Nội dung" part in the comparison');
	const del = section.locator('del'), ins = section.locator('ins');
	assert.deepEqual((await del.allTextContents()).map((s) => s.trim()), [TYPO], 'what is shown as removed');
	assert.deepEqual((await ins.allTextContents()).map((s) => s.trim()), [FIXED], 'what is shown as added');
	assert.match(await del.evaluate((e) => getComputedStyle(e).textDecorationLine), /line-through/, 'the removed word is not struck through');
	assert.match(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/, 'the added word is not underlined');
	assert.ok(await del.isVisible() && await ins.isVisible(), 'the changes are not visible');
	const title = page.locator('section.diff').filter({ has: page.getByRole('heading', { name: /^Tiêu đề/ }) });
	assert.match(await textOf(title.getByRole('heading')), /không đổi/, 'the unchanged title is not marked "không đổi"');
	await page.screenshot({ path: join(t.shots, 'cong-browser-compare.png'), fullPage: true });
	seen.assertClean('the comparison');
}

/* ---------------------------------------------------------------------------------------------
 * 7. The editor under the admin pages' CSP
 */
async function editorCsp(t) {
	await ensureCategory(t);
	const page = await personPage(t, 'reporter', '/quan-tri/bai-viet/moi');
	const seen = watch(page);
	await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill('Thông báo tuyển dụng công chức năm 2026');
	await page.getByRole('combobox', { name: 'Chuyên mục', exact: true }).selectOption({ label: CATEGORY });
	await typeInEditor(page, [{ p: 'Sở Nội vụ thông báo tuyển dụng công chức năm 2026.' }]);
	await insertImage(page, IMAGE, 'Quang cảnh kỳ thi tuyển công chức');
	// The image just inserted is still selected (with its resize handles) when the person saves.
	// The form's submit first copies the editor's content into the textarea (tinymce.triggerSave);
	// that is done here alone, the page kept a moment, because the browser's CSP reports of a real
	// submit race the navigation and are often lost with the page.
	const handles = await editorBody(page).locator('.mce-resizehandle[style]').count();
	await page.evaluate(() => window.tinymce.triggerSave());
	await page.waitForTimeout(300);
	const reports = [...seen.csp];
	const resp = await clickAndWait(page, formButton(page, 'Lưu'));
	assert.equal(resp.status(), 200, `saving the draft: ${resp.status()}`);
	assert.equal(await stateOf(page), STATE.draft);
	seen.assertClean('the article form');
	assert.ok(reports.length === 0, `saving with the image selected (${handles} resize handles with style="" in the editing area), ` +
		`the browser reported ${reports.length} CSP violation(s), e.g. ${reports[0]}`);
	assert.ok(seen.csp.length === 0, `the browser reported CSP violations: ${seen.csp.join('; ')}`);
}

/* ---------------------------------------------------------------------------------------------
 * 8. Legal documents: the list, its filters and number search, a document page
 *
 * The admin form for legal documents is not written yet: two documents of the Sở are put into
 * the database with sqlite3 as the model writes them when it publishes (the item with its fields,
 * identifier key and sort day; its filter terms; its relations), and the page cache is bumped.
 */
const LEGAL = {
	a: { num: '12/2024/QĐ-UBND', key: '12/2024/qd-ubnd', title: 'Quy định mức học phí năm học 2024-2025', day: '2024-03-15' },
	b: { num: '05/2023/QĐ-UBND', key: '5/2023/qd-ubnd', title: 'Quy định về học phí năm học 2023-2024', day: '2023-02-10' },
};

function ensureLegal(t) {
	if (t.state.legal)
		return;
	const days = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
	const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
	const site = "(SELECT id FROM sites WHERE slug = 'snv')";
	const doc = (d, rel) => JSON.stringify({
		so_ky_hieu: d.num, loai: 'Quyết định', co_quan_ban_hanh: 'UBND tỉnh Vĩnh Long', nguoi_ky: 'Nguyễn Văn A',
		ngay_ban_hanh: d.day, pham_vi: 'tinh', linh_vuc: ['Giáo dục'], ...rel,
	});
	const sql = [
		`INSERT INTO categories (site_id, name, slug, kind, position) VALUES (${site}, 'Văn bản của Sở', 'van-ban-cua-so', 'legal', 50);`,
		...[['a', { can_cu: ['86/2015/QH13'], sua_doi: [LEGAL.b.num] }, 'con_hieu_luc'], ['b', {}, 'het_hieu_luc_mot_phan']].map(([k, rel, status]) => {
			const d = LEGAL[k];
			const id = `(SELECT id FROM items WHERE ref_key = ${q(d.key)})`;
			return `INSERT INTO items (site_id, category_id, state, title, slug, summary, body, published_at, created_at, updated_at, kind, fields, ref, ref_key, item_day)
				VALUES (${site}, (SELECT id FROM categories WHERE slug = 'van-ban-cua-so'), 'published', ${q(d.title)}, ${q(d.key.replace(/[^0-9a-z]+/g, '-'))},
				'', '<p>Điều 1. Phạm vi điều chỉnh.</p>', strftime('%s','now'), strftime('%s','now'), strftime('%s','now'), 'legal', ${q(doc(d, rel))},
				${q(d.num)}, ${q(d.key)}, ${days(d.day)});
				INSERT INTO item_terms (item_id, key, value) VALUES (${id}, 'nam', ${q(d.day.slice(0, 4))}), (${id}, 'loai', 'Quyết định'),
				(${id}, 'co_quan_ban_hanh', 'UBND tỉnh Vĩnh Long'), (${id}, 'linh_vuc', 'Giáo dục'), (${id}, 'pham_vi', 'tinh'), (${id}, 'hieu_luc', ${q(status)});`;
		}),
		`INSERT INTO item_links (from_id, relation, to_key, to_ref, to_id, position) VALUES
			((SELECT id FROM items WHERE ref_key = ${q(LEGAL.a.key)}), 'can_cu', '86/2015/qh13', '86/2015/QH13', NULL, 0),
			((SELECT id FROM items WHERE ref_key = ${q(LEGAL.a.key)}), 'sua_doi', ${q(LEGAL.b.key)}, ${q(LEGAL.b.num)}, (SELECT id FROM items WHERE ref_key = ${q(LEGAL.b.key)}), 0);`,
		'UPDATE cache_gen SET gen = gen + 1;',
	].join('\n');
	execFileSync('sqlite3', [join(t.data, 'cong.db')], { input: sql });
	t.state.legal = true;
}

async function legalDocuments(t) {
	ensureLegal(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/van-ban');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Văn bản');
	const table = page.getByRole('table', { name: /^Danh sách văn bản/ });
	await mustSee(table, 'the documents\' table, named by its caption');
	assert.equal(await table.getByRole('row').count(), 3, 'a header row and two documents');
	// a person picks the type and the year in the filter form, without JavaScript
	await page.getByRole('combobox', { name: 'Năm' }).selectOption('2023');
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.match(page.url(), /nam=2023/, 'the form did not send the year');
	assert.equal(await table.getByRole('row').count(), 2, 'the 2023 filter');
	await mustSee(table.getByRole('cell', { name: 'Hết hiệu lực một phần' }), 'the validity badge of the amended document');
	await page.getByRole('link', { name: 'Bỏ lọc' }).click();
	await page.waitForLoadState();
	// the number as people type it
	await page.getByRole('searchbox', { name: 'Số ký hiệu' }).fill('quyết định 12/2024');
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.equal(await table.getByRole('row').count(), 2, 'the number search');
	const { violations: listViolations } = await axe(t, page);
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	assert.deepEqual(serious(listViolations), [], 'axe on the list page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-legal-list.png'), fullPage: true });

	await clickAndWait(page, table.getByRole('link', { name: LEGAL.a.title }));
	assert.match(new URL(page.url()).pathname, /^\/van-ban\/12-2024-qd-ubnd-/, 'the document\'s address');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), LEGAL.a.title);
	await mustSee(page.getByRole('heading', { name: /^Tình trạng hiệu lực: Còn hiệu lực/ }), 'the validity box');
	const rel = page.getByRole('region', { name: 'Văn bản liên quan' });
	await mustSee(rel.getByRole('link', { name: LEGAL.b.num }), 'the amended document, linked');
	assert.equal(await rel.getByRole('link', { name: '86/2015/QH13' }).count(), 0, 'a number not in the database is linked');
	await mustSee(rel.getByText('86/2015/QH13'), 'the basis not in the database, as text');
	await noScriptElement(page, 'the document page');
	const { violations } = await axe(t, page);
	assert.deepEqual(serious(violations), [], 'axe on the document page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-legal-document.png'), fullPage: true });
	// the other end of the relation
	await clickAndWait(page, rel.getByRole('link', { name: LEGAL.b.num }));
	await mustSee(page.getByRole('region', { name: 'Văn bản liên quan' }).getByRole('link', { name: LEGAL.a.num }),
		'"Được sửa đổi, bổ sung bởi" on the amended document');
	seen.assertClean('the legal documents\' pages');
}


/* ---------------------------------------------------------------------------------------------
 * An approver enters a legal document in the admin form made from its descriptor: the messages
 * stand next to their fields and what was typed stays; then the document is saved. The page that
 * chooses the main portal's documents for the site. axe-core on each.
 */
async function legalAdmin(t) {
	const page = await personPage(t, 'approver', '/quan-tri/van-ban/moi', { bypassCSP: true });
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Thêm văn bản');
	await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
	await page.getByLabel('Trích yếu').fill('Quy định quản lý, vận hành Cổng thông tin điện tử');
	await page.getByLabel('Ngày ban hành').fill('31/02/2026');
	await page.getByLabel('Cơ quan ban hành').fill('Ủy ban nhân dân tỉnh');
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	await assertFieldError(page, 'so_ky_hieu', 'Vui lòng nhập thông tin này.');
	await assertFieldError(page, 'ngay_ban_hanh', /^Ngày không hợp lệ/);
	assert.equal(await page.getByLabel('Ngày ban hành').inputValue(), '31/02/2026', 'the date as typed is kept');
	assert.equal(await page.getByLabel('Cơ quan ban hành').inputValue(), 'Ủy ban nhân dân tỉnh', 'the input is kept');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the document form with its messages');

	await page.getByLabel('Số ký hiệu').fill('27/2026/QĐ-UBND');
	await page.getByLabel('Loại văn bản').fill('Quyết định');
	await page.getByLabel('Ngày ban hành').fill('02/03/2026');
	await page.getByLabel('Phạm vi').selectOption({ label: 'Tỉnh' });
	await page.getByLabel('Thay thế văn bản').fill('15/2019/QĐ-UBND');
	// a site with a documents' category asks which one (another scenario may have made one)
	const cat = page.getByRole('combobox', { name: 'Chuyên mục' });
	if (await cat.count())
		await cat.selectOption({ index: 1 });
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	assert.match(path(page), /^\/quan-tri\/van-ban\/\d+$/, 'saved: the document\'s own page');
	await mustSee(page.getByRole('status'), 'the saved notice');
	assert.equal(await page.getByLabel('Ngày ban hành').inputValue(), '02/03/2026');
	assert.equal(await page.getByLabel('Thay thế văn bản').inputValue(), '15/2019/QĐ-UBND');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on a saved document');

	await page.goto(t.site + '/quan-tri/liet-ke/van-ban');
	await mustSee(page.getByRole('search'), 'the chooser\'s search');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the chooser of the main portal\'s documents');
	await page.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Importing legal documents from a CSV file: the site administrator opens the import page from
 * the documents' list, uploads the test file with a bad row of every kind, sees each error at its
 * line and no way to import; axe-core finds nothing on the preview.
 */
const BAD_CSV = fileURLToPath(new URL('../data/import/van-ban-loi.csv', import.meta.url));

async function importCsv(t) {
	const page = await personPage(t, 'siteadmin', '/quan-tri/', { bypassCSP: true });
	const seen = watch(page);
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Văn bản', exact: true }));
	await clickAndWait(page, page.getByRole('link', { name: 'Nhập từ tệp CSV' }));
	assertPath(page, '/quan-tri/nhap/van-ban', 'the link "Nhập từ tệp CSV"');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Nhập văn bản từ tệp CSV');
	assert.ok(await page.getByRole('link', { name: /^Tải tệp mẫu/ }).isVisible(), 'no link to the template file');
	await page.getByLabel('Tệp CSV').setInputFiles(BAD_CSV);
	const resp = await clickAndWait(page, page.getByRole('button', { name: 'Kiểm tra tệp' }));
	assert.equal(resp.status(), 422, 'the check of a file with bad rows');
	assert.match(await textOf(page.getByRole('alert').first()), /Tệp có 6 dòng lỗi nên chưa nhập dòng nào/);
	const rows = page.getByRole('table', { name: 'Từng dòng của tệp' }).locator('tbody tr');
	assert.equal(await rows.count(), 7, 'one table row per line of the file');
	const errorsAt = async (line) => (await page.locator(`#dong-${line} .import-errors li`).allTextContents())
		.map((s) => s.replace(/\s+/g, ' ').trim());
	const want = {
		2: [/^Ngày ban hành ngay_ban_hanh: Ngày không hợp lệ/],
		3: [/^Số ký hiệu so_ky_hieu: Vui lòng nhập thông tin này\.$/],
		4: [/^Cơ quan ban hành/, /^Phạm vi/, /^Trích yếu/],
		5: [/^Thay thế văn bản/, /^Ngày có hiệu lực ngay_hieu_luc: Ngày có hiệu lực không được trước ngày ban hành\.$/],
		6: [/^Dòng 6: có 8 ô nhưng dòng tiêu đề có 16 cột\.$/, /^Phạm vi/],
		7: [/^Số ký hiệu so_ky_hieu: Trùng số ký hiệu với dòng 2\.$/],
	};
	for (const [line, res] of Object.entries(want)) {
		const got = await errorsAt(line);
		assert.equal(got.length, res.length, `line ${line}: ${JSON.stringify(got)}`);
		for (const re of res)
			assert.ok(got.some((g) => re.test(g)), `line ${line}: no error like ${re} in ${JSON.stringify(got)}`);
		assert.ok(await page.locator(`#dong-${line} .import-errors`).isVisible(), `line ${line}: its errors are not visible`);
	}
	assert.deepEqual(await errorsAt(8), [], 'the good row 8 shows an error');
	assert.equal(await textOf(page.locator('#dong-8 td').nth(3)), 'Thêm mới');
	assert.equal(await page.getByRole('button', { name: /^Nhập \d+ văn bản$/ }).count(), 0, 'a bad file offers the import');
	await page.screenshot({ path: join(t.shots, 'cong-browser-import.png'), fullPage: true });

	const { violations, invisible } = await axe(t, page);
	for (const v of violations)
		t.warn(`axe VIOLATION [nhập CSV] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
	assert.deepEqual(violations.map((v) => `${v.id} at ${v.target}`), [], 'axe-core on the import preview');
	assert.deepEqual(invisible.map((v) => v.target), [], 'invisible text on the import preview');
	seen.assertClean('the import pages');

	// nothing was imported, not even the good row
	await page.goto(t.site + '/quan-tri/?loai=van-ban&loc=tat-ca');
	assert.equal(await page.locator('table.list tbody tr', { hasText: 'Dòng đúng' }).count(), 0, 'row 8 was imported');
}

/* ---------------------------------------------------------------------------------------------
 * Importing legal documents with their signed files: the site administrator uploads a ZIP
 * archive (made by the test with Python's zipfile) holding the CSV and two PDFs, sees both rows
 * to be added and no error (axe-core finds nothing on this preview either), confirms, lands on
 * the list with the count; a citizen finds both files on the document's page.
 */
const TEST_PDF = fileURLToPath(new URL('../data/import/quyet-dinh-22.pdf', import.meta.url));

async function importZip(t) {
	const dir = mkdtempSync(join(tmpdir(), 'cong-zip-'));
	const zipPath = join(dir, 'van-ban.zip');
	const csv = 'so_ky_hieu,loai,co_quan_ban_hanh,ngay_ban_hanh,trich_yeu,pham_vi,tep\n' +
		'61/2025/QĐ-UBND,Quyết định,UBND tỉnh Vĩnh Long,02/04/2025,Quy định có bản ký số,Tỉnh,tep/61.pdf;tep/61-phu-luc.pdf\n' +
		'62/2025/QĐ-UBND,Quyết định,UBND tỉnh Vĩnh Long,03/04/2025,Quy định thứ hai,Tỉnh,\n';
	execFileSync('python3', ['-c', `
import sys, zipfile
csv, pdf, out = sys.argv[1], open(sys.argv[2], 'rb').read(), sys.argv[3]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('van-ban.csv', csv)
    z.writestr('tep/61.pdf', pdf)
    z.writestr('tep/61-phu-luc.pdf', pdf + b'\\n% phu luc\\n')
`, csv, TEST_PDF, zipPath]);
	try {
		const page = await personPage(t, 'siteadmin', '/quan-tri/nhap/van-ban', { bypassCSP: true });
		const seen = watch(page);
		await page.getByLabel('Tệp CSV hoặc ZIP').setInputFiles(zipPath);
		const resp = await clickAndWait(page, page.getByRole('button', { name: 'Kiểm tra tệp' }));
		assert.equal(resp.status(), 200, 'the check of the archive');
		const rows = page.getByRole('table', { name: 'Từng dòng của tệp' }).locator('tbody tr');
		assert.equal(await rows.count(), 2, 'one table row per line of the CSV in the archive');
		assert.equal(await page.locator('.import-errors').count(), 0, 'errors on a clean archive');
		assert.equal(await textOf(page.locator('#dong-2 td').nth(3)), 'Thêm mới');
		const { violations, invisible } = await axe(t, page);
		for (const v of violations)
			t.warn(`axe VIOLATION [nhập ZIP] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
		assert.deepEqual(violations.map((v) => `${v.id} at ${v.target}`), [], 'axe-core on the preview of an archive');
		assert.deepEqual(invisible.map((v) => v.target), [], 'invisible text on the preview of an archive');
		await page.screenshot({ path: join(t.shots, 'cong-browser-import-zip.png'), fullPage: true });
		await clickAndWait(page, page.getByRole('button', { name: 'Nhập 2 văn bản' }));
		assertPath(page, '/quan-tri/', 'after the import');
		assert.match(await textOf(page.locator('p.notice').first()), /2 văn bản mới/);
		seen.assertClean('the import of an archive');
		await page.context().close();

		// a citizen: the document's page lists both files
		const ctx = await t.newContext();
		const pub = await ctx.newPage();
		await pub.goto(t.site + '/van-ban?q=' + encodeURIComponent('61/2025/QĐ-UBND'));
		await clickAndWait(pub, pub.getByRole('link', { name: /Quy định có bản ký số/ }).first());
		const files = pub.locator('a[href^="/tep/"]');
		assert.equal(await files.count(), 2, 'the two signed files on the document\'s page');
		await ctx.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/* ---------------------------------------------------------------------------------------------
 * The level-3 account pages: the site administrator gives a new account a one-time password
 * (13 characters refused: an account without a second factor needs 14), finds it on the account
 * list, disables and enables it; that account, made system administrator, sets the account
 * rules (a value out of range refused next to its field). axe-core on the list and the
 * settings page, before and after the error. */
async function accountPages(t) {
	const failures = [];
	const check = async (name, page) => {
		const { violations } = await axe(t, page);
		for (const v of violations) {
			const bad = v.impact === 'serious' || v.impact === 'critical';
			t.warn(`axe ${bad ? 'VIOLATION' : 'warning'} [${name}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
			if (bad)
				failures.push(`${name}: ${v.id} at ${v.target}`);
		}
	};
	const who = 'kiemtra.taikhoan';
	const oneTime = 'Tam-Thoi@2026-Mot';
	const page = await personPage(t, 'siteadmin', '/quan-tri/tai-khoan', { bypassCSP: true });
	const create = async (pw) => {
		await page.getByLabel('Tên đăng nhập', { exact: true }).first().fill(who);
		await page.getByLabel('Họ và tên').fill('Kiểm Tra Tài Khoản');
		await page.locator('#password').fill(pw);
		return clickAndWait(page, page.getByRole('button', { name: 'Tạo tài khoản' }));
	};
	const short = await create('Tam-Thoi@2026');
	assert.equal(short.status(), 422, 'a 13-character one-time password was taken');
	await assertFieldError(page, 'password', /tài khoản chưa bật xác thực hai lớp/);
	assert.equal((await create(oneTime)).status(), 200);
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Danh sách tài khoản' }));
	assertPath(page, '/quan-tri/tai-khoan/danh-sach', 'the account list');
	const row = () => page.locator('table.accounts tbody tr').filter({ has: page.getByRole('cell', { name: who, exact: true }) });
	assert.equal(await row().count(), 1, 'the new account is not on the list once');
	assert.match(await textOf(row()), /Chưa đăng nhập/);
	assert.match(await textOf(row()), /Phóng viên, cộng tác viên \(Sở Nội vụ\)/);
	await check('danh sách tài khoản', page);
	await clickAndWait(page, row().getByRole('button', { name: `Vô hiệu hóa ${who}` }));
	assert.match(await textOf(page.locator('p.notice[role=status]')), /Đã vô hiệu hóa tài khoản/);
	assert.match(await textOf(row()), /Vô hiệu hóa/);
	await clickAndWait(page, row().getByRole('button', { name: `Kích hoạt lại ${who}` }));
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã kích hoạt lại tài khoản.');
	await page.context().close();
	// the settings are the system administrator's: the new account becomes one (as `cong user add --role sysadmin` would make)
	execFileSync('sqlite3', [join(t.data, 'cong.db'), `UPDATE users SET is_sysadmin = 1 WHERE username = '${who}'`]);
	const ctx = await t.newContext({ bypassCSP: true });
	const sa = await ctx.newPage();
	await sa.goto(t.site + '/quan-tri/dang-nhap');
	await sa.getByLabel('Tên đăng nhập').fill(who);
	await sa.getByLabel('Mật khẩu', { exact: true }).fill(oneTime);
	await clickAndWait(sa, sa.getByRole('button', { name: 'Đăng nhập' }));
	assertPath(sa, '/quan-tri/doi-mat-khau', 'the one-time password is changed first');
	await sa.getByLabel('Mật khẩu hiện tại').fill(oneTime);
	await sa.getByLabel('Mật khẩu mới', { exact: true }).fill('Quan-Tri@2026-Moi');
	await sa.getByLabel('Nhập lại mật khẩu mới').fill('Quan-Tri@2026-Moi');
	await clickAndWait(sa, sa.getByRole('button', { name: 'Đổi mật khẩu' }));
	await sa.goto(t.site + '/quan-tri/cai-dat/tai-khoan');
	assert.equal(await sa.getByLabel('Khóa tài khoản sau số lần đăng nhập sai').inputValue(), '5');
	await check('cài đặt tài khoản', sa);
	await sa.getByLabel('Khóa tài khoản sau số lần đăng nhập sai').fill('0');
	const bad = await clickAndWait(sa, sa.getByRole('button', { name: 'Lưu cài đặt' }));
	assert.equal(bad.status(), 422, 'a lock after 0 failures was taken');
	await assertFieldError(sa, 'signin_lock_after', /Nhập số lần từ 1 đến 20/);
	assert.equal(await sa.getByLabel('Khóa tài khoản sau số lần đăng nhập sai').inputValue(), '0', 'the typed value is lost');
	await check('cài đặt tài khoản (báo lỗi)', sa);
	await ctx.close();
	assert.ok(!failures.length, `serious/critical: ${failures.join('; ')}`);
}

/**
 * Running the portal: the system administrator announces a maintenance too late (the earliest
 * day is named next to the field), then in time; the banner is on the public pages (when today
 * is a working day, a notice made today shows at once); records an incident with its messages
 * next to the fields first. axe-core on each page.
 */
async function maintenanceAndIncidents(t) {
	const page = await personPage(t, 'sysadmin', '/quan-tri/', { bypassCSP: true });
	const seen = watch(page);
	const nav = page.getByRole('navigation', { name: 'Quản trị' });
	const clean = async (what) => {
		const { violations, invisible } = await axe(t, page);
		for (const v of violations)
			t.warn(`axe VIOLATION [${what}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
		assert.deepEqual(violations.map((v) => `${v.id} at ${v.target}`), [], `axe-core on ${what}`);
		assert.deepEqual(invisible.map((v) => v.target), [], `invisible text on ${what}`);
	};
	await clickAndWait(page, nav.getByRole('link', { name: 'Bảo trì' }));
	assertPath(page, '/quan-tri/bao-tri', 'the link "Bảo trì"');
	const earliest = (await textOf(page.locator('#ngay-som-nhat'))).split('/').reverse().join('-');
	const tomorrow = new Date(Date.now() + 7 * 3600e3 + 86400e3).toISOString().slice(0, 10);
	await page.getByLabel('Bắt đầu tạm ngừng').fill(`${tomorrow}T08:00`);
	await page.getByLabel('Dự kiến hoạt động trở lại').fill(`${tomorrow}T11:00`);
	await page.getByLabel('Nội dung thông báo').fill('Nâng cấp máy chủ cơ sở dữ liệu của cổng.');
	const refused = await clickAndWait(page, page.getByRole('button', { name: 'Đăng thông báo' }));
	assert.equal(refused.status(), 422, 'a notice for tomorrow');
	await assertFieldError(page, 'starts', new RegExp(`ít nhất 7 ngày làm việc.*sớm nhất là ngày ${earliest.split('-').reverse().join('/')}`));
	assert.equal(await page.getByLabel('Nội dung thông báo').inputValue(), 'Nâng cấp máy chủ cơ sở dữ liệu của cổng.');
	await clean('the maintenance form with its message');
	await page.getByLabel('Bắt đầu tạm ngừng').fill(`${earliest}T08:00`);
	await page.getByLabel('Dự kiến hoạt động trở lại').fill(`${earliest}T11:00`);
	const saved = await clickAndWait(page, page.getByRole('button', { name: 'Đăng thông báo' }));
	assert.equal(saved.status(), 200, 'the notice in time');
	const row = page.getByRole('table', { name: 'Các thông báo bảo trì' }).locator('tbody tr', { hasText: 'Nâng cấp máy chủ' });
	assert.equal(await row.count(), 1, 'the notice is not listed');
	await clean('the list of notices');
	const pub = await (await t.newContext({ bypassCSP: true })).newPage();
	await pub.goto(t.site + '/');
	const banner = pub.getByRole('region', { name: 'Thông báo bảo trì hệ thống' });
	if (await banner.count()) {
		assert.match(await textOf(banner), /sẽ tạm ngừng cung cấp dịch vụ từ .* dự kiến hoạt động trở lại lúc/);
		const { violations } = await axe(t, pub);
		assert.deepEqual(violations.map((v) => `${v.id} at ${v.target}`), [], 'axe-core on a public page with the banner');
	} else {
		t.warn('today is not a working day: a notice made today shows from the next one; the banner is not checked here');
	}
	await clickAndWait(page, row.getByRole('button', { name: /^Huỷ/ }));
	await pub.goto(t.site + '/');
	assert.equal(await pub.getByRole('region', { name: 'Thông báo bảo trì hệ thống' }).count(), 0, 'the banner after the cancellation');

	await clickAndWait(page, nav.getByRole('link', { name: 'Sự cố' }));
	assertPath(page, '/quan-tri/su-co', 'the link "Sự cố"');
	await page.getByLabel('Ảnh hưởng').fill('Trang chủ không truy cập được trong 15 phút.');
	// the browser's own check of required fields is set aside, to see the server's messages
	await page.locator('form[method="post"][action="/quan-tri/su-co"]').evaluate((f) => { f.noValidate = true; });
	const bad = await clickAndWait(page, page.getByRole('button', { name: 'Ghi nhận và gửi cảnh báo' }));
	assert.equal(bad.status(), 422, 'an incident without its kind, actions and handler');
	await assertFieldError(page, 'kind', 'Vui lòng chọn loại sự cố trong danh sách.');
	await assertFieldError(page, 'actions', REQUIRED_MSG);
	assert.equal(await page.getByLabel('Ảnh hưởng').inputValue(), 'Trang chủ không truy cập được trong 15 phút.');
	await clean('the incident form with its messages');
	await page.getByLabel('Loại sự cố').selectOption({ label: 'Gián đoạn dịch vụ (hỏng phần cứng, mất điện, mất kết nối)' });
	await page.getByLabel('Biện pháp đã thực hiện').fill('Khởi động lại máy chủ web.');
	await page.getByLabel('Người xử lý').fill('Võ Thanh Sơn');
	await clickAndWait(page, page.getByRole('button', { name: 'Ghi nhận và gửi cảnh báo' }));
	assert.match(await textOf(page.locator('.notice').first()), /Đã ghi nhận sự cố/);
	assert.equal(await page.locator('#danh-sach-su-co tbody tr', { hasText: 'Khởi động lại máy chủ web.' }).count(), 1);
	await clean('the list of incidents');
	seen.assertClean('the maintenance and incident pages');
}

/**
 * Backups: the system administrator (made here with `cong user add`) runs a backup from the
 * command line, sees it on the "Sao lưu" page with its destination and its restore drill's
 * result, and gets the schedule form's messages next to the fields with the input kept (axe-core).
 */
async function backupsPage(t) {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const i = process.argv.indexOf('--cong');
	const cong = i > 0 ? process.argv[i + 1] : join(root, 'build', 'cong');
	const env = { ...process.env, CONG_ROOT: root };
	const dest = join(t.data, '..', `${t.data.split('/').pop()}-saoluu`);
	execFileSync(cong, ['user', 'add', '--data', t.data, '--username', 'hethong', '--role', 'sysadmin', '--name',
		'Quản trị hệ thống', '--password-stdin'], { env, input: `${ONE_TIME_PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
	const out = execFileSync(cong, ['backup', '--data', t.data, '--to', dest, '--quiet'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
	assert.doesNotMatch(String(out), /FAILED/);
	const page = await (await t.newContext({ bypassCSP: true })).newPage();
	await page.goto(t.site + '/quan-tri/sao-luu');
	await page.getByLabel('Tên đăng nhập').fill('hethong');
	await page.getByLabel('Mật khẩu', { exact: true }).fill(ONE_TIME_PASSWORD);
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng nhập' }));
	await page.getByLabel('Mật khẩu hiện tại').fill(ONE_TIME_PASSWORD);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Kho#Luu-Tru-2026!');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('Kho#Luu-Tru-2026!');
	await clickAndWait(page, page.getByRole('button', { name: 'Đổi mật khẩu' }));
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Sao lưu' }));
	assertPath(page, '/quan-tri/sao-luu', 'the menu leads to the backups page');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Sao lưu và phục hồi');
	const row = page.getByRole('row').filter({ hasText: dest });
	await mustSee(row, 'the backup run on the page');
	assert.match(await textOf(row), /Thành công/);
	assert.match(await textOf(row), /Đạt/, 'the restore drill passed');
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the backups page');
	// the schedule: a wrong hour and a relative folder, each message at its field, input kept
	await page.getByLabel('Lịch', { exact: true }).selectOption({ label: 'Hằng ngày' });
	await page.getByLabel('Giờ chạy (0–23, giờ Việt Nam)').fill('24');
	await page.getByLabel(/^Nơi lưu/).fill('saoluu/tuong-doi');
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu lịch sao lưu' }));
	await assertFieldError(page, 'hour', 'Giờ sao lưu phải từ 0 đến 23.');
	await assertFieldError(page, 'destinations', /^Mỗi dòng là một thư mục/);
	assert.equal(await page.getByLabel('Giờ chạy (0–23, giờ Việt Nam)').inputValue(), '24', 'the hour as typed is kept');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the schedule form with its messages');
	await page.getByLabel('Giờ chạy (0–23, giờ Việt Nam)').fill('2');
	await page.getByLabel(/^Nơi lưu/).fill(dest);
	await page.getByLabel('Lịch', { exact: true }).selectOption({ label: 'Không tự động (chỉ chạy bằng lệnh cong backup)' });
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu lịch sao lưu' }));
	await mustSee(page.getByRole('status'), 'the saved notice');
	await page.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Administrative procedures: the site administrator imports three procedures from the test CSV
 * file; a citizen filters the site's list by online service level, opens a procedure and finds
 * its dossier table and the link to the national public-service portal built from its code; the
 * main portal's list of every site's procedures with its filter by site. axe-core on each page.
 */
const PROCEDURES_CSV = fileURLToPath(new URL('../data/import/thu-tuc.csv', import.meta.url));

async function procedures(t) {
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	const admin = await personPage(t, 'siteadmin', '/quan-tri/nhap/thu-tuc', { bypassCSP: true });
	assert.equal(await textOf(admin.getByRole('heading', { level: 1 })), 'Nhập thủ tục từ tệp CSV');
	await admin.getByLabel('Tệp CSV').setInputFiles(PROCEDURES_CSV);
	await clickAndWait(admin, admin.getByRole('button', { name: 'Kiểm tra tệp' }));
	await clickAndWait(admin, admin.getByRole('button', { name: 'Nhập 3 thủ tục' }));
	await admin.context().close();

	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/thu-tuc');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Thủ tục hành chính');
	const table = page.getByRole('table', { name: /^Danh sách thủ tục/ });
	await mustSee(table, 'the procedures\' table, named by its caption');
	await page.getByRole('combobox', { name: 'Mức độ dịch vụ công trực tuyến' }).selectOption({ label: 'Toàn trình' });
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.match(page.url(), /muc_do_dvc=toan-trinh/, 'the form did not send the service level');
	assert.equal(await table.getByRole('row').count(), 3, 'a header row and the two procedures online in full');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the procedures\' list');
	await page.screenshot({ path: join(t.shots, 'cong-browser-procedure-list.png'), fullPage: true });

	await clickAndWait(page, table.getByRole('link', { name: 'Đăng ký khai sinh' }));
	assert.match(new URL(page.url()).pathname, /^\/thu-tuc\/dang-ky-khai-sinh-\d+$/, 'the procedure\'s address');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đăng ký khai sinh');
	const portal = page.getByRole('link', { name: /Cổng Dịch vụ công quốc gia/ });
	assert.equal(await portal.getAttribute('href'),
		'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193');
	await mustSee(page.getByRole('region', { name: 'Văn bản liên quan' }).getByText('60/2014/QH13'), 'the legal basis');
	await noScriptElement(page, 'the procedure page');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the procedure page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-procedure.png'), fullPage: true });

	// the main portal lists every site's procedures, with a filter by site
	await page.goto(t.main + '/thu-tuc');
	await page.getByRole('combobox', { name: 'Đơn vị' }).selectOption({ label: 'Sở Nội vụ' });
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.match(page.url(), /don-vi=snv/);
	assert.equal(await page.getByRole('table', { name: /^Danh sách thủ tục/ }).getByRole('row').count(), 4,
		'a header row and the Sở\'s three procedures');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the province\'s procedures');
	seen.assertClean('the procedures\' pages');
	await ctx.close();
}

/* ---------------------------------------------------------------------------------------------
 * Investment projects, bidding packages and science tasks (docs/projects.md), imported on the
 * department's site with `cong import` from the example files: a citizen reads the list of each
 * project status, a project with its packages, a package with its project, a science task.
 * axe-core on each page kind.
 */
function ensureProjects(t) {
	if (t.state.projects)
		return;
	const dir = join(fileURLToPath(new URL('../data/import/', import.meta.url)));
	for (const seg of ['du-an', 'dau-thau', 'khoa-hoc'])
		execFileSync(t.cong, ['import', seg, '--data', t.data, '--site', 'snv', join(dir, `${seg}.csv`)], { env: t.env });
	t.state.projects = true;
}

async function axeClean(t, page, what) {
	const { violations, invisible } = await axe(t, page);
	for (const v of violations)
		t.warn(`axe VIOLATION [${what}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
	assert.deepEqual(violations.map((v) => `${v.id} at ${v.target}`), [], `axe-core on ${what}`);
	assert.deepEqual(invisible.map((v) => v.target), [], `invisible text on ${what}`);
}

async function projectPages(t) {
	ensureProjects(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/du-an');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Dự án đầu tư');
	const tabs = page.getByRole('navigation', { name: 'Dự án đầu tư theo Tình trạng' });
	await mustSee(tabs, 'the status tabs');
	const table = page.getByRole('table', { name: /^Danh sách dự án/ });
	assert.equal(await table.getByRole('row').count(), 4, 'a header row and three projects');
	await mustSee(table.getByRole('cell', { name: '485.600.000.000 đồng' }), 'the total investment, grouped, in đồng');
	await axeClean(t, page, 'the projects\' list');
	// the list of the projects being prepared: only them
	await clickAndWait(page, tabs.getByRole('link', { name: /^Chuẩn bị đầu tư/ }));
	assert.match(page.url(), /trang_thai=chuan-bi/);
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Dự án đầu tư: Chuẩn bị đầu tư');
	assert.equal(await tabs.locator('a[aria-current="page"]').count(), 1, 'the current tab is marked');
	assert.equal(await table.getByRole('row').count(), 2, 'one project being prepared');
	await mustSee(table.getByRole('link', { name: 'Đường vành đai phía Nam thành phố Vĩnh Long' }), 'the project being prepared');
	await clickAndWait(page, tabs.getByRole('link', { name: /^Đang thực hiện/ }));
	assert.equal(await table.getByRole('row').count(), 3, 'two projects under way');
	await page.screenshot({ path: join(t.shots, 'cong-browser-projects-list.png'), fullPage: true });
	// a project and its packages
	await clickAndWait(page, table.getByRole('link', { name: /^Nâng cấp, mở rộng Đường tỉnh 902/ }));
	assert.match(new URL(page.url()).pathname, /^\/du-an\/nang-cap-mo-rong-duong-tinh-902-/);
	const rel = page.getByRole('region', { name: 'Thông tin liên quan' });
	await mustSee(rel.getByText('Gói thầu của dự án'), 'the packages\' heading');
	await mustSee(rel.getByRole('link', { name: 'IB2400051234' }), 'the construction package, linked');
	await noScriptElement(page, 'the project page');
	await axeClean(t, page, 'the project page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-project.png'), fullPage: true });
	// the main portal's list holds every site's projects, each with its site
	await page.goto(t.main + '/du-an');
	const all = page.getByRole('table', { name: /^Danh sách dự án/ });
	await mustSee(all.getByRole('columnheader', { name: 'Cơ quan, đơn vị' }), 'the column of whose each project is');
	assert.ok(await all.getByRole('cell', { name: 'Sở Nội vụ' }).count() >= 3, 'the department\'s projects on the main portal');
	await axeClean(t, page, 'the main portal\'s list of projects');
	seen.assertClean('the projects\' pages');
}

async function biddingPages(t) {
	ensureProjects(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/dau-thau');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đấu thầu, mua sắm công');
	const table = page.getByRole('table', { name: /^Danh sách gói thầu/ });
	assert.equal(await table.getByRole('row').count(), 4, 'a header row and three packages');
	// a person picks the method in the filter form, without JavaScript
	await page.getByRole('combobox', { name: 'Hình thức lựa chọn nhà thầu' }).selectOption({ label: 'Chỉ định thầu' });
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.match(page.url(), /hinh_thuc=chi-dinh-thau/);
	assert.equal(await table.getByRole('row').count(), 2, 'one package by direct appointment');
	await axeClean(t, page, 'the packages\' list');
	await clickAndWait(page, table.getByRole('link', { name: /^Gói thầu số 09/ }));
	await mustSee(page.getByText('3.398.500.000 đồng'), 'the winning price');
	const rel = page.getByRole('region', { name: 'Thông tin liên quan' });
	await clickAndWait(page, rel.getByRole('link', { name: 'VL-DA-2024-015' }));
	assert.match(new URL(page.url()).pathname, /^\/du-an\//, 'the package links to its project');
	await page.goBack();
	await axeClean(t, page, 'the package page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-bidding.png'), fullPage: true });
	seen.assertClean('the bidding pages');
}

async function sciencePages(t) {
	ensureProjects(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/khoa-hoc');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Khoa học và công nghệ');
	const table = page.getByRole('table', { name: /^Danh sách nhiệm vụ khoa học và công nghệ/ });
	assert.equal(await table.getByRole('row').count(), 3, 'a header row and two tasks');
	await page.getByRole('combobox', { name: 'Cấp quản lý' }).selectOption({ label: 'Cấp cơ sở' });
	await clickAndWait(page, page.getByRole('button', { name: 'Lọc' }));
	assert.equal(await table.getByRole('row').count(), 2, 'one task managed at the grassroots level');
	await axeClean(t, page, 'the science tasks\' list');
	await clickAndWait(page, table.getByRole('link', { name: /^Xây dựng mô hình xã thông minh/ }));
	await mustSee(page.getByText('350.000.000 đồng'), 'the budget typed "350 triệu"');
	await axeClean(t, page, 'the science task page');
	seen.assertClean('the science pages');
}

/**
 * Statistics: the editor uploads a table with
 * a bad number and reads the message naming the row and the column at the table's field, the rest
 * of the form kept; uploads a good table, the approver publishes; a citizen reads the dataset's page — the
 * table named by its caption, the chart as one image with its name — and the site's
 * access-to-information page listing it. axe-core on the form, the dataset and the section.
 */
async function statisticsPages(t) {
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	const page = await personPage(t, 'editor', '/quan-tri/thong-ke/moi', { bypassCSP: true });
	const title = 'Dân số trung bình các huyện năm 2025';
	const fill = async () => {
		await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
		await page.getByLabel('Tên bộ số liệu').fill(title);
		await page.getByLabel('Lĩnh vực').fill('Dân số và lao động');
		await page.getByLabel('Kỳ số liệu').selectOption({ label: 'Năm' });
		await page.getByLabel('Thời điểm số liệu').fill('31/12/2025');
		await page.getByLabel('Nguồn số liệu').fill('Cục Thống kê tỉnh Vĩnh Long');
		await page.getByLabel('Phương pháp thống kê').fill('Điều tra biến động dân số thời điểm 01/4.');
		await typeInEditor(page, [{ p: 'Dân số tăng nhẹ ở tất cả các huyện.' }]);
	};
	const table = (rows) => ({ name: 'dan-so.csv', mimeType: 'text/csv',
		buffer: Buffer.from(['Huyện;Dân số (người)', ...rows].join('\n') + '\n', 'utf8') });
	await fill();
	await page.locator('input[name="bang__tep"]').setInputFiles(table(['Long Hồ;160.537', 'Mang Thít;12a', 'Trà Ôn;130.102']));
	const bad = await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	assert.equal(bad.status(), 422, 'a table with a bad number');
	await assertFieldError(page, 'bang', "Dòng 3, cột 'Dân số (người)': '12a' không phải là số.");
	assert.equal(await page.getByLabel('Tên bộ số liệu').inputValue(), title, 'the title is kept');
	assert.equal(await page.getByLabel('Nguồn số liệu').inputValue(), 'Cục Thống kê tỉnh Vĩnh Long', 'the source is kept');
	assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the statistics form with its message');

	await page.locator('input[name="bang__tep"]').setInputFiles(table(['Long Hồ;160.537', 'Mang Thít;103.573', 'Trà Ôn;130.102']));
	await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
	const good = await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	assert.equal(good.status(), 200, `the good table: ${await textOf(page.locator('main')).catch(() => '')}`.slice(0, 600));
	assert.match(path(page), /^\/quan-tri\/thong-ke\/\d+$/, 'saved: the dataset\'s own page');
	const admin = path(page);
	for (const a of [ACT.submit, ACT.edited])
		await clickAndWait(page, actionButton(page, a));
	await page.context().close();
	const ap = await personPage(t, 'approver', admin, { bypassCSP: true });
	await clickAndWait(ap, actionButton(ap, ACT.publish));
	assert.equal(await stateOf(ap), STATE.published, 'the dataset is published');
	await ap.context().close();

	const pub = await (await t.newContext({ bypassCSP: true })).newPage();
	const seen = watch(pub);
	await pub.goto(t.site + '/thong-ke');
	await clickAndWait(pub, pub.getByRole('link', { name: title }));
	assert.match(path(pub), /^\/thong-ke\/dan-so-trung-binh-cac-huyen-nam-2025-\d+$/);
	const data = pub.getByRole('table', { name: new RegExp(`^${title}`) });
	await mustSee(data, 'the data table, named by its caption');
	await mustSee(data.getByRole('rowheader', { name: 'Mang Thít' }), 'the first column as row headers');
	await mustSee(data.getByRole('cell', { name: '103.573' }), 'the number written the Vietnamese way');
	await mustSee(pub.getByRole('img', { name: title }), 'the chart, one image named by its title');
	await mustSee(pub.getByRole('link', { name: 'Excel (XLSX)' }), 'the download');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the dataset page');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-statistics.png'), fullPage: true });

	await pub.goto(t.site + '/tiep-can-thong-tin');
	assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), 'Tiếp cận thông tin');
	await mustSee(pub.getByRole('table', { name: /^Thống kê: 1 thông tin/ }).getByRole('link', { name: title }),
		'the dataset in the list of what the law asks to be published');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the access-to-information page');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-access-info.png'), fullPage: true });
	seen.assertClean('the statistics pages');
	await pub.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Links, the site's sections, the site map and the boundary map (docs/links.md): links and fixed
 * pages imported with `cong import`, a link to a private address checked (and refused) by `cong
 * links check`; the public list of links grouped, the board's broken links, the site
 * administrator's choice of sections followed by the menu and the home page, the site map and
 * the administrative map. axe-core on each.
 */
async function linksAndSections(t) {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const i = process.argv.indexOf('--cong');
	const cong = i > 0 ? process.argv[i + 1] : join(root, 'build', 'cong');
	const env = { ...process.env, CONG_ROOT: root };
	const dir = mkdtempSync(join(tmpdir(), 'cong-links-'));
	const write = (name, text) => { execFileSync('tee', [join(dir, name)], { input: text, stdio: ['pipe', 'ignore', 'pipe'] }); return join(dir, name); };
	const links = write('lien-ket.csv', 'tieu_de,dia_chi,nhom,thu_tu\n' +
		'Cổng Thông tin điện tử Chính phủ,https://chinhphu.vn,chinh-phu,1\n' +
		'Cổng Dịch vụ công quốc gia,https://dichvucong.gov.vn,dich-vu,1\n' +
		'Sở Tài chính (trang thử nội bộ),http://127.0.0.1:9/,so-nganh,1\n');
	const pages = write('trang.csv', 'tieu_de,loai,thu_tu,noi_dung\n' +
		'Giới thiệu Sở Nội vụ,gioi-thieu,1,"<p>Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.</p>"\n');
	execFileSync(cong, ['import', 'lien-ket', '--data', t.data, '--site', 'snv', links], { env, stdio: ['pipe', 'pipe', 'pipe'] });
	execFileSync(cong, ['import', 'trang', '--data', t.data, '--site', 'snv', pages], { env, stdio: ['pipe', 'pipe', 'pipe'] });
	// only the loopback link is checked: a private address, refused without a request
	const out = String(execFileSync(cong, ['links', 'check', '--data', t.data, '--site', 'snv', '--timeout', '2'],
		{ env, stdio: ['pipe', 'pipe', 'pipe'] }));
	assert.match(out, /liên kết hỏng/);
	rmSync(dir, { recursive: true, force: true });
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);

	const pub = await (await t.newContext({ bypassCSP: true })).newPage();
	const seen = watch(pub);
	await pub.goto(t.site + '/lien-ket');
	assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), 'Liên kết website');
	await mustSee(pub.getByRole('region', { name: 'Cổng thông tin Chính phủ, Quốc hội' })
		.getByRole('link', { name: 'Cổng Thông tin điện tử Chính phủ' }), 'the link in its group');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the list of links');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-links.png'), fullPage: true });

	const admin = await personPage(t, 'siteadmin', '/quan-tri/lien-ket-hong', { bypassCSP: true });
	await mustSee(admin.getByRole('table', { name: 'Liên kết hỏng' }).getByRole('link', { name: /trang thử nội bộ/ }),
		'the broken link on the board\'s list');
	assert.deepEqual(serious((await axe(t, admin)).violations), [], 'axe on the broken links');

	// the sections: the fixed pages first, then the links; news and the others not chosen
	await admin.goto(t.site + '/quan-tri/cai-dat/muc');
	for (const box of await admin.getByRole('checkbox').all())
		await box.uncheck();
	await admin.getByRole('checkbox', { name: 'Giới thiệu Hiển thị' }).check();
	await admin.getByLabel('Thứ tự của Giới thiệu').fill('1');
	await admin.getByRole('checkbox', { name: 'Liên kết Hiển thị' }).check();
	await admin.getByLabel('Thứ tự của Liên kết').fill('2');
	assert.deepEqual(serious((await axe(t, admin)).violations), [], 'axe on the sections\' form');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu các mục' }));
	await mustSee(admin.getByRole('status'), 'the saved notice');

	await pub.goto(t.site + '/');
	const nav = pub.getByRole('navigation', { name: 'Danh mục chính' });
	const names = (await nav.locator(':scope > ul > li > a').allTextContents()).map((x) => x.trim());
	assert.deepEqual(names, ['Trang chủ', 'Giới thiệu', 'Liên kết'], 'the menu follows the sections');
	await mustSee(pub.getByRole('region', { name: 'Giới thiệu' }).getByRole('link', { name: 'Giới thiệu Sở Nội vụ' }),
		'the home\'s block of fixed pages');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the home page with its sections');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-home-sections.png'), fullPage: true });

	await pub.goto(t.site + '/so-do-trang');
	await mustSee(pub.getByRole('navigation', { name: 'Sơ đồ cổng' }).getByRole('link', { name: 'Giới thiệu Sở Nội vụ' }),
		'the fixed page in the site map');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the site map');

	await pub.goto(t.site + '/ban-do-hanh-chinh');
	await mustSee(pub.getByRole('heading', { name: /^Huyện Long Hồ/ }), 'a district in the list of units');
	await mustSee(pub.getByRole('link', { name: /^Huyện Vũng Liêm/ }), 'a district on the schematic');
	assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the administrative map');
	await pub.screenshot({ path: join(t.shots, 'cong-browser-boundary-map.png'), fullPage: true });
	seen.assertClean('the links\', sections\', site map\'s and map\'s pages');
	// every kind again, for the scenarios after this one
	execFileSync('sqlite3', [join(t.data, 'cong.db'), 'DELETE FROM site_sections']);
	await admin.context().close();
	await pub.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Media and banners (docs/media.md): the approver makes a photo gallery, a video with its WebVTT
 * captions and three banners in the admin forms made from their descriptors and publishes them;
 * a citizen opens the gallery, a photo's page (previous/next without JavaScript), the video page
 * with its player, captions track and transcript, and pages with the banners in their places.
 * axe-core on each public page.
 */
async function mediaAndBanners(t) {
	const db = join(t.data, 'cong.db');
	const before = execFileSync('sqlite3', [db, "SELECT approver_may_be_author FROM sites WHERE slug = 'snv'"]).toString().trim();
	execFileSync('sqlite3', [db, "UPDATE sites SET approver_may_be_author = 1 WHERE slug = 'snv'"]);
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	const page = await personPage(t, 'approver', '/quan-tri/thu-vien-anh/moi');
	// a site with a category of the kind asks which one (the first item made it)
	const save = async () => {
		const cat = page.getByRole('combobox', { name: 'Chuyên mục' });
		if (await cat.count())
			await cat.selectOption({ index: 1 });
		await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	};
	const publishHere = async () => {
		for (const label of [ACT.submit, ACT.edited, ACT.publish]) {
			await clickAndWait(page, panel(page).getByRole('button', { name: label, exact: true }));
		}
		await mustSee(panel(page).getByText(STATE.published), 'the published state');
	};
	try {
		// a gallery of two photos, each with its description for screen readers
		await page.getByLabel('Tên bộ ảnh').fill('Lễ hội Ok Om Bok tỉnh Vĩnh Long năm 2026');
		const photos = [['Đua ghe ngo trên sông Cổ Chiên', 'Các đội ghe ngo tranh tài'],
			['Thả đèn gió tại chùa Âng', 'Đồng bào Khmer thả đèn gió']];
		for (const [i, [alt, caption]] of photos.entries()) {
			await page.locator(`input[type=file][name="anh.${i}.tep_anh__tep"]`).setInputFiles({
				name: `anh-${i}.png`, mimeType: 'image/png', buffer: makePng(120 + i, 80) });
			await page.locator(`[name="anh.${i}.mo_ta"]`).fill(alt);
			await page.locator(`[name="anh.${i}.chu_thich"]`).fill(caption);
		}
		await save();
		assert.match(path(page), /^\/quan-tri\/thu-vien-anh\/\d+$/, 'the gallery is saved');
		await publishHere();
		const galleryId = path(page).split('/').pop();

		// a video with its captions
		await page.goto(t.site + '/quan-tri/video/moi');
		await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill('Hội nghị trực tuyến chuyển đổi số năm 2026');
		await page.getByRole('combobox', { name: 'Loại', exact: true }).selectOption({ label: 'Video' });
		const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypisom', 'ascii'), Buffer.from([0, 0, 2, 0]),
			Buffer.from('isomiso2mp41', 'ascii'), Buffer.from([0, 0, 0x10, 0x08]), Buffer.from('mdat', 'ascii'), Buffer.alloc(4096)]);
		await page.locator('input[type=file][name="tep_phat__tep"]').setInputFiles({ name: 'hoi-nghi.mp4', mimeType: 'video/mp4', buffer: mp4 });
		await page.locator('input[type=file][name="phu_de__tep"]').setInputFiles({ name: 'hoi-nghi.vtt', mimeType: 'text/vtt',
			buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:03.000\nKính thưa các đồng chí đại biểu.\n\n00:03.000 --> 00:06.000\nHội nghị bắt đầu.\n') });
		await save();
		assert.match(path(page), /^\/quan-tri\/video\/\d+$/, 'the video is saved');
		await publishHere();
		const videoId = path(page).split('/').pop();

		// banners in the three places, from an hour ago to tomorrow (Vietnam time)
		const vn = (ms) => new Date(ms + 7 * 3600e3).toISOString();
		const from = vn(Date.now() - 3600e3), to = vn(Date.now() + 86400e3);
		const ddmm = (iso) => iso.slice(0, 10).split('-').reverse().join('/');
		for (const [place, title] of [['Đầu trang', 'Du lịch Vĩnh Long'], ['Cột bên', 'Đặc sản bưởi Năm Roi'],
			['Chân trang', 'Xúc tiến đầu tư Vĩnh Long']]) {
			await page.goto(t.site + '/quan-tri/quang-cao/moi');
			await page.getByLabel('Tên quảng cáo').fill(title);
			await page.getByLabel('Vị trí hiển thị').selectOption({ label: place });
			await page.getByLabel('Liên kết đến').fill('https://vinhlong.gov.vn/');
			await page.getByLabel('Nội dung chữ').fill(`${title}: thông tin dành cho du khách và nhà đầu tư`);
			await page.getByLabel('Ngày bắt đầu').fill(ddmm(from));
			await page.getByLabel('Giờ bắt đầu').fill(from.slice(11, 16));
			await page.getByLabel('Ngày kết thúc').fill(ddmm(to));
			await page.getByLabel('Giờ kết thúc').fill(to.slice(11, 16));
			await save();
			assert.match(path(page), /^\/quan-tri\/quang-cao\/\d+$/, `the banner "${title}" is saved`);
			await publishHere();
		}

		const pub = await (await t.newContext({ bypassCSP: true })).newPage();
		const check = async (what) => {
			await noScriptElement(pub, what);
			assert.deepEqual(serious((await axe(t, pub)).violations), [], `axe on ${what}`);
		};
		await pub.goto(`${t.site}/thu-vien-anh/x-${galleryId}`);
		assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), 'Lễ hội Ok Om Bok tỉnh Vĩnh Long năm 2026');
		for (const [alt] of photos)
			assert.ok(await imageWidth(pub.getByRole('img', { name: alt })) > 0, `the photo "${alt}" does not load`);
		await check('the gallery page');
		for (const where of ['Quảng cáo đầu trang', 'Quảng cáo cột bên', 'Quảng cáo chân trang'])
			await mustSee(pub.getByRole('complementary', { name: where }), `the ${where}`);
		await pub.screenshot({ path: join(t.shots, 'cong-browser-gallery.png'), fullPage: true });
		await clickAndWait(pub, pub.getByRole('link', { name: photos[0][0] }));
		assert.match(path(pub), /\/anh\/1$/, 'the photo page');
		await mustSee(pub.getByText(photos[0][1]), 'the caption');
		await clickAndWait(pub, pub.getByRole('link', { name: /^Ảnh sau/ }));
		assert.match(path(pub), /\/anh\/2$/, 'the next photo without JavaScript');
		assert.ok(await imageWidth(pub.getByRole('img', { name: photos[1][0] })) > 0, 'the large photo loads');
		await check('the photo page');
		await pub.screenshot({ path: join(t.shots, 'cong-browser-photo.png'), fullPage: true });
		await clickAndWait(pub, pub.getByRole('link', { name: /^Về bộ ảnh/ }));

		await pub.goto(`${t.site}/video/x-${videoId}`);
		const video = pub.locator('video');
		await mustSee(video, 'the player');
		assert.equal(await video.locator('track[kind=captions]').count(), 1, 'the captions track');
		await mustSee(pub.getByRole('region', { name: 'Bản ghi lời' }).getByText('Kính thưa các đồng chí đại biểu.'), 'the transcript');
		await check('the video page');
		await pub.screenshot({ path: join(t.shots, 'cong-browser-video.png'), fullPage: true });
		await pub.context().close();
	} finally {
		execFileSync('sqlite3', [db, `UPDATE sites SET approver_may_be_author = ${Number(before) || 0} WHERE slug = 'snv'`]);
		await page.context().close();
	}
}

/* ---------------------------------------------------------------------------------------------
 * Member sites hosted elsewhere (#16, VL Đ33; docs/external-feeds.md): a loopback server plays a
 * commune's site with its RSS feed; the system administrator registers it on the main portal's
 * board; the scheduler pulls it; a citizen sees its news on the main portal's list of member
 * sites' news, linking out to the original with the source named. axe-core on both pages.
 */
async function externalFeeds(t) {
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	const feed = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Xã Long Phước</title>'
		+ '<item><title>Xã Long Phước ra quân làm đường giao thông nông thôn</title>'
		+ '<link>https://long-phuoc.example.vn/tin/lam-duong</link><pubDate>Mon, 07 Dec 2026 08:00:00 +0700</pubDate>'
		+ '<description>&lt;p&gt;Hơn 300 người dân tham gia.&lt;/p&gt;</description></item></channel></rss>';
	const srv = createServer((req, res) => {
		res.writeHead(req.url === '/rss.xml' ? 200 : 404, { 'Content-Type': 'application/rss+xml' });
		res.end(req.url === '/rss.xml' ? feed : '');
	});
	await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
	const feedUrl = `http://127.0.0.1:${srv.address().port}/rss.xml`;
	// the loopback server is a private address: allowed here as a test (an intranet) would
	execFileSync('sqlite3', [join(t.data, 'cong.db'), "INSERT INTO settings (key, value) VALUES ('extfeeds_allow_private', '1')"
		+ " ON CONFLICT (key) DO UPDATE SET value = excluded.value"]);
	const ctx = await t.newContext({ bypassCSP: true });
	const admin = await ctx.newPage();
	try {
		await admin.goto(t.main + '/quan-tri/trang-ngoai');
		if (path(admin) === '/quan-tri/dang-nhap') {
			await signIn(t, admin, 'sysadmin');
			await admin.goto(t.main + '/quan-tri/trang-ngoai');
		}
		await admin.getByLabel('Tên trang').fill('Trang thông tin xã Long Phước');
		await admin.getByLabel('Địa chỉ trang chủ').fill('https://long-phuoc.example.vn/');
		await admin.getByLabel('Địa chỉ nguồn tin').fill(feedUrl);
		await clickAndWait(admin, admin.getByRole('button', { name: 'Thêm trang' }));
		await mustSee(admin.getByRole('status'), 'the saved notice');
		const pub = await (await t.newContext({ bypassCSP: true })).newPage();
		const deadline = Date.now() + 30000;
		let shown = false;
		while (!shown && Date.now() < deadline) {
			await pub.goto(t.main + '/tin-trang-thanh-vien');
			shown = await pub.getByRole('link', { name: /ra quân làm đường/ }).count() > 0;
			if (!shown)
				await pub.waitForTimeout(1000);
		}
		assert.ok(shown, 'the scheduler pulled the feed: its item is on the member sites\' news');
		const link = pub.getByRole('link', { name: /ra quân làm đường/ });
		assert.equal(await link.getAttribute('href'), 'https://long-phuoc.example.vn/tin/lam-duong');
		assert.match(await link.getAttribute('rel'), /noopener/);
		await mustSee(pub.getByRole('link', { name: 'Trang thông tin xã Long Phước' }), 'the source named and linked');
		assert.deepEqual(serious((await axe(t, pub)).violations), [], 'axe on the member sites\' news');
		await pub.screenshot({ path: join(t.shots, 'cong-browser-ext-news.png'), fullPage: true });
		await admin.reload();
		await mustSee(admin.getByRole('table', { name: 'Các trang thành viên và tình trạng lấy tin' })
			.getByRole('link', { name: 'Trang thông tin xã Long Phước' }), 'the site on the register');
		assert.deepEqual(serious((await axe(t, admin)).violations), [], 'axe on the register');
		await admin.screenshot({ path: join(t.shots, 'cong-browser-ext-admin.png'), fullPage: true });
		// removed again: the scenarios after this one see the main portal as it was
		await clickAndWait(admin, admin.getByRole('button', { name: 'Xoá Trang thông tin xã Long Phước' }));
		await pub.context().close();
	} finally {
		await ctx.close();
		srv.close();
	}
}

export const scenarios = [
	{ name: 'reporter, editor and approver publish; a citizen reads', run: workflow, timeout: 45000 },
	{ name: 'the reporter cannot publish', run: reporterCannotPublish },
	{ name: 'form errors keep input', run: formErrorKeepsInput },
	{ name: 'accessibility (axe-core)', run: accessibility, timeout: 180000 },
	{ name: 'phone layout and menu without JavaScript', run: phone },
	{ name: 'comparing revisions', run: compareRevisions },
	{ name: 'the rich-text editor keeps to the admin CSP', run: editorCsp },
	{ name: 'deadlines and the periodic review', run: deadlinesAndReview, timeout: 40000 },
	{ name: 'legal documents: list, filters, number search, document page (axe-core)', run: legalDocuments, timeout: 40000 },
	{ name: 'legal documents in the admin: the form from the descriptor, the chooser (axe-core)', run: legalAdmin, timeout: 40000 },
	{ name: 'importing documents from a CSV file', run: importCsv },
	{ name: 'importing documents with their files from a ZIP archive (axe-core)', run: importZip },
	{ name: 'the account list and the account rules (axe-core)', run: accountPages, timeout: 40000 },
	{ name: 'maintenance notice and incidents (axe-core)', run: maintenanceAndIncidents, timeout: 40000 },
	{ name: 'backups: the runs and their drills, the schedule form (axe-core)', run: backupsPage, timeout: 40000 },
	{ name: 'administrative procedures: import, list, filters, page, the province\'s list (axe-core)', run: procedures, timeout: 40000 },
	{ name: 'investment projects: a list per status, a project with its packages (axe-core)', run: projectPages, timeout: 40000 },
	{ name: 'bidding: the packages\' list and filter, a package with its project (axe-core)', run: biddingPages, timeout: 40000 },
	{ name: 'science tasks: list, filter, a task (axe-core)', run: sciencePages, timeout: 40000 },
	{ name: 'statistics: a table refused then published, its page and the access-to-information page (axe-core)',
		run: statisticsPages, timeout: 40000 },
	{ name: 'links, sections of the menu and home, site map, administrative map (axe-core)', run: linksAndSections, timeout: 60000 },
	{ name: 'media and banners: a gallery, a photo page, a video, banners in their places (axe-core)', run: mediaAndBanners, timeout: 60000 },
	{ name: 'member sites hosted elsewhere: the register, a pulled feed on the main portal (axe-core)', run: externalFeeds, timeout: 60000 },
	{ name: 'API tokens: made, shown once, used, listed, revoked (axe-core)', run: apiTokens, timeout: 40000 },
	/* #17: intake by e-mail */
	{ name: 'intake by e-mail: the mailbox set up, read from a real IMAP server, the entries (axe-core)', run: mailIntake, timeout: 90000 },
];

/* ---------------------------------------------------------------------------------------------
 * #17: intake by e-mail (docs/email-intake.md). A dovecot of the test's own on loopback
 * (tests/http/imapfixture.py) holds sample messages; the site administrator sets the mailbox up
 * on its settings page (a refusal first: the message next to the field, the input kept) and
 * saves it on; the scheduler reads it; the entries appear on the list and one opens with its
 * text and files. axe-core on the settings (with errors), the list and the entry.
 */
async function mailIntake(t) {
	const root = fileURLToPath(new URL('../..', import.meta.url));
	const imap = spawn('python3', [join(root, 'tests', 'http', 'imapfixture.py')], { stdio: ['ignore', 'pipe', 'inherit'] });
	const serious = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} at ${v.target}: ${v.help}`);
	let page = null;
	try {
		const first = await new Promise((ok, bad) => {
			let buf = '';
			imap.stdout.on('data', (d) => {
				buf += d;
				if (buf.includes('\n'))
					ok(buf.split('\n')[0]);
			});
			imap.on('exit', (c) => bad(new Error(`the IMAP server stopped (${c})`)));
			setTimeout(() => bad(new Error('the IMAP server gave no port')), 60000);
		});
		const [port, user, pass] = first.trim().split(' ');
		page = await personPage(t, 'siteadmin', '/quan-tri/thu-den/cai-dat', { bypassCSP: true });
		assertPath(page, '/quan-tri/thu-den/cai-dat', 'the mailbox settings');
		await page.getByLabel('Địa chỉ máy chủ IMAP').fill('ftp://mail.example.vn');
		await clickAndWait(page, page.getByRole('button', { name: 'Lưu cài đặt' }));
		await mustSee(page.locator('#url-error'), 'the message next to the address');
		assert.equal(await page.getByLabel('Địa chỉ máy chủ IMAP').inputValue(), 'ftp://mail.example.vn', 'the input kept');
		assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the settings with an error');
		await page.getByLabel('Địa chỉ máy chủ IMAP').fill(`imap://127.0.0.1:${port}`);
		await page.getByLabel('Mã hóa với imap://').selectOption('none');
		await page.getByLabel('Tên đăng nhập').fill(user);
		await page.getByLabel('Mật khẩu', { exact: true }).fill(pass);
		await page.getByLabel('Đọc hộp thư theo lịch').check();
		await clickAndWait(page, page.getByRole('button', { name: 'Lưu cài đặt' }));
		await mustSee(page.getByRole('status'), 'the saved notice');
		const deadline = Date.now() + 60000;
		let rows = 0;
		while (Date.now() < deadline) {
			await page.goto(t.site + '/quan-tri/thu-den');
			rows = await page.locator('table.mail-intake tbody tr').count();
			if (rows >= 6)
				break;
			await page.waitForTimeout(1000);
		}
		assert.equal(rows, 6, 'the six sample messages (one sent twice) are on the list');
		assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on the list');
		await clickAndWait(page, page.getByRole('link', { name: 'Thông báo lịch tiếp công dân' }));
		await mustSee(page.getByRole('table', { name: 'Tệp đính kèm của thư' }).getByText('Lịch tiếp dân.pdf'), 'the PDF attachment');
		await mustSee(page.getByRole('button', { name: 'Tạo bản nháp' }), 'the draft form');
		assert.deepEqual(serious((await axe(t, page)).violations), [], 'axe on an entry');
		await page.screenshot({ path: join(t.shots, 'cong-browser-mail-intake.png'), fullPage: true });
		// the mailbox off again: the scenarios after this one see the site as it was
		await page.goto(t.site + '/quan-tri/thu-den/cai-dat');
		await page.getByLabel('Đọc hộp thư theo lịch').uncheck();
		await clickAndWait(page, page.getByRole('button', { name: 'Lưu cài đặt' }));
	} finally {
		imap.kill('SIGTERM');
		if (page)
			await page.context().close();
	}
}

/* ---------------------------------------------------------------------------------------------
 * The JSON API's tokens (docs/api.md, "Writing"): the site administrator makes one on
 * /quan-tri/ma-api and sees it once; a program writes a draft with it; the list shows it by name
 * and key id, never its secret, with its last use; revoked, it is refused. axe-core on the page
 * with the new token and on the list.
 */
async function apiTokens(t) {
	const page = await personPage(t, 'siteadmin', '/quan-tri/ma-api', { bypassCSP: true });
	assertPath(page, '/quan-tri/ma-api', 'the API tokens page');
	const name = 'Phần mềm một cửa';
	await page.getByLabel('Tên gợi nhớ').fill(name);
	await page.getByLabel('Vai trò').selectOption('reporter');
	const made = await clickAndWait(page, page.getByRole('button', { name: 'Tạo mã' }));
	assert.equal(made.status(), 201, 'making a token');
	const token = await page.locator('#new-token').inputValue();
	assert.match(token, /^cong_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
	await axeClean(t, page, 'mã API vừa tạo');
	// a program writes with it (the browser's cookies go along and count for nothing)
	const body = { title: 'Quyết định gửi qua API', fields: { so_ky_hieu: '31/2026/QĐ-UBND', loai: 'Quyết định',
		co_quan_ban_hanh: 'UBND tỉnh', ngay_ban_hanh: '2026-03-02', pham_vi: 'tinh' } };
	const write = () => page.evaluate(async ([tok, b]) => {
		const res = await fetch('/api/v1/legal', { method: 'POST', headers: { Authorization: 'Bearer ' + tok,
			'Content-Type': 'application/json' }, body: JSON.stringify(b) });
		return { status: res.status, json: await res.json() };
	}, [token, body]);
	const r = await write();
	assert.equal(r.status, 201, JSON.stringify(r.json));
	assert.equal(r.json.state, 'draft');
	await page.goto(t.site + '/quan-tri/ma-api');
	assert.ok(!(await page.content()).includes(token.slice(22)), 'the secret is shown again');
	const row = page.locator('table.list tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) });
	assert.equal(await row.count(), 1, 'the token is listed once');
	assert.match(await textOf(row), new RegExp(token.slice(5, 21)));
	assert.match(await textOf(row), /Phóng viên, cộng tác viên/);
	assert.doesNotMatch(await textOf(row), /Chưa dùng/);
	await axeClean(t, page, 'danh sách mã API');
	await clickAndWait(page, row.getByRole('button', { name: `Thu hồi ${name}` }));
	assert.match(await textOf(page.locator('[role=status]').first()), /Đã thu hồi mã API/);
	assert.match(await textOf(row), /Đã thu hồi lúc/);
	assert.equal((await write()).status, 401, 'a revoked token still writes');
	await page.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Schedules and the directory (docs/schedules.md, docs/directory.md): the Sở's units, officials
 * and this week's schedule are loaded with `cong import` (the CSV import through the model, which
 * publishes what it imports); a citizen reads the week view and moves to the next week, the
 * tree, a unit, an official and the contact page. axe-core on each.
 */
function importCsv_(t, segment, header, rows) {
	const dir = mkdtempSync(join(tmpdir(), 'cong-import-'));
	const file = join(dir, `${segment}.csv`);
	const cell = (v) => `"${String(v).replace(/"/g, '""')}"`;
	const text = [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
	writeFileSync(file, text);
	try {
		execFileSync(t.cong, ['import', segment, '--data', t.data, '--site', 'snv', file], { stdio: 'pipe' });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const DIRECTORY = {
	root: 'Sở Nội vụ tỉnh Vĩnh Long', office: 'Văn phòng Sở', archive: 'Chi cục Văn thư - Lưu trữ',
	official: 'Trương Công Danh', mobile: '0919 000 111',
};

function ensureDirectory(t) {
	if (t.state.directory)
		return;
	importCsv_(t, 'co-cau-to-chuc', ['ma', 'tieu_de', 'cap_tren', 'chuc_nang', 'dia_chi', 'dien_thoai', 'email', 'thu_truong', 'thu_tu'], [
		['B-SNV', DIRECTORY.root, '', 'Tham mưu quản lý nhà nước về nội vụ.', 'Số 47 đường Lê Văn Tám, Phường 1', '0270 3822 318', 'snv@vinhlong.gov.vn', 'Giám đốc Sở Võ Hoàng Phúc', '1'],
		['B-VP', DIRECTORY.office, 'B-SNV', 'Tổng hợp, hành chính, văn thư của Sở.', 'Số 47 đường Lê Văn Tám, Phường 1', '0270 3822 320', 'vanphong.snv@vinhlong.gov.vn', '', '1'],
		['B-VTLT', DIRECTORY.archive, 'B-SNV', 'Quản lý văn thư, lưu trữ.', 'Số 10 đường Trưng Nữ Vương', '0270 3822 325', 'vtlt.snv@vinhlong.gov.vn', '', '2'],
	]);
	importCsv_(t, 'can-bo', ['tieu_de', 'chuc_vu', 'don_vi', 'dien_thoai', 'di_dong', 'cong_khai_di_dong', 'email', 'phat_ngon', 'thu_tu'], [
		['Võ Hoàng Phúc', 'Giám đốc Sở Nội vụ', 'B-SNV', '0270 3822 318', '', 'khong', 'vhphuc@vinhlong.gov.vn', 'co', '1'],
		[DIRECTORY.official, 'Chánh Văn phòng Sở', 'B-VP', '0270 3822 320', DIRECTORY.mobile, 'khong', 'tcdanh@vinhlong.gov.vn', 'khong', '2'],
	]);
	t.state.directory = true;
}

function ensureSchedule(t) {
	if (t.state.schedule)
		return;
	const vn = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
	const now = new Date(Date.now() + 7 * 3600 * 1000); // the day in Vietnam
	const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
	const day = (n) => vn(new Date(monday.getTime() + n * 86400000));
	const entries = [
		[day(0), '07:30', '09:00', 'Giao ban lãnh đạo Sở', 'Giám đốc Sở Võ Hoàng Phúc', 'Phòng họp Sở', 'Văn phòng Sở', 'Trưởng các phòng'],
		[day(2), '14:00', '', 'Thẩm định đề án vị trí việc làm', 'Phó Giám đốc Sở Lâm Thị Ngọc Hân', 'Phòng họp Sở', 'Phòng Tổ chức, biên chế', ''],
	].map((r) => r.join(' | ')).join('\n');
	const next = [[day(7), '08:00', '', 'Họp Hội đồng Thi đua - Khen thưởng', 'Giám đốc Sở Võ Hoàng Phúc', 'Phòng họp số 1', '', '']]
		.map((r) => r.join(' | ')).join('\n');
	importCsv_(t, 'lich-cong-tac', ['tieu_de', 'tuan', 'lich'], [
		['Lịch công tác tuần này của lãnh đạo Sở', day(0), entries],
		['Lịch công tác tuần sau của lãnh đạo Sở', day(7), next],
	]);
	importCsv_(t, 'lich-tiep-cong-dan', ['tieu_de', 'ngay', 'gio', 'lanh_dao', 'dia_diem', 'ket_qua'], [
		['Lịch tiếp công dân định kỳ của Giám đốc Sở', day(3), '08:00', 'Giám đốc Sở Võ Hoàng Phúc',
			'Phòng tiếp công dân Sở Nội vụ', ''],
	]);
	t.state.schedule = true;
}

const seriousOf = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	.map((v) => `${v.id} at ${v.target}: ${v.help}`);

async function schedules(t) {
	ensureSchedule(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/lich-cong-tac');
	assert.match(await textOf(page.getByRole('heading', { level: 1 })), /^Lịch công tác tuần \d+ năm \d{4}$/);
	const table = page.getByRole('table', { name: /^Lịch công tác tuần/ });
	await mustSee(table, 'the week\'s table, named by its caption');
	await mustSee(table.getByRole('cell', { name: 'Giao ban lãnh đạo Sở' }), 'this week\'s entry');
	await mustSee(page.getByRole('region', { name: 'Lịch tiếp công dân trong tuần' })
		.getByRole('link', { name: 'Lịch tiếp công dân định kỳ của Giám đốc Sở' }), 'the week\'s reception session');
	await noScriptElement(page, 'the week view');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the week view');
	await page.screenshot({ path: join(t.shots, 'cong-browser-schedule-week.png'), fullPage: true });
	// a leader chosen in the form, without JavaScript
	await page.getByRole('combobox', { name: 'Lãnh đạo chủ trì' }).selectOption({ label: 'Phó Giám đốc Sở Lâm Thị Ngọc Hân' });
	await clickAndWait(page, page.getByRole('button', { name: 'Xem' }));
	assert.match(page.url(), /lanh-dao=pho-giam-doc-so-lam-thi-ngoc-han/);
	assert.equal(await page.getByRole('cell', { name: 'Giao ban lãnh đạo Sở' }).count(), 0, 'another leader\'s entry');
	await mustSee(page.getByRole('cell', { name: 'Thẩm định đề án vị trí việc làm' }), 'the chosen leader\'s entry');
	// the next week
	await page.goto(t.site + '/lich-cong-tac');
	await clickAndWait(page, page.getByRole('link', { name: /^Tuần sau/ }));
	assert.match(page.url(), /tuan=\d{4}-W\d\d/);
	await mustSee(page.getByRole('cell', { name: 'Họp Hội đồng Thi đua - Khen thưởng' }), 'next week\'s entry');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the next week');
	seen.assertClean('the week view');
	await ctx.close();
}

async function directory(t) {
	ensureDirectory(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/co-cau-to-chuc');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Cơ cấu tổ chức');
	const tree = page.getByRole('navigation', { name: 'Sơ đồ cơ cấu tổ chức' });
	const root = tree.getByRole('listitem').filter({ has: page.getByRole('link', { name: DIRECTORY.root, exact: true }) });
	await mustSee(root.getByRole('list').getByRole('link', { name: DIRECTORY.office }), 'the office under the Sở');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the tree');
	await page.screenshot({ path: join(t.shots, 'cong-browser-directory-tree.png'), fullPage: true });
	// a unit with its officials
	await clickAndWait(page, tree.getByRole('link', { name: DIRECTORY.office }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), DIRECTORY.office);
	const staff = page.getByRole('region', { name: 'Cán bộ của đơn vị' });
	await mustSee(staff.getByRole('link', { name: DIRECTORY.official, exact: true }), 'the unit\'s official');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on a unit');
	// an official: the private mobile is nowhere
	await clickAndWait(page, staff.getByRole('link', { name: DIRECTORY.official, exact: true }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), DIRECTORY.official);
	await mustSee(page.getByRole('link', { name: 'Lưu vào danh bạ (vCard)' }), 'the vCard link');
	assert.ok(!(await page.content()).includes(DIRECTORY.mobile), 'a private mobile number on the page');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on an official');
	// the contact page
	await page.goto(t.site + '/lien-he');
	await mustSee(page.getByRole('heading', { name: 'Người phát ngôn' }), 'the spokespeople');
	await mustSee(page.getByRole('table', { name: /^Thông tin liên hệ của các đơn vị/ }), 'the units\' contacts');
	assert.ok(!(await page.content()).includes(DIRECTORY.mobile), 'a private mobile number on the contact page');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the contact page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-contact.png'), fullPage: true });
	seen.assertClean('the directory\'s pages');
	await ctx.close();
}

scenarios.push(
	{ name: 'schedules: the week view, a leader, the next week (axe-core)', run: schedules, timeout: 40000 },
	{ name: 'directory: the tree, a unit, an official, the contact page (axe-core)', run: directory, timeout: 40000 },
);

/* ---------------------------------------------------------------------------------------------
 * Citizens' questions (issue #14): asked with JavaScript (the browser's proof of work hides the
 * check question, under the page's own CSP) and without it (the question answered), followed on
 * the tracking page; the staff's inbox and the ticket's page, where the board answers. axe-core
 * on each page kind.
 */
const QUESTION = {
	name: 'Đoàn Thị Cẩm Tú', email: 'camtu.doan@example.vn', field: 'Giáo dục, đào tạo',
	title: 'Hỏi về chế độ hỗ trợ học phí cho học sinh trung học cơ sở',
	text: 'Con tôi học lớp 7 ở trường công lập. Gia đình thuộc hộ cận nghèo thì được miễn hay giảm học phí?',
};

async function fillQuestion(page, title) {
	await page.getByRole('textbox', { name: 'Họ và tên' }).fill(QUESTION.name);
	await page.getByRole('textbox', { name: 'Thư điện tử' }).fill(QUESTION.email);
	await page.getByRole('combobox', { name: 'Lĩnh vực' }).selectOption({ label: QUESTION.field });
	await page.getByRole('textbox', { name: 'Tiêu đề câu hỏi' }).fill(title);
	await page.getByRole('textbox', { name: 'Nội dung câu hỏi' }).fill(QUESTION.text);
}

async function citizensQuestions(t) {
	// with JavaScript, the page's CSP enforced: challenge.js runs and the question goes away
	const jsCtx = await t.newContext();
	const page = await jsCtx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/gui/cau-hoi');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Câu hỏi');
	await until(async () => !(await page.locator('.challenge-question').isVisible()), 'the check question hidden by the proof of work', 20000);
	await fillQuestion(page, QUESTION.title);
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi', exact: true }));
	assert.match(path(page), /^\/theo-doi$/);
	const code = (await textOf(page.getByRole('status').filter({ hasText: 'Mã theo dõi' }).locator('strong'))).trim();
	assert.match(code, /^HD-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await mustSee(page.getByText('Đã tiếp nhận').first(), 'the state');
	assert.ok(!(await page.content()).includes(QUESTION.email), 'the e-mail on the tracking page');
	seen.assertClean('the question form with JavaScript');
	await jsCtx.close();

	// without JavaScript: the question answered; a wrong answer first keeps what was typed
	const noJs = await t.newContext({ javaScriptEnabled: false });
	const p2 = await noJs.newPage();
	await p2.goto(t.site + '/gui/cau-hoi');
	await fillQuestion(p2, QUESTION.title + ' (lần hai)');
	const label = await textOf(p2.locator('label[for="challenge_answer"]'));
	await p2.getByRole('textbox', { name: label }).fill('99');
	await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }), p2.getByRole('textbox', { name: label }).press('Enter')]);
	await mustSee(p2.getByText('Câu trả lời kiểm tra chưa đúng'), 'the check\'s message');
	assert.equal(await p2.getByRole('textbox', { name: 'Nội dung câu hỏi' }).inputValue(), QUESTION.text, 'the question kept');
	const label2 = await textOf(p2.locator('label[for="challenge_answer"]'));
	await p2.getByRole('textbox', { name: label2 }).fill(answerOf(label2));
	await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }), p2.getByRole('textbox', { name: label2 }).press('Enter')]);
	assert.match(path(p2), /^\/theo-doi$/, 'the form without JavaScript was sent');
	await noJs.close();

	// axe on the form and the tracking page
	const axCtx = await t.newContext({ bypassCSP: true });
	const p3 = await axCtx.newPage();
	await p3.goto(t.site + '/gui/cau-hoi');
	assert.deepEqual(seriousOf((await axe(t, p3)).violations), [], 'axe on the question form');
	await p3.goto(t.site + '/theo-doi?ma=' + code);
	assert.deepEqual(seriousOf((await axe(t, p3)).violations), [], 'axe on the tracking page');
	await p3.screenshot({ path: join(t.shots, 'cong-browser-ticket-status.png'), fullPage: true });
	await p3.goto(t.site + '/gui/bao-loi?trang=%2F');
	assert.deepEqual(seriousOf((await axe(t, p3)).violations), [], 'axe on the error report form');
	await axCtx.close();

	// the staff: the inbox, the ticket, personal data on request, the answer sent for approval
	const staff = await personPage(t, 'approver', '/quan-tri/tiep-nhan?hop=new', { bypassCSP: true });
	const row = staff.getByRole('row').filter({ hasText: code });
	await mustSee(row, 'the question in the inbox');
	assert.deepEqual(seriousOf((await axe(t, staff)).violations), [], 'axe on the inbox');
	await clickAndWait(staff, row.getByRole('link', { name: code }));
	assert.ok(!(await staff.content()).includes(QUESTION.email), 'the e-mail shown before it was asked for');
	assert.deepEqual(seriousOf((await axe(t, staff)).violations), [], 'axe on the ticket page');
	await clickAndWait(staff, staff.getByRole('link', { name: 'Xem thông tin cá nhân của người gửi' }));
	await mustSee(staff.getByText(QUESTION.email), 'the e-mail once asked for');
	await staff.getByRole('textbox', { name: 'Nội dung trả lời *' }).fill('Học sinh thuộc hộ cận nghèo được giảm 50% học phí theo Nghị định số 81/2021/NĐ-CP.');
	await clickAndWait(staff, staff.getByRole('button', { name: 'Lưu và gửi duyệt' }));
	await mustSee(staff.getByText('Đã có trả lời, chờ duyệt đăng').first(), 'the ticket waits for its answer\'s approval');
	await staff.screenshot({ path: join(t.shots, 'cong-browser-ticket.png'), fullPage: true });
	await staff.context().close();

	// the system administrator's retention of personal data, per kind
	const sys = await personPage(t, 'sysadmin', '/quan-tri/cai-dat/tiep-nhan', { bypassCSP: true });
	await mustSee(sys.getByRole('textbox', { name: 'Câu hỏi' }), 'the questions\' retention');
	assert.deepEqual(seriousOf((await axe(t, sys)).violations), [], 'axe on the retention settings');
	await sys.context().close();
}

/* ---------------------------------------------------------------------------------------------
 * Requests for information (docs/information-requests.md): a citizen finds the form from the
 * access-to-information page, is told the ID number is wrong next to the field (what was typed
 * kept), sends it and gets the tracking code; the approver reads the register (initials only),
 * accepts the request as simple and provides the information with a letter; the register shows
 * it provided. axe-core on the form, its error state, the tracking page, the register and the
 * request's page.
 */
async function informationRequest(t) {
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/tiep-can-thong-tin');
	await clickAndWait(page, page.getByRole('link', { name: 'Gửi yêu cầu cung cấp thông tin' }));
	assertPath(page, '/gui/yeu-cau-thong-tin', 'the form linked from the access-to-information page');
	const fill = async (id) => {
		await page.getByLabel('Họ và tên người yêu cầu').fill('Lê Hoàng Phúc An');
		await page.getByLabel('Nơi cư trú, địa chỉ liên hệ').fill('Số 8 đường 2 Tháng 9, Phường 1, TP Vĩnh Long');
		await page.getByLabel('Số chứng minh nhân dân, căn cước hoặc hộ chiếu').fill(id);
		await page.getByRole('textbox', { name: 'Thư điện tử' }).fill('phucan.tctt@example.vn');
		await page.getByLabel('Thông tin cần cung cấp').fill('Kế hoạch tuyển dụng công chức năm 2026 của Sở Nội vụ');
		await page.getByLabel('Mục đích sử dụng thông tin').fill('Chuẩn bị hồ sơ dự tuyển');
		await page.getByLabel('Hình thức nhận thông tin').selectOption({ label: 'Gửi qua thư điện tử' });
	};
	await fill('0792');
	await until(async () => /đã được xác minh/.test(await textOf(page.locator('.challenge-status'))), 'the proof of work', 20000);
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the request form');
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi', exact: true }));
	await mustSee(page.locator('#giay_to-error'), 'the message next to the ID number');
	assert.equal(await page.getByLabel('Số chứng minh nhân dân, căn cước hoặc hộ chiếu').inputValue(), '0792', 'the input kept');
	assert.equal(await page.getByLabel('Mục đích sử dụng thông tin').inputValue(), 'Chuẩn bị hồ sơ dự tuyển', 'the input kept');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the form with its errors');
	await page.getByLabel('Số chứng minh nhân dân, căn cước hoặc hộ chiếu').fill('079204011223');
	await until(async () => /đã được xác minh/.test(await textOf(page.locator('.challenge-status'))), 'the proof of work', 20000);
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi', exact: true }));
	assertPath(page, '/theo-doi', 'the tracking page after sending');
	const code = new URL(page.url()).searchParams.get('ma');
	assert.match(code, /^TT-/);
	assert.ok(!(await page.content()).includes('079204011223'), 'the ID number on the tracking page');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the tracking page');
	seen.assertClean('the request form');
	await ctx.close();

	const staff = await personPage(t, 'approver', '/quan-tri/so-theo-doi', { bypassCSP: true });
	const reg = staff.getByRole('table', { name: 'Sổ theo dõi yêu cầu cung cấp thông tin' });
	const row = reg.getByRole('row').filter({ hasText: 'Kế hoạch tuyển dụng công chức năm 2026' });
	await mustSee(row.getByRole('cell', { name: 'L.H.P.A.' }), 'the requester\'s initials in the register');
	assert.ok(!(await staff.content()).includes('Lê Hoàng Phúc An'), 'the full name in the register before it was asked for');
	assert.deepEqual(seriousOf((await axe(t, staff)).violations), [], 'axe on the register');
	await staff.screenshot({ path: join(t.shots, 'cong-browser-inforeq-register.png'), fullPage: true });
	await clickAndWait(staff, row.getByRole('link'));
	assert.deepEqual(seriousOf((await axe(t, staff)).violations), [], 'axe on the request\'s page');
	const accept = staff.getByRole('form', { name: 'Tiếp nhận và phân loại yêu cầu' });
	await accept.getByLabel('Loại yêu cầu').selectOption('simple');
	await clickAndWait(staff, accept.getByRole('button', { name: 'Tiếp nhận' }));
	const provide = staff.getByRole('form', { name: 'Cung cấp thông tin' });
	await provide.getByLabel('Kết quả').selectOption('full');
	await provide.getByLabel('Văn bản trả lời').fill('Sở Nội vụ gửi Ông/Bà Kế hoạch số 12/KH-SNV kèm theo thư này.');
	await clickAndWait(staff, provide.getByRole('button', { name: 'Gửi văn bản trả lời' }));
	await mustSee(staff.getByText('Đã cung cấp thông tin').first(), 'the state after providing');
	await staff.goto(t.site + '/quan-tri/so-theo-doi');
	await mustSee(staff.getByRole('row').filter({ hasText: 'Kế hoạch tuyển dụng công chức năm 2026' })
		.getByRole('cell', { name: 'Đã cung cấp thông tin' }), 'the register\'s state');
	await staff.context().close();
}

scenarios.push(
	{ name: 'citizens: a question with and without JavaScript, tracked, answered by the board (axe-core)', run: citizensQuestions, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * Public consultation on drafts (docs/consultation.md). Two consultations of the Sở
 * Nội vụ imported (one open, one closed); a citizen reads the list and the open draft, sends a
 * comment on one of its articles with JavaScript (the proof of work) and another without (the
 * question answered), and finds the closed draft refusing comments with its close time.
 */
const CONSULT = { open: 'Dự thảo Quy chế tiếp nhận góp ý của người dân về cải cách hành chính',
	closed: 'Dự thảo Quy định thi đua, khen thưởng trong ngành nội vụ' };

function ensureConsultations(t) {
	if (t.state.consultations)
		return;
	const vn = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
	const today = new Date(Date.now() + 7 * 3600 * 1000);
	const day = (n) => vn(new Date(today.getTime() + n * 86400000));
	const body = '<p>Điều 1. Phạm vi điều chỉnh</p><p>Quy chế này quy định việc tiếp nhận góp ý.</p>'
		+ '<p>Điều 2. Đối tượng áp dụng</p><p>Cơ quan, tổ chức, cá nhân.</p><p>Điều 3. Thời hạn trả lời</p><p>Mười ngày làm việc.</p>';
	importCsv_(t, 'du-thao', ['tieu_de', 'noi_dung', 'co_quan_soan_thao', 'ngay_bat_dau', 'ngay_ket_thuc', 'gio_ket_thuc', 'don_vi_tiep_nhan', 'email_tiep_nhan'], [
		[CONSULT.open, body, 'Sở Nội vụ', day(-3), day(12), '17:00', 'Văn phòng Sở Nội vụ', 'vanphong.snv@vinhlong.gov.vn'],
		[CONSULT.closed, body, 'Sở Nội vụ', day(-40), day(-5), '', 'Phòng Thi đua - Khen thưởng', 'tdkt.snv@vinhlong.gov.vn'],
	]);
	t.state.consultations = true;
}

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/* The answer to the form's question without JavaScript ("Năm cộng một bằng bao nhiêu?"). */
function answerOf(question) {
	const m = question.toLowerCase().match(/^(\S+) cộng (\S+) bằng/);
	assert.ok(m, `the challenge's question: ${question}`);
	return String(VI_DIGITS.indexOf(m[1]) + VI_DIGITS.indexOf(m[2]));
}

async function consultation(t) {
	ensureConsultations(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/du-thao');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Lấy ý kiến dự thảo');
	await mustSee(page.getByRole('link', { name: /^Đang lấy ý kiến/ }), 'the tab of open drafts');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the list');
	await clickAndWait(page, page.getByRole('link', { name: CONSULT.open }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), CONSULT.open);
	await mustSee(page.getByText(/Còn 12 ngày/), 'the days left');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the consultation\'s page and its form');
	await page.screenshot({ path: join(t.shots, 'cong-browser-consultation.png'), fullPage: true });
	// a comment on Điều 2, with JavaScript: the proof of work is solved by the page
	const form = page.getByRole('region', { name: 'Gửi góp ý' });
	await form.getByRole('textbox', { name: /^Tên hiển thị/ }).fill('Hội Luật gia phường 1');
	await form.getByRole('combobox', { name: 'Góp ý cho Điều số' }).selectOption({ label: 'Điều 2. Đối tượng áp dụng' });
	await form.getByRole('textbox', { name: /^Nội dung góp ý/ }).fill('Đề nghị bổ sung tổ chức xã hội vào đối tượng áp dụng.');
	await form.getByRole('textbox', { name: /^Họ và tên/ }).fill('Lý Thị Mỹ Duyên');
	await form.getByRole('textbox', { name: /^Thư điện tử/ }).fill('myduyen@example.vn');
	await until(async () => (await page.locator('input[name="pow"]').inputValue()) !== '', 'the proof of work', 20000);
	// sent from the keyboard, as a keyboard user does (a click waits for the page's smooth
	// scrolling to settle, which a long page does not within the click's time)
	const send = form.getByRole('button', { name: 'Gửi góp ý' });
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), send.press('Enter')]);
	assertPath(page, '/theo-doi', 'after sending');
	await mustSee(page.getByText(/GY-[A-Z0-9]{4}-[A-Z0-9]{4}/), 'the tracking code');
	assert.ok(!(await page.content()).includes('myduyen@example.vn'), 'the e-mail on the tracking page');
	seen.assertClean('the consultation\'s pages');
	await ctx.close();

	// without JavaScript: the question answered; then the closed draft refuses
	const nojs = await t.newContext({ bypassCSP: true, javaScriptEnabled: false });
	const p2 = await nojs.newPage();
	await p2.goto(t.site + '/du-thao?lay_y_kien=dang-lay-y-kien');
	await clickAndWait(p2, p2.getByRole('link', { name: CONSULT.open }));
	const f2 = p2.getByRole('region', { name: 'Gửi góp ý' });
	await f2.getByRole('textbox', { name: /^Tên hiển thị/ }).fill('Người dân không dùng JavaScript');
	await f2.getByRole('textbox', { name: /^Nội dung góp ý/ }).fill('Góp ý chung: dự thảo rõ ràng, dễ hiểu.');
	await f2.getByRole('textbox', { name: /^Họ và tên/ }).fill('Cao Văn Tư');
	await f2.getByRole('textbox', { name: /^Thư điện tử/ }).fill('caovantu@example.vn');
	const q = await textOf(p2.locator('label[for="challenge_answer"]'));
	await f2.getByRole('textbox', { name: q }).fill(answerOf(q));
	await Promise.all([p2.waitForNavigation({ waitUntil: 'load' }), f2.getByRole('button', { name: 'Gửi góp ý' }).press('Enter')]);
	assertPath(p2, '/theo-doi', 'after sending without JavaScript');
	await mustSee(p2.getByText(/GY-[A-Z0-9]{4}-[A-Z0-9]{4}/), 'the tracking code without JavaScript');
	await nojs.close();
	const ctx3 = await t.newContext({ bypassCSP: true });
	const p3 = await ctx3.newPage();
	await p3.goto(t.site + '/du-thao?lay_y_kien=het-han');
	await clickAndWait(p3, p3.getByRole('link', { name: CONSULT.closed }));
	await mustSee(p3.getByText(/Đã kết thúc lấy ý kiến lúc hết ngày/), 'the close time of a closed draft');
	assert.equal(await p3.getByRole('region', { name: 'Gửi góp ý' }).count(), 0, 'a form on a closed draft');
	assert.deepEqual(seriousOf((await axe(t, p3)).violations), [], 'axe on a closed consultation');
	await ctx3.close();
}

scenarios.push(
	{ name: 'consultation: the list, a draft, a comment with and without JavaScript, a closed draft (axe-core)', run: consultation, timeout: 60000 },
	{ name: 'information request: the form, the register, accepted and provided (axe-core)', run: informationRequest, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * Ratings of the portal and polls (docs/ratings-polls.md): a reader rates the portal on the four
 * criteria and votes in a poll, both forms with the challenge solved by the page's script; axe on
 * the rating form, the poll's form and its results (the chart and the table).
 */
const POLL = { question: 'Ông/Bà có muốn nhận nhắc lịch hẹn giải quyết hồ sơ qua tin nhắn không?',
	choices: ['Rất cần thiết', 'Cần thiết', 'Không cần thiết'] };

async function ratingsAndPolls(t) {
	const vn = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
	const now = Date.now() + 7 * 3600 * 1000; // the day in Vietnam
	if (!t.state.poll) {
		importCsv_(t, 'tham-do', ['tieu_de', 'lua_chon', 'mo_tu', 'dong_vao', 'hien_ket_qua'], [
			[POLL.question, POLL.choices.join('\n'), vn(new Date(now - 86400000)), vn(new Date(now + 7 * 86400000)), 'sau-khi-binh-chon'],
		]);
		t.state.poll = true;
	}
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	// the rating, from the footer's link
	await page.goto(t.site + '/');
	await clickAndWait(page, page.getByRole('contentinfo').getByRole('link', { name: 'Đánh giá cổng' }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đánh giá mức độ hài lòng');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the rating form');
	const crit = { 'Giao diện': '4 — Hài lòng', 'Nội dung thông tin': '5 — Rất hài lòng',
		'Chất lượng dịch vụ': '4 — Hài lòng' };
	for (const [group, label] of Object.entries(crit))
		await page.getByRole('group', { name: group }).getByRole('radio', { name: label }).check();
	// one criterion forgotten: its message in its group, the others kept
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi đánh giá' }));
	await mustSee(page.getByRole('group', { name: 'Hỗ trợ người dùng' }).getByText('Vui lòng chọn một mức từ 1 đến 5.'), 'the message next to the forgotten criterion');
	assert.ok(await page.getByRole('group', { name: 'Giao diện' }).getByRole('radio', { name: '4 — Hài lòng' }).isChecked(), 'a choice kept');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the rating form with its messages');
	await page.getByRole('group', { name: 'Hỗ trợ người dùng' }).getByRole('radio', { name: '3 — Bình thường' }).check();
	await page.getByRole('textbox', { name: 'Ý kiến thêm' }).fill('Nên có thêm hướng dẫn nộp hồ sơ trực tuyến bằng video.');
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi đánh giá' }));
	assert.match(page.url(), /\/danh-gia\?da-gui=1$/);
	await mustSee(page.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá' }), 'the thanks');
	await page.screenshot({ path: join(t.shots, 'cong-browser-rating.png'), fullPage: true });
	// the poll, from its list
	await page.goto(t.site + '/tham-do');
	await clickAndWait(page, page.getByRole('link', { name: POLL.question }));
	const form = page.getByRole('group', { name: POLL.question });
	await mustSee(form.getByRole('radio', { name: 'Cần thiết', exact: true }), 'the poll\'s choices');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the poll\'s form');
	await form.getByRole('radio', { name: 'Cần thiết', exact: true }).check();
	await clickAndWait(page, page.getByRole('button', { name: 'Gửi ý kiến' }));
	await mustSee(page.getByRole('heading', { name: 'Kết quả đến lúc này: 1 phiếu' }), 'the results after voting');
	const results = page.getByRole('table', { name: 'Số phiếu và tỉ lệ của từng lựa chọn' });
	await mustSee(results.getByRole('row', { name: /Cần thiết 1 100,0 %/ }), 'the vote counted');
	await mustSee(page.getByRole('img', { name: 'Kết quả thăm dò' }), 'the chart');
	assert.equal(await page.getByRole('button', { name: 'Gửi ý kiến' }).count(), 0, 'no second vote');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the poll\'s results');
	await page.screenshot({ path: join(t.shots, 'cong-browser-poll.png'), fullPage: true });
	seen.assertClean('the rating and the poll');
	await ctx.close();
}

scenarios.push(
	{ name: 'ratings and polls: the rating form, a poll\'s vote and results (axe-core)', run: ratingsAndPolls, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * The accessibility chrome of TT 26/2020 and open data (docs/accessibility.md, open-data.md): a
 * citizen turns on high contrast and the largest text from the bar with plain links (the page
 * under them stays readable: axe-core's contrast rules, nothing wider than the window on a phone
 * or a desktop), goes to the site map with its access key, reads the accessibility statement and
 * the "Dữ liệu mở" page, and turns the preferences off again. axe-core on each page kind.
 */
async function accessibilityChrome(t) {
	ensureProjects(t);
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	const htmlClass = async () => (await page.evaluate(() => document.documentElement.className)).split(/\s+/).filter(Boolean).sort();
	const fits = async (what) => {
		const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
		assert.ok(scroll <= inner, `${what}: the page is ${scroll}px wide in a ${inner}px window`);
	};
	await page.goto(t.site + '/');
	const prefs = page.getByRole('list', { name: 'Tùy chọn hiển thị' });
	await clickAndWait(page, prefs.getByRole('link', { name: 'Bật tương phản cao' }));
	assert.equal(new URL(page.url()).pathname, '/', 'back on the page the reader was on');
	assert.deepEqual(await htmlClass(), ['tuong-phan-cao']);
	const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	assert.equal(bg, 'rgb(0, 0, 0)', 'high contrast: a black page');
	await axeClean(t, page, 'the home page in high contrast');
	await page.screenshot({ path: join(t.shots, 'cong-browser-high-contrast.png'), fullPage: true });
	await clickAndWait(page, prefs.getByRole('link', { name: 'Rất lớn' }));
	assert.deepEqual(await htmlClass(), ['chu-rat-lon', 'tuong-phan-cao']);
	assert.equal(await prefs.getByRole('link', { name: 'Rất lớn' }).getAttribute('aria-current'), 'true');
	const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	assert.equal(size, 24, 'the root text at 150%');
	await fits('the home page with the largest text');
	await page.setViewportSize({ width: 390, height: 800 });
	await page.reload();
	await fits('the home page with the largest text on a phone');
	await page.screenshot({ path: join(t.shots, 'cong-browser-larger-text-phone.png'), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	// the access keys (headless Chromium does not take Alt+key, so the keys are read and followed)
	const keyLinks = page.getByRole('list', { name: 'Phím tắt' }).getByRole('link');
	const keys = {};
	for (const a of await keyLinks.all())
		keys[await a.getAttribute('accesskey')] = new URL(await a.getAttribute('href'), page.url()).pathname;
	assert.deepEqual(keys, { 1: '/', 3: '/so-do-trang', 4: '/tim-kiem', 0: '/tro-nang-tiep-can' });
	await clickAndWait(page, page.locator('a[accesskey="3"]'));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Sơ đồ cổng');
	// the statement, from the bar
	await clickAndWait(page, page.getByRole('list', { name: 'Phím tắt' }).getByRole('link', { name: 'Hỗ trợ tiếp cận' }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Hỗ trợ tiếp cận');
	const keyTable = page.getByRole('table', { name: 'Phím tắt' });
	await mustSee(keyTable.getByRole('row', { name: /^3 Sơ đồ trang$/ }), 'the site map\'s key');
	await axeClean(t, page, 'the accessibility statement (high contrast, largest text)');
	// open data
	await page.goto(t.site + '/du-lieu-mo');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Dữ liệu mở');
	const sets = page.getByRole('table', { name: 'Dữ liệu mở' });
	const projects = sets.getByRole('row', { name: /^Dự án đầu tư/ });
	await mustSee(projects, 'the projects\' data set');
	assert.equal(await textOf(projects.locator('.open-records')), '3', 'the three imported projects');
	await mustSee(projects.getByRole('link', { name: /^CSV/ }), 'the CSV link');
	await axeClean(t, page, 'the open data page (high contrast, largest text)');
	// back to the defaults, and the ordinary pages again
	await clickAndWait(page, page.getByRole('list', { name: 'Tùy chọn hiển thị' }).getByRole('link', { name: 'Thường' }));
	await clickAndWait(page, page.getByRole('list', { name: 'Tùy chọn hiển thị' }).getByRole('link', { name: 'Tắt tương phản cao' }));
	assert.deepEqual(await htmlClass(), []);
	assert.equal(new URL(page.url()).pathname, '/du-lieu-mo');
	assert.equal((await ctx.cookies()).filter((c) => c.name === 'tuy-chon').length, 0, 'the cookie is gone');
	await axeClean(t, page, 'the open data page');
	await page.screenshot({ path: join(t.shots, 'cong-browser-open-data.png'), fullPage: true });
	await page.goto(t.site + '/tro-nang-tiep-can');
	await axeClean(t, page, 'the accessibility statement');
	seen.assertClean('the accessibility chrome');
	await ctx.close();
}

scenarios.push(
	{ name: 'accessibility chrome: high contrast, larger text, access keys, the statement and open data (axe-core)', run: accessibilityChrome, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * E-mail subscriptions (docs/subscriptions.md): from a kind's list the reader follows "Nhận tin
 * qua thư" to the form pre-filled with that kind; a wrong address comes back with its message
 * next to the field and the input kept; a right one is told to confirm by mail. The site
 * administrator's page shows the subscription with its address masked. axe-core on the form, its
 * error state, its sent state and the administrators' page.
 */
async function subscriptions(t) {
	const ctx = await t.newContext({ bypassCSP: true });
	const page = await ctx.newPage();
	const seen = watch(page);
	await page.goto(t.site + '/van-ban');
	await clickAndWait(page, page.getByRole('link', { name: 'Nhận tin qua thư' }));
	assertPath(page, '/dang-ky-nhan-tin', 'the subscription form linked from the list of documents');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đăng ký nhận tin qua thư điện tử');
	assert.equal(await page.getByRole('combobox', { name: 'Nhận tin của' }).inputValue(), 'k:legal', 'the kind pre-filled');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the subscription form');
	await until(async () => !(await page.locator('.challenge-question').isVisible()), 'the check question hidden by the proof of work', 20000);
	const address = page.getByRole('textbox', { name: /^Địa chỉ thư điện tử/ });
	await address.fill('khong-phai-dia-chi');
	await page.getByRole('radio', { name: 'Bản tin hằng tuần' }).check();
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng ký', exact: true }));
	await mustSee(page.getByText('Địa chỉ thư điện tử không hợp lệ'), 'the message next to the address');
	assert.equal(await address.inputValue(), 'khong-phai-dia-chi', 'the address typed is kept');
	assert.ok(await page.getByRole('radio', { name: 'Bản tin hằng tuần' }).isChecked(), 'the frequency kept');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the subscription form with its error');
	await page.screenshot({ path: join(t.shots, 'cong-browser-subscribe.png'), fullPage: true });
	await until(async () => !(await page.locator('.challenge-question').isVisible()), 'the check question hidden by the proof of work', 20000);
	await address.fill('vanban.theodoi@example.vn');
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng ký', exact: true }));
	await mustSee(page.getByRole('status').filter({ hasText: 'thư xác nhận' }), 'the notice that a confirmation mail is on its way');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the subscription form, sent');
	seen.assertClean('the subscription form');

	// #16: the confirmation mail (waiting in the outbox: no mail server here) links to the page of
	// all the address's subscriptions; the reader ticks one more and saves
	const body = execFileSync('sqlite3', [join(t.data, 'cong.db'),
		"SELECT body FROM mail_outbox WHERE subscription_id IS NOT NULL ORDER BY id DESC LIMIT 1"]).toString();
	const manage = body.match(/https?:\/\/\S+(\/quan-ly-nhan-tin\?token=[0-9]+\.[0-9a-f]+)/);
	assert.ok(manage, 'the manage link in the confirmation mail');
	await page.goto(t.site + manage[1]);
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Quản lý đăng ký nhận tin');
	await mustSee(page.getByText('v***@e***.vn'), 'the address, masked');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the page of all subscriptions');
	await page.getByRole('checkbox', { name: 'Toàn bộ trang' }).check();
	await page.getByRole('radio', { name: 'Bản tin hằng tuần' }).check();
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	await mustSee(page.getByRole('status').filter({ hasText: 'Đã lưu các đăng ký' }), 'the notice that it was saved');
	assert.ok(await page.getByRole('checkbox', { name: 'Toàn bộ trang' }).isChecked(), 'the whole site now followed');
	assert.deepEqual(seriousOf((await axe(t, page)).violations), [], 'axe on the page of all subscriptions, saved');
	seen.assertClean('the page of all subscriptions');
	await ctx.close();

	const admin = await personPage(t, 'siteadmin', '/quan-tri/nhan-tin', { bypassCSP: true });
	await mustSee(admin.getByRole('cell', { name: 'v***@e***.vn' }).first(), 'the masked address');
	assert.ok(!(await admin.content()).includes('vanban.theodoi@example.vn'), 'the address in full on the administrators\' page');
	assert.deepEqual(seriousOf((await axe(t, admin)).violations), [], 'axe on the subscriptions\' administration');
	await admin.context().close();
}

scenarios.push(
	{ name: 'subscriptions: the form from a list, a wrong address, sent; all of an address\'s subscriptions; the masked list (axe-core)', run: subscriptions, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * Languages (docs/languages.md): the site administrator turns English on in the settings; the
 * reporter opens the published article, makes its English translation from the "Bản dịch" box,
 * types the English title, saves and sends it; the editor passes it on, the approver publishes
 * it; a citizen finds it on /en/, reads it (hreflang alternates in the head) and follows the
 * language switch back to the Vietnamese article. axe-core on the settings, the English home,
 * the English article and the coverage report.
 */
const EN_TITLE = 'Department of Home Affairs trains records and archives staff in 2026';

async function languages(t) {
	const art = await ensureArticle(t);
	const admin = await personPage(t, 'siteadmin', '/quan-tri/cai-dat', { bypassCSP: true });
	await admin.getByRole('checkbox', { name: /English/ }).check();
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu ngôn ngữ' }));
	assert.equal(path(admin), '/quan-tri/cai-dat/ngon-ngu', 'after saving the languages');
	assert.ok(await admin.getByRole('checkbox', { name: /English/ }).isChecked(), 'English is on');
	await axeClean(t, admin, 'the languages form');
	await admin.context().close();

	// the reporter who wrote the article makes its translation
	let page = await personPage(t, 'reporter', `/quan-tri/bai-viet/${art.id}`);
	const box = page.getByRole('region', { name: 'Bản dịch' });
	await clickAndWait(page, box.getByRole('button', { name: /English/ }));
	assert.match(path(page), /^\/quan-tri\/bai-viet\/\d+$/, 'the translation\'s edit page');
	const tid = Number(path(page).split('/').pop());
	assert.notEqual(tid, art.id, 'a new item');
	await mustSee(page.getByRole('region', { name: 'Bản dịch' }).getByRole('link', { name: ARTICLE.title }), 'the link to the Vietnamese article');
	await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(EN_TITLE);
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	await clickAndWait(page, actionButton(page, ACT.submit));
	assert.equal(await stateOf(page), STATE.submitted, 'the translation sent for editing');
	await page.context().close();
	page = await personPage(t, 'editor', `/quan-tri/bai-viet/${tid}`);
	await clickAndWait(page, actionButton(page, ACT.edited));
	await page.context().close();
	page = await personPage(t, 'approver', `/quan-tri/bai-viet/${tid}`, { bypassCSP: true });
	await clickAndWait(page, actionButton(page, ACT.publish));
	assert.equal(await stateOf(page), STATE.published, 'the translation published');
	await page.goto(t.site + '/quan-tri/ban-dich');
	await axeClean(t, page, 'the coverage report');
	await page.context().close();

	// a citizen
	const ctx = await t.newContext({ bypassCSP: true });
	const pub = await ctx.newPage();
	const seen = watch(pub);
	await pub.goto(t.site + '/en/');
	assert.equal(await pub.locator('html').getAttribute('lang'), 'en');
	await axeClean(t, pub, 'the English home');
	await clickAndWait(pub, pub.getByRole('link', { name: EN_TITLE }));
	assert.match(path(pub), /^\/en\/tin\//, 'the English article at its /en/ address');
	assert.equal(await pub.locator('link[rel=alternate][hreflang=vi]').count(), 1, 'hreflang vi');
	assert.equal(await pub.locator('link[rel=alternate][hreflang=x-default]').count(), 1, 'hreflang x-default');
	await axeClean(t, pub, 'the English article');
	const sw = pub.getByRole('navigation', { name: 'Language' });
	await clickAndWait(pub, sw.getByRole('link', { name: 'Tiếng Việt' }));
	assert.equal(path(pub), art.path, 'the switch lands on the Vietnamese article');
	assert.equal(await pub.locator('link[rel=alternate][hreflang=en]').count(), 1, 'hreflang en on the Vietnamese page');
	seen.assertClean('the English pages');
	await ctx.close();
}

scenarios.push(
	{ name: 'languages: an English translation made, published, read and switched (axe-core)', run: languages, timeout: 90000 },
);

/* ---------------------------------------------------------------------------------------------
 * The site's own texts per language (#16, docs/languages.md §2d): the site administrator gives
 * the site's English name and owner in the settings page's English box and saves; a citizen
 * sees them in the English header. axe-core on the settings page with its boxes, and on /en/.
 */
const EN_SITE_NAME = 'Department of Home Affairs Web Portal';

async function siteTexts(t) {
	const admin = await personPage(t, 'siteadmin', '/quan-tri/cai-dat', { bypassCSP: true });
	const english = admin.getByRole('checkbox', { name: /English/ });
	if (!(await english.isChecked())) { /* run alone: the languages scenario turns it on */
		await english.check();
		await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu ngôn ngữ' }));
		await admin.goto(t.site + '/quan-tri/cai-dat');
	}
	const box = admin.getByRole('group', { name: /English/ });
	await box.getByRole('textbox', { name: 'Tên trang', exact: true }).fill(EN_SITE_NAME);
	await box.getByRole('textbox', { name: 'Cơ quan chủ quản', exact: true }).fill('Vinh Long Provincial People\'s Committee');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu tên và thông tin theo ngôn ngữ' }));
	assert.equal(path(admin), '/quan-tri/cai-dat', 'back on the settings page');
	assert.equal(await box.getByRole('textbox', { name: 'Tên trang', exact: true }).inputValue(), EN_SITE_NAME, 'saved');
	await axeClean(t, admin, 'the settings page with the boxes per language');
	await admin.context().close();

	const ctx = await t.newContext({ bypassCSP: true });
	const pub = await ctx.newPage();
	await pub.goto(t.site + '/en/');
	assert.equal(await textOf(pub.locator('.brand-name')), EN_SITE_NAME, 'the English header names the site in English');
	await axeClean(t, pub, 'the English home with the site\'s English name');
	await ctx.close();
}

scenarios.push(
	{ name: 'site texts per language: the English name entered in the settings, shown on /en/ (axe-core)', run: siteTexts, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * Periodic reports (#17, docs/reports.md): the approver opens the report of the last closed
 * quarter from the menu, compares it with the quarter before, opens the printable page, and
 * signs the report off; a second sign-off without a reason is refused next to the field.
 * axe-core on the report, the comparison, the printable page, the signed-off report and the
 * refusal.
 */
async function periodicReports(t) {
	await ensureArticle(t); /* published this year: the year's report has something to draw */
	const page = await personPage(t, 'approver', '/quan-tri/', { bypassCSP: true });
	const seen = watch(page);
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Báo cáo định kỳ' }));
	assertPath(page, '/quan-tri/bao-cao', 'the menu leads to the reports');
	assert.match(await textOf(page.getByRole('heading', { level: 1 })), /^Báo cáo định kỳ Quý [IV]+\/\d{4} — /);
	const lastQuarter = page.url();
	await mustSee(page.getByRole('heading', { level: 2, name: 'Tin bài đã đăng theo loại thông tin' }), 'the items section');
	await axeClean(t, page, 'the periodic report');
	const year = String(new Date().getFullYear());
	await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).selectOption(year);
	await page.getByRole('checkbox', { name: 'So sánh với kỳ trước' }).check();
	await clickAndWait(page, page.getByRole('button', { name: 'Xem báo cáo' }));
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), `Báo cáo định kỳ Năm ${year} — Sở Nội vụ`);
	await mustSee(page.getByText(`So sánh với Năm ${Number(year) - 1}`).first(), 'the period compared with');
	await mustSee(page.getByRole('img', { name: /^Tin bài đã đăng theo loại thông tin/ }), 'the items\' chart');
	await axeClean(t, page, 'the periodic report compared with the previous quarter');
	await page.screenshot({ path: join(t.shots, 'cong-browser-report.png'), fullPage: true });
	await clickAndWait(page, page.getByRole('link', { name: 'Bản in' }));
	assertPath(page, '/quan-tri/bao-cao/ban-in', 'the printable page');
	await axeClean(t, page, 'the printable report');
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: join(t.shots, 'cong-browser-report-print.png'), fullPage: true });
	await page.emulateMedia({ media: 'screen' });
	await clickAndWait(page, page.getByRole('link', { name: 'Trở lại báo cáo' }));
	await mustSee(page.getByText('Kỳ báo cáo chưa kết thúc'), 'a year not over cannot be signed off');
	await page.goto(lastQuarter);
	await page.getByRole('textbox', { name: /^Ghi chú khi chốt/ }).fill('Báo cáo quý gửi Văn phòng UBND tỉnh');
	await clickAndWait(page, page.getByRole('button', { name: 'Chốt báo cáo' }));
	await mustSee(page.getByRole('status').filter({ hasText: 'Đã chốt báo cáo.' }), 'the sign-off notice');
	await mustSee(page.getByRole('link', { name: 'Bản chốt số 1' }), 'the version signed off');
	await axeClean(t, page, 'the signed-off report');
	await clickAndWait(page, page.getByRole('button', { name: 'Chốt bản đính chính' }));
	await mustSee(page.getByText('ghi rõ lý do đính chính'), 'the reason asked for next to the field');
	assert.equal(await page.getByRole('textbox', { name: /^Lý do đính chính/ }).getAttribute('aria-invalid'), 'true');
	await axeClean(t, page, 'the refused correction');
	seen.assertClean('the periodic reports');
	await page.context().close();
}

scenarios.push(
	{ name: 'periodic reports: the quarter, compared, printed, signed off, a correction refused (axe-core)', run: periodicReports, timeout: 60000 },
);

/* ---------------------------------------------------------------------------------------------
 * Visit statistics (#17, docs/visits.md): a citizen reads the article; the site administrator
 * opens "Thống kê truy cập", stores the counts now, finds the article among the most viewed and
 * turns the footer's counter on; the citizen sees the counter framed in the footer of the home
 * page. axe-core on the statistics page (with its SVG chart) and on the home page with its frame.
 */
async function visits(t) {
	const art = await ensureArticle(t);
	// a reader's browser: headless Chromium says "HeadlessChrome", which is not counted (automation)
	const ctx = await t.newContext({ bypassCSP: true, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' });
	const pub = await ctx.newPage();
	// three views by the same reader: the article stays among the most viewed whatever the
	// scenarios before it counted (a phone's User-Agent, the harness's own requests)
	for (let i = 0; i < 3; i++)
		await pub.goto(t.site + art.path);

	const admin = await personPage(t, 'siteadmin', '/quan-tri/thong-ke-truy-cap', { bypassCSP: true });
	await mustSee(admin.getByRole('heading', { name: 'Thống kê truy cập' }).first(), 'the page title');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Ghi số liệu ngay' }));
	await mustSee(admin.getByRole('status').filter({ hasText: 'Đã ghi các lượt xem' }), 'the notice of the store');
	const top = admin.getByRole('table', { name: 'Tin bài, mục được xem nhiều nhất' });
	await mustSee(top.getByRole('link', { name: ARTICLE.title }), 'the article among the most viewed');
	await mustSee(admin.locator('figure.chart svg[role=img]').first(), 'the chart of the views per day');
	await axeClean(t, admin, 'the visit statistics');
	await admin.getByRole('checkbox', { name: 'Hiện bộ đếm lượt truy cập ở chân trang' }).check();
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu cài đặt' }));
	await mustSee(admin.getByRole('status').filter({ hasText: 'Đã lưu cài đặt' }), 'the settings saved');
	assert.ok(await admin.getByRole('checkbox', { name: 'Hiện bộ đếm lượt truy cập ở chân trang' }).isChecked(), 'the counter is on');
	await admin.context().close();

	await pub.goto(t.site + '/');
	const frame = pub.frameLocator('iframe.visit-counter');
	await mustSee(frame.getByText('Lượt truy cập:'), 'the counter framed in the footer');
	await axeClean(t, pub, 'the home page with the visit counter');
	// the counter off again: the other scenarios read pages without the frame
	const off = await personPage(t, 'siteadmin', '/quan-tri/thong-ke-truy-cap', { bypassCSP: true });
	await off.getByRole('checkbox', { name: 'Hiện bộ đếm lượt truy cập ở chân trang' }).uncheck();
	await clickAndWait(off, off.getByRole('button', { name: 'Lưu cài đặt' }));
	assert.ok(!(await off.getByRole('checkbox', { name: 'Hiện bộ đếm lượt truy cập ở chân trang' }).isChecked()), 'the counter is off again');
	await off.context().close();
	await ctx.close();
}

// right after the first (which publishes the article it reads): it timed out after the whole
// suite had run (CI, twice) and passes alone; it leaves the footer's counter off again, as the
// scenarios after it expect
scenarios.splice(1, 0,
	{ name: 'visits: the statistics page, the store, the footer counter (axe-core)', run: visits, timeout: 90000 },
);

/* ---------------------------------------------------------------------------------------------
 * Obligations, requests, boards (issue #17; docs/obligations.md, docs/boards.md): the system
 * administrator sends the Sở Nội vụ a request from the main portal (first with a deadline already
 * past: the message next to the field); the site administrator of the Sở sees it, answers it, adds an
 * obligation, records the board's focal point (first with a wrong phone number); the province's
 * list of boards. axe-core on every page and on the forms with their errors.
 */
async function obligationsBoards(t) {
	const ctx = await t.newContext({ bypassCSP: true });
	const main = await ctx.newPage();
	await main.goto(t.main + '/quan-tri/yeu-cau');
	if (path(main) === '/quan-tri/dang-nhap') {
		await signIn(t, main, 'sysadmin');
		await main.goto(t.main + '/quan-tri/yeu-cau');
	}
	const due = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
	const past = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
	await main.getByLabel('Đơn vị được yêu cầu').selectOption({ label: 'Sở Nội vụ' });
	await main.getByLabel('Thông tin cần cung cấp').fill('Kết quả chỉ số cải cách hành chính năm 2026 của Sở');
	await main.getByLabel('Lý do').fill('Tổng hợp báo cáo cải cách hành chính của tỉnh');
	await main.getByLabel('Hạn cung cấp').fill(past);
	await clickAndWait(main, main.getByRole('button', { name: 'Gửi yêu cầu' }));
	await mustSee(main.locator('#due-error'), 'the message next to the deadline in the past');
	assert.equal(await main.getByLabel('Lý do').inputValue(), 'Tổng hợp báo cáo cải cách hành chính của tỉnh', 'the reason kept');
	await axeClean(t, main, 'the request form with its error');
	await main.getByLabel('Hạn cung cấp').fill(due);
	await clickAndWait(main, main.getByRole('button', { name: 'Gửi yêu cầu' }));
	await mustSee(main.getByRole('status'), 'the request sent');
	await axeClean(t, main, 'the requests sent');

	const admin = await personPage(t, 'siteadmin', '/quan-tri/yeu-cau', { bypassCSP: true });
	await clickAndWait(admin, admin.getByRole('link', { name: 'Kết quả chỉ số cải cách hành chính năm 2026 của Sở' }));
	await mustSee(admin.locator('#trang-thai').filter({ hasText: 'Đã xem' }), 'seen by the unit');
	await axeClean(t, admin, 'a request received');
	await admin.getByLabel('Trả lời').fill('Sở đã đăng kết quả trên trang, xin gửi kèm.');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Gửi trả lời' }));
	await mustSee(admin.locator('#trang-thai').filter({ hasText: 'Đã trả lời' }), 'answered');
	await axeClean(t, admin, 'a request answered');

	await admin.goto(t.site + '/quan-tri/nghia-vu');
	await axeClean(t, admin, 'the obligations');
	await admin.getByLabel('Đơn vị cung cấp').selectOption({ index: 1 });
	await admin.getByLabel('Loại thông tin').selectOption('statistics');
	await admin.getByLabel('Thông tin phải cung cấp').fill('Báo cáo thống kê công chức, viên chức');
	await admin.getByLabel('Số ngày làm việc sau khi hết kỳ').fill('10');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Thêm nghĩa vụ' }));
	await mustSee(admin.getByRole('status'), 'the obligation saved');
	await clickAndWait(admin, admin.getByRole('link', { name: 'Báo cáo thống kê công chức, viên chức' }));
	await axeClean(t, admin, 'an obligation');
	await admin.goto(t.site + '/quan-tri/nghia-vu/bao-cao');
	await axeClean(t, admin, 'the provision report');

	await admin.goto(t.site + '/quan-tri/ban-bien-tap');
	await admin.getByLabel('Họ và tên').last().fill('Đặng Văn Tâm');
	await admin.getByLabel('Đơn vị', { exact: true }).fill('Văn phòng Sở');
	await admin.getByLabel('Điện thoại').fill('không có');
	await admin.getByLabel('Thư điện tử').fill('dang.tam@example.gov.vn');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu đầu mối' }));
	await mustSee(admin.locator('#f-phone-error'), 'the message next to the phone number');
	assert.equal(await admin.locator('#f-name').inputValue(), 'Đặng Văn Tâm', 'the name kept');
	await axeClean(t, admin, 'the board page with an error');
	await admin.locator('#f-phone').fill('0270 3822 123');
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu đầu mối' }));
	await mustSee(admin.getByRole('status'), 'the focal point saved');
	await axeClean(t, admin, 'the board page');
	await admin.screenshot({ path: join(t.shots, 'cong-browser-board.png'), fullPage: true });
	await admin.context().close();

	await main.goto(t.main + '/quan-tri/ban-bien-tap/toan-tinh');
	await mustSee(main.getByRole('cell', { name: 'dang.tam@example.gov.vn' }), 'the focal point in the province\'s list');
	await axeClean(t, main, 'the province\'s boards');
	await main.screenshot({ path: join(t.shots, 'cong-browser-boards-province.png'), fullPage: true });
	await ctx.close();
}

scenarios.push(
	{ name: 'obligations, requests and boards: sent, answered, recorded (axe-core)', run: obligationsBoards, timeout: 90000 },
);

/* ---------------------------------------------------------------------------------------------
 * Royalties, nhuận bút (docs/royalties.md): the site administrator opens the royalties, adds a
 * payee (first with no name: the message next to the field), gives a published item its genre,
 * coefficient and split (first 70 % of a translation: refused), reads the period's statement with
 * its total in words and its printable page; axe-core on each admin page.
 */
async function royalties(t) {
	ensureProjects(t); // items published by the import, to give royalties to
	const page = await personPage(t, 'siteadmin', '/quan-tri/nhuan-but', { bypassCSP: true });
	assertPath(page, '/quan-tri/nhuan-but', 'the royalties page');
	await axeClean(t, page, 'nhuận bút: các kỳ');
	await page.goto(t.site + '/quan-tri/nhuan-but/the-loai');
	await axeClean(t, page, 'nhuận bút: thể loại');
	await page.goto(t.site + '/quan-tri/nhuan-but/nguoi');
	await page.locator('form.form').evaluate((f) => { f.noValidate = true; });
	await clickAndWait(page, page.getByRole('button', { name: 'Thêm người hưởng' }));
	assert.ok(await page.locator('#name-error').isVisible(), 'no name: the message next to the field');
	await axeClean(t, page, 'nhuận bút: người hưởng (báo lỗi)');
	await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
	await page.getByLabel('Đơn vị công tác').fill('Văn phòng Sở');
	await clickAndWait(page, page.getByRole('button', { name: 'Thêm người hưởng' }));
	assert.match(await textOf(page.locator('table.royalty-people')), /Nguyễn Thị Hoa/);
	await axeClean(t, page, 'nhuận bút: người hưởng');
	// a published item without a royalty yet
	await page.goto(t.site + '/quan-tri/nhuan-but');
	const item = page.locator('a[href^="/quan-tri/nhuan-but/bai/"]').first();
	assert.ok(await item.count(), 'a published item waits for its royalty');
	await clickAndWait(page, item);
	await page.locator('#genre').selectOption('5');
	await page.locator('#coef').fill('12,5');
	await page.locator('#mod_dich').fill('70');
	await page.locator('#person_0').selectOption({ label: 'Nguyễn Thị Hoa' });
	await page.locator('#share_0').fill('100');
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu' }));
	assert.ok(await page.locator('#mod_dich-error').isVisible(), 'a translation at 70 %: refused next to it');
	assert.equal(await page.locator('#coef').inputValue(), '12,5', 'the input kept');
	await axeClean(t, page, 'nhuận bút: một tin, bài (báo lỗi)');
	await page.locator('#mod_dich').fill('50');
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu' }));
	assert.match(await textOf(page.locator('[role=status]').first()), /Đã lưu/);
	// 12,5 × 234.000 × 50 % = 1.462.500 đ
	assert.match(await textOf(page.locator('main')), /1\.462\.500 đ/);
	await axeClean(t, page, 'nhuận bút: một tin, bài');
	await clickAndWait(page, page.locator('a[href^="/quan-tri/nhuan-but/ky/"]').first());
	assert.match(await textOf(page.locator('#bang-chu')), /^Một triệu/);
	await axeClean(t, page, 'nhuận bút: bảng kê của kỳ');
	await clickAndWait(page, page.getByRole('link', { name: 'Bản in' }));
	assert.match(await textOf(page.locator('main')), /Bằng chữ/);
	await axeClean(t, page, 'nhuận bút: bản in');
	await page.context().close();
}

scenarios.push(
	{ name: 'royalties: a payee, an item\'s royalty, the period\'s statement and its print (axe-core)', run: royalties, timeout: 60000 },
);
