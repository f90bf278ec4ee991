// check.mjs BASE HOST — the JSON API against its own description (issue #16): fetches
// BASE/api/v1/openapi.json with Host HOST, validates it as OpenAPI 3.1
// (@seriousme/openapi-schema-validator), then asks every path it names (a path with {id} with the
// first item its kind's list gave, when it gave one) and validates each 200 answer against the
// schema the description gives for it (ajv, JSON Schema 2020-12, with formats).
// Prints one line per check and "api-check: N checked, M failed"; exits 1 when any failed.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import http from 'node:http';

const [base, host] = process.argv.slice(2);
const samples = {}; // kind → the first id its list gave

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
console.log(`api-check: ${checked} checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
