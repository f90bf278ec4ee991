// scenarios.mjs — the browser scenarios run by run.mjs, in order. Each one asserts what a person
// sees on the page. Later scenarios use the article the first one publishes; when it did not get
// that far, they make what they need themselves (ensureArticle), so each can pass or fail alone.
import assert from 'node:assert/strict';
import { join } from 'node:path';

/* A 2x2 RGB PNG (red and gold), the cover image the editor uploads. */
const COVER_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGM4IaD3/ywDA4QCAChqBaV5XDJ0AAAAAElFTkSuQmCC',
	'base64');

const USERNAME = 'bientap';
const CATEGORY = 'Tin hoạt động';
const ARTICLE = {
	title: 'Sở Nội vụ tập huấn nghiệp vụ văn thư, lưu trữ năm 2026',
	summary: 'Sáng 15/3, Sở Nội vụ tổ chức lớp tập huấn cho gần 200 cán bộ, công chức làm công tác văn thư, lưu trữ trên địa bàn tỉnh.',
	paragraphs: [
		'Phát biểu khai mạc, đồng chí Giám đốc Sở nhấn mạnh vai trò của công tác văn thư, lưu trữ trong chuyển đổi số của các cơ quan nhà nước.',
		'Tại lớp tập huấn, học viên được hướng dẫn lập hồ sơ điện tử, ký số văn bản và nộp lưu hồ sơ vào Lưu trữ lịch sử tỉnh.',
	],
	coverAlt: 'Quang cảnh lớp tập huấn nghiệp vụ văn thư, lưu trữ tại hội trường Sở Nội vụ',
};
const REQUIRED_MSG = 'Vui lòng nhập thông tin này.';

/* ---------------------------------------------------------------------------------------------
 * Helpers
 */

function path(page) {
	const u = new URL(page.url());
	return u.pathname;
}

function assertPath(page, want, what) {
	assert.equal(path(page), want, `${what || 'page'}: expected to be at ${want}, but the browser shows ${page.url()}`);
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

const warnedFavicon = new Set();

/* Records what a person would notice as broken: failed images/styles, console errors, CSP blocks. */
function watch(page) {
	const problems = [];
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
		// A form sent back with 422 is the page itself, not something broken on it.
		if (/Failed to load resource/.test(m.text()) && at === page.url())
			return;
		// The browser asks for /favicon.ico by itself when a page names no icon.
		if (/Failed to load resource/.test(m.text()) && new URL(at || 'http://x/').pathname === '/favicon.ico') {
			if (!warnedFavicon.has(new URL(page.url()).pathname)) {
				warnedFavicon.add(new URL(page.url()).pathname);
				console.log(`# warning: ${new URL(page.url()).pathname} names no icon, so the browser's /favicon.ico request gets 404`);
			}
			return;
		}
		problems.push(`console: ${m.text()}${at ? ` (${at})` : ''}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return {
		problems,
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

/* Signs in on the sign-in page PAGE shows; changes a one-time password when asked (only when an
 * earlier scenario did not). Leaves PAGE on the admin. */
async function signIn(t, page) {
	await page.getByLabel('Tên đăng nhập').fill(USERNAME);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(t.state.password);
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng nhập' }));
	assert.notEqual(path(page), '/quan-tri/dang-nhap',
		`sign-in refused: ${await textOf(page.locator('main')).catch(() => '?')}`);
	if (path(page) === '/quan-tri/doi-mat-khau') {
		await page.getByLabel('Mật khẩu hiện tại').fill(t.state.password);
		await page.getByLabel('Mật khẩu mới', { exact: true }).fill(t.state.newPassword);
		await page.getByLabel('Nhập lại mật khẩu mới').fill(t.state.newPassword);
		await clickAndWait(page, page.getByRole('button', { name: 'Đổi mật khẩu' }));
		assertPath(page, '/quan-tri/', 'after changing the password');
		t.state.password = t.state.newPassword;
	}
}

/* A page of a fresh, signed-in editor's browser, at PATH of the admin. */
async function adminPage(t, adminPath = '/quan-tri/', options = {}) {
	const ctx = await t.newContext(options);
	const page = await ctx.newPage();
	await page.goto(t.site + '/quan-tri/dang-nhap');
	await signIn(t, page);
	if (adminPath !== path(page))
		await page.goto(t.site + adminPath);
	return page;
}

/* The category and the published article the scenarios read, made through the admin when the
 * first scenario did not leave them. */
async function ensureArticle(t) {
	if (t.state.article)
		return t.state.article;
	const page = await adminPage(t, '/quan-tri/chuyen-muc');
	if (!t.state.category) {
		if (!(await page.locator('table.list td', { hasText: CATEGORY }).count())) {
			await page.getByLabel('Tên chuyên mục').fill(CATEGORY);
			await clickAndWait(page, page.getByRole('button', { name: 'Lưu chuyên mục' }));
		}
		const link = page.locator('table.list tr', { hasText: CATEGORY }).locator('a').first();
		t.state.category = { name: CATEGORY, path: await link.getAttribute('href') };
	}
	await page.goto(t.site + '/quan-tri/bai-viet/moi');
	await page.getByLabel('Tiêu đề').fill(ARTICLE.title);
	await page.getByLabel('Chuyên mục').selectOption({ label: CATEGORY });
	await page.getByLabel('Tóm tắt').fill(ARTICLE.summary);
	await page.getByLabel('Nội dung').fill(ARTICLE.paragraphs.join('\n\n'));
	await page.locator('#cover').setInputFiles({ name: 'anh-bia.png', mimeType: 'image/png', buffer: COVER_PNG });
	await page.getByLabel(/Mô tả ảnh/).fill(ARTICLE.coverAlt);
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu và xuất bản' }));
	const view = page.getByRole('link', { name: 'Xem trên trang' });
	assert.ok(await view.isVisible(), 'fallback: the article was not published');
	t.state.article = { path: await view.getAttribute('href') };
	await page.context().close();
	return t.state.article;
}

/* Runs axe-core on PAGE (opened in a context made with bypassCSP, so the script can be injected
 * into pages whose CSP says script-src 'self'). Returns the violations, simplified. */
async function axe(t, page) {
	await page.addScriptTag({ content: t.axeSource });
	const res = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
			target: v.nodes[0] ? v.nodes[0].target.join(' ') : '',
			html: v.nodes[0] ? v.nodes[0].html.slice(0, 160) : '',
			summary: v.nodes[0] ? (v.nodes[0].failureSummary || '').replace(/\s+/g, ' ').slice(0, 200) : '',
		}));
	});
	return res;
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

/* ---------------------------------------------------------------------------------------------
 * 1. An editor's day
 */
async function editorsDay(t) {
	const ctx = await t.newContext();
	const page = await ctx.newPage();
	const seen = watch(page);

	// The admin address leads to the sign-in page, which remembers where the editor was going.
	await page.goto(t.site + '/quan-tri/');
	assertPath(page, '/quan-tri/dang-nhap', 'opening /quan-tri/ without signing in');
	assert.equal(new URL(page.url()).searchParams.get('tiep'), '/quan-tri/', 'the sign-in page does not keep the way back');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đăng nhập');
	assert.match(await page.title(), /Đăng nhập - Quản trị Sở Nội vụ/);

	// Sign in with the one-time password.
	await page.getByLabel('Tên đăng nhập').click();
	await page.keyboard.type(USERNAME);
	await page.getByLabel('Mật khẩu', { exact: true }).click();
	await page.keyboard.type(t.state.password);
	await clickAndWait(page, page.getByRole('button', { name: 'Đăng nhập' }));
	assertPath(page, '/quan-tri/doi-mat-khau', 'a one-time password must be changed first');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Đổi mật khẩu');
	await mustSee(page.getByText('lần đăng nhập đầu tiên với mật khẩu dùng một lần'), 'the one-time password notice');
	// The admin cannot be reached before the change.
	await page.goto(t.site + '/quan-tri/bai-viet/moi');
	assertPath(page, '/quan-tri/doi-mat-khau', 'the article form before the password change');

	// A weak new password: refused, with the Vietnamese reason under the field.
	await page.getByLabel('Mật khẩu hiện tại').fill(t.state.password);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhaumoi');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('matkhaumoi');
	let resp = await clickAndWait(page, page.getByRole('button', { name: 'Đổi mật khẩu' }));
	assert.equal(resp.status(), 422, 'a weak password should be refused with 422');
	assertPath(page, '/quan-tri/doi-mat-khau');
	await assertFieldError(page, 'new_password', 'Mật khẩu phải có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.');
	await mustSee(page.locator('.error-summary[role=alert]'), 'the error summary');

	// A good one.
	await page.getByLabel('Mật khẩu hiện tại').fill(t.state.password);
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill(t.state.newPassword);
	await page.getByLabel('Nhập lại mật khẩu mới').fill(t.state.newPassword);
	await clickAndWait(page, page.getByRole('button', { name: 'Đổi mật khẩu' }));
	assertPath(page, '/quan-tri/', 'after a good new password');
	t.state.password = t.state.newPassword;
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã đổi mật khẩu.');
	assert.match(await textOf(page.locator('.admin-user')), /Nguyễn Thị Lan · Trưởng\/Phó Ban Biên tập/);
	await mustSee(page.getByText('Trang chưa có bài viết nào.'), 'the empty list');

	// A category.
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Chuyên mục' }));
	assertPath(page, '/quan-tri/chuyen-muc');
	await page.getByLabel('Tên chuyên mục').click();
	await page.keyboard.type(CATEGORY);
	await clickAndWait(page, page.getByRole('button', { name: 'Lưu chuyên mục' }));
	assertPath(page, '/quan-tri/chuyen-muc', 'after saving the category');
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã lưu.');
	const row = page.locator('table.list tbody tr', { hasText: CATEGORY });
	assert.equal(await row.count(), 1, `the category list does not show "${CATEGORY}" once`);
	const catPath = await row.locator('a').first().getAttribute('href');
	assert.match(catPath, /^\/chuyen-muc\//, 'the category link');
	assert.match(await textOf(row.locator('a').first()), /^tin-hoat-dong$/, 'the slug made from the name');
	t.state.category = { name: CATEGORY, path: catPath };

	// A new article, typed in.
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Viết bài mới' }));
	assertPath(page, '/quan-tri/bai-viet/moi');
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Viết bài mới');
	assert.equal(await page.getByLabel('Tác giả', { exact: true }).inputValue(), 'Nguyễn Thị Lan', 'the author is pre-filled');
	await page.getByLabel('Tiêu đề').click();
	await page.keyboard.type(ARTICLE.title);
	await page.getByLabel('Chuyên mục').selectOption({ label: CATEGORY });
	await page.getByLabel('Tóm tắt').click();
	await page.keyboard.type(ARTICLE.summary);
	await page.getByLabel('Nội dung').click();
	await page.keyboard.type(ARTICLE.paragraphs[0]);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	await page.keyboard.type(ARTICLE.paragraphs[1]);
	await page.getByLabel(/^Tải ảnh lên/).setInputFiles({ name: 'anh-tap-huan.png', mimeType: 'image/png', buffer: COVER_PNG });
	await page.getByLabel(/^Mô tả ảnh/).fill(ARTICLE.coverAlt);
	await page.getByLabel('Tin nổi bật trên trang chủ').check();
	resp = await clickAndWait(page, page.getByRole('button', { name: 'Lưu và xuất bản' }));
	assert.equal(resp.status(), 200, `saving the article: status ${resp.status()}: ${await textOf(page.locator('main')).catch(() => '')}`);
	assert.match(path(page), /^\/quan-tri\/bai-viet\/\d+$/, `after publishing the browser is at ${page.url()}`);
	assert.equal(await textOf(page.getByRole('heading', { level: 1 })), 'Sửa bài viết');
	assert.equal(await textOf(page.locator('p.notice[role=status]')), 'Đã lưu.');
	assert.match(await textOf(page.locator('.status-line')), /Trạng thái: Đã xuất bản/);
	assert.equal(await page.getByLabel('Tiêu đề').inputValue(), ARTICLE.title);
	assert.equal(await page.getByLabel('Nội dung').inputValue(), ARTICLE.paragraphs.join('\n\n'));
	assert.ok(await page.getByLabel('Tin nổi bật trên trang chủ').isChecked(), '"Tin nổi bật" is not ticked after saving');
	const preview = page.locator('.cover-preview img');
	assert.equal(await preview.getAttribute('alt'), ARTICLE.coverAlt, 'the cover preview');
	assert.ok(await preview.evaluate((i) => i.complete && i.naturalWidth > 0), 'the cover preview image does not load');
	const view = page.getByRole('link', { name: 'Xem trên trang' });
	const articlePath = await view.getAttribute('href');
	assert.match(articlePath, /^\/tin\//, 'the "Xem trên trang" link');
	t.state.article = { path: articlePath };
	await page.screenshot({ path: join(t.shots, 'cong-browser-admin-form.png'), fullPage: true });

	// The list shows it, published and featured.
	await clickAndWait(page, page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Bài viết' }));
	const listRow = page.locator('table.list tbody tr', { hasText: ARTICLE.title });
	assert.equal(await listRow.count(), 1, 'the article is not in the admin list');
	assert.match(await textOf(listRow), /Nổi bật/, 'the list row has no "Nổi bật" badge');
	assert.match(await textOf(listRow), /Đã xuất bản/);
	assert.match(await textOf(listRow), new RegExp(CATEGORY));
	seen.assertClean('admin pages');

	// A citizen: a new browser, no cookies.
	const citizen = await t.newContext();
	const pub = await citizen.newPage();
	const pubSeen = watch(pub);
	await pub.goto(t.site + '/');
	assert.match(await pub.title(), /Sở Nội vụ/);
	const featured = pub.locator('section.featured');
	await mustSee(featured.getByRole('link', { name: ARTICLE.title }), 'the article among the featured news of the home page');
	await mustSee(pub.locator('section.latest').getByRole('link', { name: ARTICLE.title }), 'the article in "Tin mới nhất"');
	const card = featured.locator('article.card', { hasText: ARTICLE.title });
	assert.equal(await card.locator('img').getAttribute('alt'), ARTICLE.coverAlt, 'the home card image alt');
	await mustSee(pub.getByRole('navigation', { name: 'Danh mục chính' }).getByRole('link', { name: CATEGORY }), 'the category in the main menu');
	await mustSee(pub.getByText('banbientap@snv.vinhlong.gov.vn'), 'the site e-mail in the footer');
	await clickAndWait(pub, featured.getByRole('link', { name: ARTICLE.title }));
	assertPath(pub, articlePath, 'following the article link');
	assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), ARTICLE.title);
	assert.match(await pub.title(), new RegExp(`^${ARTICLE.title} - Sở Nội vụ`));
	assert.equal(await textOf(pub.locator('.article-summary')), ARTICLE.summary);
	const paras = pub.locator('.article-body p');
	assert.deepEqual((await paras.allTextContents()).map((s) => s.trim()), ARTICLE.paragraphs, 'the article body paragraphs');
	for (let i = 0; i < 2; i++)
		assert.ok(await paras.nth(i).isVisible(), `paragraph ${i + 1} is not visible`);
	const cover = pub.getByRole('img', { name: ARTICLE.coverAlt });
	assert.ok(await cover.isVisible(), 'the cover image with its alt text is not visible');
	assert.ok(await cover.evaluate((i) => i.complete && i.naturalWidth > 0), 'the cover image does not load');
	const crumbs = pub.getByRole('navigation', { name: 'Đường dẫn' });
	assert.deepEqual((await crumbs.locator('li').allTextContents()).map((s) => s.trim()), ['Trang chủ', CATEGORY, ARTICLE.title], 'breadcrumbs');
	assert.equal(await crumbs.getByRole('link', { name: CATEGORY }).getAttribute('href'), catPath, 'the category crumb link');
	assert.equal(await crumbs.locator('[aria-current=page]').textContent(), ARTICLE.title, 'the current crumb');
	assert.match(await textOf(pub.locator('.article-author')), /Nguyễn Thị Lan/);
	await pub.screenshot({ path: join(t.shots, 'cong-browser-article.png'), fullPage: true });

	// The print view.
	await clickAndWait(pub, pub.getByRole('link', { name: 'Bản in' }));
	assertPath(pub, `${articlePath}/ban-in`, 'the print link');
	assert.equal(await textOf(pub.getByRole('heading', { level: 1 })), ARTICLE.title);
	assert.deepEqual((await pub.locator('.article-body p').allTextContents()).map((s) => s.trim()), ARTICLE.paragraphs, 'the print view paragraphs');
	assert.ok(await pub.getByRole('img', { name: ARTICLE.coverAlt }).isVisible(), 'the print view cover');
	assert.match(await textOf(pub.locator('.print-head')), /Sở Nội vụ/);
	assert.equal(await pub.getByRole('link', { name: /Quay lại bài viết/ }).getAttribute('href'), articlePath);
	assert.match(await textOf(pub.locator('.print-foot')), new RegExp(`Địa chỉ bài viết: http://snv\\.localhost:\\d+${articlePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
	await pub.screenshot({ path: join(t.shots, 'cong-browser-print.png'), fullPage: true });
	pubSeen.assertClean('public pages');
}

/* ---------------------------------------------------------------------------------------------
 * 2. A form error keeps what was typed
 */
async function formErrorKeepsInput(t) {
	const page = await adminPage(t, '/quan-tri/bai-viet/moi');
	assertPath(page, '/quan-tri/bai-viet/moi');
	const title = 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025';
	const summary = 'Tóm tắt: ghi nhận những đơn vị tiêu biểu, đề ra phương hướng năm mới.';
	await page.getByLabel('Tiêu đề').fill(title);
	await page.getByLabel('Tóm tắt').fill(summary);

	// The browser itself stops the form first: the category <select> is required.
	const posts = [];
	page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
	await page.getByRole('button', { name: 'Lưu', exact: true }).click();
	await page.waitForTimeout(300);
	assert.deepEqual(posts, [], 'the browser sent the form although the required category is empty');
	assert.ok(await page.locator('#category_id').evaluate((s) => s.validity.valueMissing), 'the empty category is not flagged by the browser');

	// The server's check (what a browser without form validation gets): messages at the fields.
	await page.locator('form.form').first().evaluate((f) => { f.noValidate = true; });
	const resp = await clickAndWait(page, page.getByRole('button', { name: 'Lưu', exact: true }));
	assert.equal(resp.status(), 422, 'an incomplete article should come back with 422');
	assertPath(page, '/quan-tri/bai-viet/moi', 'the form with errors');
	await mustSee(page.locator('.error-summary[role=alert]'), 'the error summary at the top');
	assert.match(await textOf(page.locator('.error-summary')), /Thông tin chưa hợp lệ/);
	await assertFieldError(page, 'body', REQUIRED_MSG);
	await assertFieldError(page, 'category_id', REQUIRED_MSG);
	assert.equal(await page.locator('#title-error').count(), 0, 'the title was given, yet it has an error');
	assert.equal(await page.getByLabel('Tiêu đề').inputValue(), title, 'the typed title is lost');
	assert.equal(await page.getByLabel('Tóm tắt').inputValue(), summary, 'the typed summary is lost');
	assert.equal(await page.getByLabel('Tác giả', { exact: true }).inputValue(), 'Nguyễn Thị Lan', 'the author is lost');
	assert.equal(await page.getByLabel('Chuyên mục').inputValue(), '', 'the category should still be unchosen');

	// Nothing was saved.
	await page.goto(t.site + '/quan-tri/');
	assert.equal(await page.locator('table.list tbody tr', { hasText: title }).count(), 0, 'the invalid article was saved anyway');
}

/* ---------------------------------------------------------------------------------------------
 * 3. Accessibility (axe-core)
 */
async function accessibility(t) {
	const art = await ensureArticle(t);
	if (!t.state.category)
		throw new Error('no category known');
	const pub = await t.newContext({ bypassCSP: true });
	const pages = [
		['trang chủ (Sở Nội vụ)', pub, t.site + '/'],
		['trang chủ (cổng chính)', pub, t.main + '/'],
		['chuyên mục', pub, t.site + t.state.category.path],
		['bài viết', pub, t.site + art.path],
		['bản in', pub, t.site + art.path + '/ban-in'],
		['đăng nhập', pub, t.site + '/quan-tri/dang-nhap'],
	];
	const failures = [];
	let checked = 0, warnings = 0;
	const check = async (name, page) => {
		const vs = await axe(t, page);
		checked++;
		warnings += vs.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').length;
		for (const v of vs) {
			const bad = v.impact === 'serious' || v.impact === 'critical';
			t.warn(`axe ${bad ? 'VIOLATION' : 'warning'} [${name}] ${v.id} (${v.impact}) ×${v.count} at ${v.target} — ${v.help}; ${v.html}`);
			if (bad)
				failures.push(`${name}: ${v.id} (${v.impact}) at ${v.target}`);
		}
	};
	for (const [name, ctx, url] of pages) {
		const page = await ctx.newPage();
		const r = await page.goto(url);
		assert.equal(r.status(), 200, `${name}: ${url} answered ${r.status()}`);
		await check(name, page);
		await page.close();
	}
	const admin = await adminPage(t, '/quan-tri/bai-viet/moi', { bypassCSP: true });
	await check('form bài viết mới', admin);
	await admin.locator('form.form').first().evaluate((f) => { f.noValidate = true; });
	await clickAndWait(admin, admin.getByRole('button', { name: 'Lưu', exact: true }));
	assert.ok(await admin.locator('.field-error').first().isVisible(), 'the form did not come back with errors');
	await check('form bài viết (báo lỗi)', admin);
	t.warn(`axe-core: ${checked} pages checked, ${failures.length} serious/critical, ${warnings} moderate/minor`);
	assert.deepEqual(failures, [], `serious/critical: ${failures.join('; ')}`);
}

/* ---------------------------------------------------------------------------------------------
 * 4. Phone, without JavaScript
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
	seen.assertClean('phone pages');
}

export const scenarios = [
	{ name: 'editor publishes an article and a citizen reads it', run: editorsDay, timeout: 30000 },
	{ name: 'article form error keeps the typed input', run: formErrorKeepsInput },
	{ name: 'accessibility (axe-core) of public and admin pages', run: accessibility },
	{ name: 'phone layout and menu without JavaScript', run: phone },
];
