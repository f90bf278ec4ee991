// check.mjs BASE HOST [TOKEN] — the JSON API against its own description (issue #16): fetches
// BASE/api/v1/openapi.json with Host HOST, validates it as OpenAPI 3.1
// (@seriousme/openapi-schema-validator), then asks every path it names (a path with {id} with the
// first item its kind's list gave, when it gave one) and validates each 200 answer against the
// schema the description gives for it (ajv, JSON Schema 2020-12, with formats).
// With TOKEN (an API token of HOST's site, best a reporter's: it can only make drafts), every
// write the description names is exercised too: for each kind, a write without a token (401), a
// body with an unknown field (400 naming it), a new draft from the description's example (201,
// or 400 naming the field at fault: a required file, which is an upload first), and on such a draft PATCH, PUT and the "submit" step; each answer
// is checked against the schema the description gives for its status. The library's upload
// (POST /media, the file itself as the body) is exercised apart: an image with its description
// (201), without one and a page that is no image (400 naming the field), then a draft's cover.
// Prints one line per check and "api-check: N checked, M failed"; exits 1 when any failed.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import http from 'node:http';

const [base, host, token] = process.argv.slice(2);
const samples = {}; // kind → the first id its list gave
const drafts = []; // [path, the body] of the drafts the writes made from the examples

function get(path) {
	const u = new URL(base + path);
	return new Promise((resolve, reject) => {
		http.get({ hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers: { Host: host } }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
		}).on('error', reject);
	});
}

// A write: METHOD PATH with BODY (an object, sent as JSON; a Buffer, sent as it is), with the
// token unless NOAUTH.
function send(method, path, body, noauth) {
	const u = new URL(base + path);
	const raw = Buffer.isBuffer(body);
	const data = raw ? body : Buffer.from(JSON.stringify(body));
	const headers = { Host: host, 'Content-Type': raw ? 'application/octet-stream' : 'application/json', 'Content-Length': data.length };
	if (!noauth) headers.Authorization = 'Bearer ' + token;
	return new Promise((resolve, reject) => {
		const req = http.request({ method, hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(data);
	});
}

let checked = 0, failed = 0;
function check(ok, what, detail) {
	checked++;
	if (!ok) failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : ': ' + detail}`);
}

const spec = await get('/api/v1/openapi.json');
check(spec.status === 200, 'GET /api/v1/openapi.json', `status ${spec.status}`);
const doc = JSON.parse(spec.body);
const res = await new Validator().validate(doc);
check(res.valid, 'the description is valid OpenAPI ' + doc.openapi, String(JSON.stringify(res.errors)).slice(0, 800));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'api', components: doc.components });
const schemaOf = (op, status) => {
	const ref = op.responses[status]?.content?.['application/json']?.schema?.$ref;
	return ref ? ajv.getSchema('api' + ref) : null;
};

for (const [path, item] of Object.entries(doc.paths)) {
	const op = item.get;
	if (!op) continue; // a write alone (/<kind>/{id}/actions): below, with a token
	let urls = [path];
	if (path.includes('{id}')) {
		const kind = path.split('/')[1];
		urls = samples[kind] ? [path.replace('{id}', String(samples[kind]))] : [];
	}
	for (const p of urls) {
		const r = await get('/api/v1' + (p === '/' ? '' : p));
		check(r.status === 200 && /^application\/json/.test(r.headers['content-type']), `GET ${p}`,
			`status ${r.status}, ${r.headers['content-type']}`);
		check(r.headers['access-control-allow-origin'] === '*', `GET ${p}: CORS`);
		const validate = schemaOf(op, '200');
		if (!validate) continue;
		const body = JSON.parse(r.body);
		if (!path.includes('{id}') && body.items?.length)
			samples[path.split('/')[1]] = body.items[0].id;
		const ok = validate(body);
		check(ok, `GET ${p}: the answer matches its schema`, String(JSON.stringify(validate.errors)).slice(0, 800));
	}
	if (!path.includes('{id}') && path !== '/') { // every list also says how it refuses
		const r = await get('/api/v1' + path + '?limit=1000');
		const validate = schemaOf(op, '400');
		check(r.status === 400 && validate && validate(JSON.parse(r.body)), `GET ${path}?limit=1000: 400 as described`,
			`status ${r.status} ${r.body.slice(0, 200)}`);
	}
}
// The answer R of operation OP: a status the description lists, in JSON matching its schema.
function described(op, r, what) {
	const validate = schemaOf(op, String(r.status));
	let body = null;
	try { body = JSON.parse(r.body); } catch { /* checked below */ }
	const ok = validate && body !== null && validate(body);
	check(ok, `${what}: ${r.status} as described`, validate ? String(JSON.stringify(validate.errors)).slice(0, 600) + ' ' + r.body.slice(0, 200)
		: `status ${r.status} not described: ${r.body.slice(0, 200)}`);
	return body;
}

if (token) {
	for (const [path, item] of Object.entries(doc.paths)) {
		if (!item.post || path.includes('{id}')) continue;
		if (!item.post.requestBody?.content?.['application/json']) continue; // an upload: below
		const kind = path.slice(1);
		let r = await send('POST', '/api/v1' + path, { title: 'x' }, true);
		let body = described(item.post, r, `POST ${path} without a token`);
		check(r.status === 401 && r.headers['www-authenticate']?.startsWith('Bearer'), `POST ${path} without a token: 401, WWW-Authenticate`);
		r = await send('POST', '/api/v1' + path, { no_such_field: 1 });
		body = described(item.post, r, `POST ${path} with an unknown field`);
		check(r.status === 400 && body?.error?.field === 'no_such_field', `POST ${path} with an unknown field: 400 names it`, r.body.slice(0, 200));
		// the description's own example of the body, with a title of ours
		const example = doc.components.schemas[kind + '_input']?.examples?.[0];
		check(example && ajv.validate(doc.components.schemas[kind + '_input'], example), `${kind}_input: its example matches its schema`);
		r = await send('POST', '/api/v1' + path, { ...example, title: 'Thử API: ' + kind });
		body = described(item.post, r, `POST ${path} with the description's example`);
		check(r.status === 201 || (r.status === 400 && body?.error?.field), `POST ${path} with the example: a draft, or the field at fault named`, r.body.slice(0, 200));
		if (r.status !== 201) continue;
		const id = body.id, one = doc.paths[path + '/{id}'], act = doc.paths[path + '/{id}/actions'];
		drafts.push([path, { ...example, title: 'Thử API (ảnh): ' + kind }]);
		check(body.state === 'draft' && r.headers.location === `/api/v1/${kind}/${id}`, `POST ${path}: a draft, and its address`, r.body.slice(0, 200));
		r = await send('PATCH', `/api/v1${path}/${id}`, { summary: 'Tóm tắt qua API' });
		body = described(one.patch, r, `PATCH ${path}/${id}`);
		check(r.status === 200 && body.summary === 'Tóm tắt qua API' && body.title === 'Thử API: ' + kind, `PATCH ${path}/${id}: the summary changed, the title kept`);
		r = await send('PUT', `/api/v1${path}/${id}`, { ...example, title: 'Thử API (thay): ' + kind, summary: undefined });
		body = described(one.put, r, `PUT ${path}/${id}`);
		check(r.status === 200 && body.summary === '', `PUT ${path}/${id}: what it leaves out is emptied`, r.body.slice(0, 200));
		r = await send('POST', `/api/v1${path}/${id}/actions`, { action: 'submit' });
		body = described(act.post, r, `POST ${path}/${id}/actions submit`);
		check(r.status === 200 && body.workflow_state === 'submitted', `POST ${path}/${id}/actions: submitted`, r.body.slice(0, 200));
		r = await send('POST', `/api/v1${path}/${id}/actions`, { action: 'no-such-step' });
		described(act.post, r, `POST ${path}/${id}/actions with an unknown step`);
	}
}
if (token) {
	// the library's upload: a 1×1 PNG (its bytes, base64), then a new draft's cover
	const up = doc.paths['/media']?.post;
	check(up?.requestBody?.content?.['application/octet-stream'], 'POST /media: the body is the file');
	if (up) {
		const pngBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
		let r = await send('POST', '/api/v1/media?name=x.png', pngBytes);
		described(up, r, 'POST /media, an image without its description');
		check(r.status === 400 && JSON.parse(r.body).error?.field === 'alt', 'POST /media without alt: 400 names it', r.body.slice(0, 200));
		r = await send('POST', '/api/v1/media?name=x.png&alt=Th%E1%BB%AD', Buffer.from('<html>no image</html>'));
		described(up, r, 'POST /media, a page for an image');
		check(r.status === 400 && JSON.parse(r.body).error?.field === 'file', 'POST /media, a page: 400 names the file', r.body.slice(0, 200));
		r = await send('POST', '/api/v1/media?name=x.png&alt=Th%E1%BB%AD', pngBytes, true);
		described(up, r, 'POST /media without a token');
		r = await send('POST', '/api/v1/media?name=x.png&alt=Th%E1%BB%AD', pngBytes);
		const m = described(up, r, 'POST /media, an image');
		check(r.status === 201 && m?.kind === 'image', 'POST /media: 201, an image', r.body.slice(0, 200));
		// a new draft, as one made above, with it as its cover
		if (m?.id && drafts.length) {
			const [p, example] = drafts[0];
			r = await send('POST', `/api/v1${p}`, { ...example, cover_id: m.id, cover_alt: 'Thử' });
			const body = described(doc.paths[p].post, r, `POST ${p} with a cover`);
			check(r.status === 201 && body?.cover_id === m.id, `POST ${p}: the cover named`, r.body.slice(0, 200));
		}
	}
}
console.log(`api-check: ${checked} checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
