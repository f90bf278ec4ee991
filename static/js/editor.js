/* Cổng — rich-text editor for the admin article form.
 *
 * Loaded at the end of the page, after TinyMCE itself:
 *   <script src="/static/vendor/tinymce/tinymce.min.js"></script>
 *   <script src="/static/js/editor.js"></script>
 *
 * Turns every <textarea data-editor="rich"> into a TinyMCE 6 editor. Without JavaScript (or if
 * TinyMCE did not load) the textarea stays as it is and the server takes plain-text paragraphs.
 *
 * Attributes read from the textarea:
 *   data-editor="rich"          required; marks the field
 *   data-upload-url="/…"        where images are POSTed (multipart, field "file"); no upload tab
 *                               without it
 *   data-csrf="…"               CSRF token sent as form field "csrf" with each upload (falls back
 *                               to the form's <input name="csrf">)
 *   aria-describedby="…"       kept: the editing area is described by the same elements; one
 *                               of them with data-rich-hint="…" gets that text once the editor
 *                               runs (its own text is for the plain textarea)
 *   data-format-field="NAME"    optional: adds <input type="hidden" name="NAME" value="html"> to
 *                               the form once the editor is running, so the server can tell an
 *                               HTML body from a plain-text one
 *   required                    kept as meaning: checked here on submit (the attribute itself is
 *                               removed, the browser cannot validate a hidden field)
 *
 * Everything is self-hosted: base_url /static/vendor/tinymce, no cloud, no API key, no language
 * pack download (TinyMCE 6 ships none for Vietnamese; the strings below are our own), and nothing
 * is written as an inline <style> or style="" so the page's CSP needs no 'unsafe-inline' (one
 * exception inside TinyMCE itself, harmless: see editor-content.css, span[data-mce-bogus]).
 *
 * Plain ES2017, no build step.
 */
(function () {
	'use strict';

	if (typeof window.tinymce === 'undefined' || !document.querySelector)
		return; /* TinyMCE missing: the plain textarea stays */

	var tinymce = window.tinymce;
	var BASE = '/static/vendor/tinymce';

	/* ------------------------------------------------------------------ Vietnamese UI strings */
	/* TinyMCE 6.8 ships no language packs in its npm package; registering 'vi' here keeps it from
	 * trying to load langs/vi.js. Strings not listed fall back to English. */
	tinymce.addI18n('vi', {
		/* toolbar */
		'Undo': 'Hoàn tác',
		'Redo': 'Làm lại',
		'Blocks': 'Kiểu đoạn',
		'Block {0}': 'Kiểu đoạn {0}',
		'Formats': 'Định dạng',
		'Paragraph': 'Đoạn văn',
		'Bold': 'Đậm',
		'Italic': 'Nghiêng',
		'Underline': 'Gạch chân',
		'Strikethrough': 'Gạch ngang',
		'Subscript': 'Chỉ số dưới',
		'Superscript': 'Chỉ số trên',
		'Bullet list': 'Danh sách dấu chấm',
		'Numbered list': 'Danh sách đánh số',
		'Insert/edit link': 'Chèn/sửa liên kết',
		'Insert/edit image': 'Chèn/sửa ảnh',
		'Table': 'Bảng',
		'Blockquote': 'Trích dẫn',
		'Clear formatting': 'Xoá định dạng',
		'Source code': 'Mã nguồn HTML',
		'Source Code': 'Mã nguồn HTML',
		'Reveal or hide additional toolbar items': 'Hiện hoặc ẩn các nút công cụ khác',
		'More...': 'Thêm...',
		'Increase indent': 'Tăng thụt lề',
		'Decrease indent': 'Giảm thụt lề',
		'Horizontal line': 'Đường kẻ ngang',

		/* editor area, status bar */
		'Rich Text Area': 'Vùng soạn thảo',
		'Rich Text Area. Press ALT-0 for help.': 'Vùng soạn thảo. Nhấn Alt+F10 để tới thanh công cụ.',
		'Rich Text Area. Press ALT-F9 for menu. Press ALT-F10 for toolbar. Press ALT-0 for help': 'Vùng soạn thảo. Nhấn Alt+F10 để tới thanh công cụ.',
		'Editor toolbar': 'Thanh công cụ soạn thảo',
		'Text color': 'Màu chữ',
		'Resize': 'Đổi kích thước',
		'Press the Up and Down arrow keys to resize the editor.': 'Nhấn phím mũi tên lên, xuống để đổi chiều cao vùng soạn thảo.',
		'Press the arrow keys to resize the editor.': 'Nhấn các phím mũi tên để đổi kích thước vùng soạn thảo.',
		'Select to activate': 'Chọn để kích hoạt',
		'Press {0} to activate': 'Nhấn {0} để kích hoạt',
		'Element path': 'Đường dẫn phần tử',
		'Loading...': 'Đang tải...',
		'Close': 'Đóng',
		'Your browser doesn\'t support direct access to the clipboard. Please use the Ctrl+X/C/V keyboard shortcuts instead.': 'Trình duyệt không cho truy cập trực tiếp bộ nhớ tạm. Hãy dùng phím Ctrl+X/C/V.',

		/* dialogs, common */
		'Save': 'Lưu',
		'Cancel': 'Huỷ',
		'Ok': 'Đồng ý',
		'OK': 'Đồng ý',
		'Yes': 'Có',
		'No': 'Không',
		'General': 'Chung',
		'Advanced': 'Nâng cao',
		'Title': 'Tiêu đề',
		'Width': 'Rộng',
		'Height': 'Cao',
		'Dimensions': 'Kích thước',
		'Constrain proportions': 'Giữ nguyên tỉ lệ',
		'Upload': 'Tải lên',
		'Browse for an image': 'Chọn ảnh trong máy',
		'Browse files': 'Chọn tệp',
		'Drop an image here': 'Thả ảnh vào đây',
		'Or': 'Hoặc',
		'Drop files here': 'Thả tệp vào đây',
		'Empty': 'Trống',
		'Invalid': 'Không hợp lệ',
		'Valid': 'Hợp lệ',

		/* link */
		'Insert/Edit Link': 'Chèn/sửa liên kết',
		'Link': 'Liên kết',
		'Link...': 'Liên kết...',
		'URL': 'Địa chỉ (URL)',
		'Text to display': 'Chữ hiển thị',
		'Open link': 'Mở liên kết',
		'Open link in...': 'Mở liên kết trong...',
		'Remove link': 'Bỏ liên kết',
		'Link list': 'Danh sách liên kết',
		'Anchors': 'Neo',
		'Headings': 'Tiêu đề',
		'Bookmarks': 'Dấu trang',
		'None': 'Không',
		'The URL you entered seems to be an email address. Do you want to add the required mailto: prefix?': 'Địa chỉ vừa nhập có vẻ là địa chỉ thư điện tử. Thêm tiền tố mailto: vào trước?',
		'The URL you entered seems to be an external link. Do you want to add the required http:// prefix?': 'Địa chỉ vừa nhập có vẻ là liên kết ra ngoài. Thêm tiền tố http:// vào trước?',
		'The URL you entered seems to be an external link. Do you want to add the required https:// prefix?': 'Địa chỉ vừa nhập có vẻ là liên kết ra ngoài. Thêm tiền tố https:// vào trước?',

		/* image */
		'Insert/Edit Image': 'Chèn/sửa ảnh',
		'Image': 'Ảnh',
		'Image...': 'Ảnh...',
		'Source': 'Nguồn ảnh (URL)',
		'Alternative description': 'Mô tả ảnh (bắt buộc)',
		'Image title': 'Tiêu đề ảnh',
		'Show caption': 'Hiện chú thích dưới ảnh',
		'Caption': 'Chú thích',
		'Image list': 'Danh sách ảnh',
		'Image uploading...': 'Đang tải ảnh lên...',
		'Failed to upload image': 'Không tải được ảnh lên',
		'Failed to upload image: {0}': 'Không tải được ảnh lên: {0}',

		/* table */
		'Insert table': 'Chèn bảng',
		'Table properties': 'Thuộc tính bảng',
		'Delete table': 'Xoá bảng',
		'Table caption': 'Tiêu đề bảng',
		'Row header': 'Ô tiêu đề của hàng',
		'Column header': 'Ô tiêu đề của cột',
		'Cell': 'Ô',
		'Row': 'Hàng',
		'Column': 'Cột',
		'Cell properties': 'Thuộc tính ô',
		'Row properties': 'Thuộc tính hàng',
		'Merge cells': 'Gộp ô',
		'Split cell': 'Tách ô',
		'Insert row before': 'Chèn hàng phía trên',
		'Insert row after': 'Chèn hàng phía dưới',
		'Delete row': 'Xoá hàng',
		'Cut row': 'Cắt hàng',
		'Copy row': 'Chép hàng',
		'Paste row before': 'Dán hàng phía trên',
		'Paste row after': 'Dán hàng phía dưới',
		'Insert column before': 'Chèn cột bên trái',
		'Insert column after': 'Chèn cột bên phải',
		'Delete column': 'Xoá cột',
		'Cut column': 'Cắt cột',
		'Copy column': 'Chép cột',
		'Paste column before': 'Dán cột bên trái',
		'Paste column after': 'Dán cột bên phải',
		'{0} columns, {1} rows': '{0} cột, {1} hàng',
		'Rows': 'Số hàng',
		'Cols': 'Số cột',
		'Header row': 'Hàng tiêu đề',
		'Header column': 'Cột tiêu đề',
		'Cell type': 'Loại ô',
		'Header cell': 'Ô tiêu đề',
		'Scope': 'Phạm vi',
		'Row type': 'Loại hàng',
		'Header': 'Đầu bảng',
		'Body': 'Thân bảng',
		'Footer': 'Chân bảng',
		'Alignment': 'Căn lề',
		'H Align': 'Căn ngang',
		'V Align': 'Căn dọc',
		'Left': 'Trái',
		'Center': 'Giữa',
		'Right': 'Phải',
		'Top': 'Trên',
		'Middle': 'Giữa',
		'Bottom': 'Dưới',
		'Cell spacing': 'Khoảng cách ô',
		'Cell padding': 'Lề trong ô',
		'Border width': 'Độ dày viền',

		/* source code */
		'Paste your embed code below:': 'Dán mã nhúng vào dưới đây:'
	});

	/* ------------------------------------------------------------------ helpers */
	var ALLOWED =
		'p,br,h2,h3,h4,strong/b,em/i,u,s/strike,sub,sup,blockquote,ul,ol,li,' +
		'a[href|title],img[src|alt|width|height|title],' +
		/* figure keeps class only inside the editor: TinyMCE's caption editing needs
		 * <figure class="image">; the serializer filter below drops the class again */
		'figure[class],figcaption,' +
		'table,caption,thead,tbody,tfoot,tr,th[colspan|rowspan|scope],td[colspan|rowspan],' +
		'hr,pre,code';

	function labelText(ta) {
		var label = ta.id ? document.querySelector('label[for="' + cssEscape(ta.id) + '"]') : null;
		if (!label)
			label = ta.closest('label');
		if (!label)
			return ta.getAttribute('aria-label') || ta.name || '';
		var copy = label.cloneNode(true);
		Array.prototype.forEach.call(copy.querySelectorAll('[aria-hidden="true"], textarea'), function (n) {
			n.remove();
		});
		return copy.textContent.replace(/\s+/g, ' ').trim();
	}

	function cssEscape(s) {
		return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
	}

	function escapeHtml(s) {
		return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;');
	}

	/* a path on this site ("/media/…") or an http(s) URL of this origin */
	function isLocalUrl(src) {
		if (!src)
			return false;
		try {
			var u = new URL(src, window.location.href);
			return u.origin === window.location.origin && /^https?:$/.test(u.protocol);
		} catch (e) {
			return false;
		}
	}

	/* an AstNode holding nothing but white space, <br> and empty inline elements */
	function isEmptyNode(node) {
		for (var c = node.firstChild; c; c = c.next) {
			if (c.type === 3) {
				if (!/^[\s\u00a0\u200b\ufeff]*$/.test(c.value))
					return false;
			} else if (c.type === 1) {
				if (c.name !== 'br' && (/^(img|hr|table|iframe)$/.test(c.name) || !isEmptyNode(c)))
					return false;
			}
		}
		return true;
	}

	/* A body saved without the editor is plain text: paragraphs separated by blank lines.
	 * Turn it into <p>…</p> so it is not collapsed into one paragraph. */
	function plainToHtml(text) {
		if (!text.trim() || /<\/?[a-z][a-z0-9]*[\s>\/]/i.test(text))
			return text;
		return text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map(function (para) {
			para = para.trim();
			return para ? '<p>' + escapeHtml(para).replace(/\n/g, '<br>') + '</p>' : '';
		}).join('\n');
	}

	/* ------------------------------------------------------------------ paste from Word */
	/* Parsing HTML that carries style="" makes Chrome report a CSP violation even in an inert
	 * document (the style is refused, nothing breaks, but the console and any report-uri fill
	 * up). So before anything parses pasted HTML, <style> blocks go and every style attribute is
	 * renamed to data-cong-style (read below for Word's list levels, then dropped by the schema,
	 * which allows no data- attribute). */
	var TAG_RE = /<[a-zA-Z][^\s\/>]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
	var ATTR_RE = /(\s)([^\s"'>\/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

	function neutraliseStyles(html) {
		return html.replace(/<style[\s>][\s\S]*?<\/style\s*>/gi, '').replace(TAG_RE, function (tag) {
			return tag.replace(ATTR_RE, function (m, space, name, value) {
				return name.toLowerCase() === 'style' ? space + 'data-cong-style' + (value || '') : m;
			});
		});
	}

	/* TinyMCE 6's core paste keeps only what the schema allows (no styles, no classes), which
	 * cleans Word output, but Word writes its lists as <p style="mso-list:…"> with the bullet in
	 * the text. Those are rebuilt as real <ul>/<ol> here, before the schema drops the styles.
	 * Also: h1 (the page title is the only h1) becomes h2, h5/h6 become h4, comments (Word's
	 * <![if …]>), empty spacer paragraphs, links without a usable href and images that are not
	 * on this site go. */
	function cleanPastedHtml(html) {
		html = neutraliseStyles(html);
		var doc = document.implementation.createHTMLDocument('');
		var root = doc.createElement('div');
		root.innerHTML = html;   /* inert document: nothing loads, no script runs */
		var each = function (sel, fn) {
			Array.prototype.slice.call(root.querySelectorAll(sel)).forEach(fn);
		};

		/* Word's file:///…/clip_image001.png and pictures from other sites cannot be shown
		 * (img-src 'self') nor kept: drop them; images go in through the upload dialog. */
		each('img', function (img) {
			if (!isLocalUrl(img.getAttribute('src')))
				img.remove();
		});
		/* comments, including Word's <![if !supportLists]> … <![endif]> */
		var walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
		var comments = [];
		while (walker.nextNode())
			comments.push(walker.currentNode);

		function unwrap(el) {
			while (el.firstChild)
				el.parentNode.insertBefore(el.firstChild, el);
			el.remove();
		}
		function rename(el, name) {
			var n = doc.createElement(name);
			while (el.firstChild)
				n.appendChild(el.firstChild);
			el.parentNode.replaceChild(n, el);
			return n;
		}
		each('a', function (a) {
			var href = (a.getAttribute('href') || '').trim();
			if (!href || href.charAt(0) === '#' || /^(javascript|vbscript|data|file):/i.test(href))
				unwrap(a);
		});
		each('h1', function (h) { rename(h, 'h2'); });
		each('h5, h6', function (h) { rename(h, 'h4'); });
		/* a <div> holding only text and inline elements is a paragraph */
		each('div', function (d) {
			if (!d.querySelector('p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, pre, figure'))
				rename(d, 'p');
		});

		var listLevel = function (p) {
			var m = /mso-list:\s*[^;"']*level(\d+)/i.exec(p.getAttribute('data-cong-style') || '');
			return m ? parseInt(m[1], 10) : 0;
		};
		var paras = Array.prototype.slice.call(root.querySelectorAll('p'));
		var stack = [];  /* lists open in the current run: {level, list}; stack[0] is the outermost */
		paras.forEach(function (p) {
			var level = listLevel(p);
			if (!level) {
				stack = [];
				return;
			}
			/* a run goes on while the paragraphs follow each other (the outer list
			 * has taken the place of the paragraphs before this one) */
			if (!stack.length || p.previousElementSibling !== stack[0].list)
				stack = [];
			/* the marker: Word wraps it in <span style="mso-list:Ignore"> and/or in
			 * <![if !supportLists]> … <![endif]> (which parses to comments around it) */
			var marker = '';
			var ignore = p.querySelector('[data-cong-style*="mso-list:Ignore" i], [data-cong-style*="mso-list: Ignore" i]');
			if (ignore) {
				marker = ignore.textContent;
				var outer = ignore;
				while (outer.parentNode !== p && outer.parentNode.childNodes.length === 1)
					outer = outer.parentNode;
				outer.remove();
			}
			var node = p.firstChild;
			while (node && (node.nodeType === 8 || (node.nodeType === 3 && !node.nodeValue.trim())))
				node = node.nextSibling;
			if (!ignore && node) {
				var t = node.textContent;
				var m = /^\s*([\u00b7\u2022\u25aa\u25cf\u2013o\u00a7-]|\(?[0-9a-zA-Z]{1,4}[.)])[\s\u00a0]+/.exec(t);
				if (m) {
					marker = m[1];
					if (node.nodeType === 3)
						node.nodeValue = t.slice(m[0].length);
					else if (t.replace(/[\s\u00a0]+/g, '') === m[1])
						node.remove();
				}
			}
			var ordered = /^\(?[0-9a-zA-Z]{1,4}[.)]/.test(marker.trim());
			while (stack.length && stack[stack.length - 1].level > level)
				stack.pop();
			var top = stack.length ? stack[stack.length - 1] : null;
			if (!top || top.level < level) {
				var list = doc.createElement(ordered ? 'ol' : 'ul');
				if (top && top.list.lastElementChild)
					top.list.lastElementChild.appendChild(list);
				else
					p.parentNode.insertBefore(list, p);
				top = { level: level, list: list };
				stack.push(top);
			}
			var li = doc.createElement('li');
			while (p.firstChild)
				li.appendChild(p.firstChild);
			top.list.appendChild(li);
			p.remove();
		});
		comments.forEach(function (c) { c.remove(); });
		/* TinyMCE keeps every data-* and aria-* attribute; none of Word's or a web page's
		 * belong in an article */
		each('*', function (el) {
			Array.prototype.slice.call(el.attributes).forEach(function (a) {
				if (/^(data|aria)-/i.test(a.name))
					el.removeAttribute(a.name);
			});
		});
		/* Word's empty spacer paragraphs (<p><o:p>&nbsp;</o:p></p>) */
		each('p', function (p) {
			if (!p.querySelector('img, br') && !p.textContent.replace(/[\s\u00a0]+/g, ''))
				p.remove();
		});
		return root.innerHTML;
	}

	/* ------------------------------------------------------------------ uploads */
	function makeUploadHandler(ta) {
		var url = ta.getAttribute('data-upload-url');
		return function (blobInfo, progress) {
			return new Promise(function (resolve, reject) {
				var csrf = ta.getAttribute('data-csrf');
				if (!csrf && ta.form) {
					var field = ta.form.querySelector('input[name="csrf"]');
					csrf = field ? field.value : '';
				}
				var xhr = new XMLHttpRequest();
				xhr.open('POST', url);
				xhr.setRequestHeader('Accept', 'application/json');
				xhr.upload.onprogress = function (e) {
					if (e.lengthComputable)
						progress(e.loaded / e.total * 100);
				};
				xhr.onerror = function () {
					reject({ message: 'Không kết nối được máy chủ để tải ảnh lên.', remove: true });
				};
				xhr.onload = function () {
					var json = null;
					try {
						json = JSON.parse(xhr.responseText);
					} catch (e) {
						json = null;
					}
					if (json && typeof json.error === 'string' && json.error) {
						reject({ message: json.error, remove: true });
						return;
					}
					if (xhr.status < 200 || xhr.status >= 300) {
						reject({ message: 'Máy chủ từ chối ảnh (mã ' + xhr.status + ').', remove: true });
						return;
					}
					/* only a path on this site: "/media/…", never "//host/…" or "http…" */
					if (!json || typeof json.location !== 'string' || !/^\/(?!\/)/.test(json.location)) {
						reject({ message: 'Máy chủ trả về kết quả không hợp lệ khi tải ảnh lên.', remove: true });
						return;
					}
					resolve(json.location);
				};
				var fd = new FormData();
				fd.append('csrf', csrf || '');
				fd.append('file', blobInfo.blob(), blobInfo.filename());
				xhr.send(fd);
			});
		};
	}

	/* ------------------------------------------------------------------ checks on submit */
	function alertFor(ta) {
		return document.getElementById(ta.id + '-editor-error');
	}

	function showError(ta, editor, message) {
		var box = alertFor(ta);
		if (!box)
			return;
		box.hidden = false;
		box.textContent = message;
		var iframe = editor && editor.iframeElement;
		if (iframe)
			iframe.setAttribute('aria-invalid', 'true');
	}

	function clearError(ta, editor) {
		var box = alertFor(ta);
		if (box && !box.hidden) {
			box.textContent = '';
			box.hidden = true;
		}
		var iframe = editor && editor.iframeElement;
		if (iframe && ta.getAttribute('aria-invalid') !== 'true')
			iframe.removeAttribute('aria-invalid');
	}

	/* returns a Vietnamese message, or '' when the field is fine */
	function problemWith(ta, editor) {
		var name = labelText(ta) || 'Nội dung';
		if (!editor) {
			return ta.hasAttribute('data-editor-required') && !ta.value.trim()
				? 'Vui lòng nhập “' + name + '”.' : '';
		}
		var body = editor.getBody();
		var text = (body.textContent || '').replace(/[\s\u00a0\u200b\ufeff]+/g, '');
		var hasMedia = !!body.querySelector('img, table, hr');
		if (ta.hasAttribute('data-editor-required') && !text && !hasMedia)
			return 'Vui lòng nhập “' + name + '”: nội dung đang trống.';
		var imgs = Array.prototype.slice.call(body.querySelectorAll('img'));
		var missing = imgs.filter(function (img) {
			return !(img.getAttribute('alt') || '').trim();
		});
		if (missing.length) {
			var which = missing.map(function (img) { return imgs.indexOf(img) + 1; }).join(', ');
			return (missing.length === 1 ? 'Ảnh thứ ' + which + ' ' : 'Các ảnh thứ ' + which + ' ') +
				'trong “' + name + '” chưa có mô tả. Hãy chọn ảnh, bấm nút “Chèn/sửa ảnh” và điền ' +
				'“Mô tả ảnh” (nói ngắn gọn ảnh thể hiện gì) rồi lưu lại.';
		}
		if (body.querySelector('img[src^="blob:"], img[src^="data:"]'))
			return 'Có ảnh trong “' + name + '” chưa tải lên xong. Vui lòng đợi rồi lưu lại.';
		var foreign = imgs.filter(function (img) { return !isLocalUrl(img.getAttribute('src')); });
		if (foreign.length)
			return 'Ảnh thứ ' + foreign.map(function (img) { return imgs.indexOf(img) + 1; }).join(', ') +
				' trong “' + name + '” lấy từ trang khác. Hãy xoá ảnh đó rồi đưa ảnh lên bằng nút ' +
				'“Chèn/sửa ảnh”, thẻ “Tải lên”.';
		return '';
	}

	function firstBadImage(editor) {
		var imgs = editor.getBody().querySelectorAll('img');
		for (var i = 0; i < imgs.length; i++)
			if (!(imgs[i].getAttribute('alt') || '').trim())
				return imgs[i];
		return null;
	}

	var watchedForms = [];

	function watchForm(form) {
		if (!form || watchedForms.indexOf(form) >= 0)
			return;
		watchedForms.push(form);
		form.addEventListener('submit', function (e) {
			tinymce.triggerSave();
			/* these checks stand in for the browser's own validation: same switch */
			if (form.noValidate || (e.submitter && e.submitter.formNoValidate))
				return;
			var first = null;
			var areas = form.querySelectorAll('textarea[data-editor="rich"]');
			Array.prototype.forEach.call(areas, function (ta) {
				var editor = ta.id ? tinymce.get(ta.id) : null;
				if (editor && !editor.initialized)
					editor = null;   /* still loading: the textarea holds what was sent */
				var msg = problemWith(ta, editor);
				if (msg) {
					showError(ta, editor, msg);
					if (!first)
						first = { ta: ta, editor: editor };
				} else {
					clearError(ta, editor);
				}
			});
			if (!first)
				return;
			e.preventDefault();
			e.stopImmediatePropagation();
			if (first.editor) {
				var img = firstBadImage(first.editor);
				first.editor.focus();
				if (img) {
					first.editor.selection.select(img);
					img.scrollIntoView({ block: 'center' });
				}
				first.editor.getContainer().scrollIntoView({ block: 'nearest' });
			} else {
				first.ta.focus();
			}
		});
	}

	/* ------------------------------------------------------------------ set-up per textarea */
	function setUp(ta, n) {
		if (!ta.id)
			ta.id = 'rich-editor-' + n;
		var label = labelText(ta);
		var uploadUrl = ta.getAttribute('data-upload-url');

		/* the alert box next to the editor, empty until a submit check fails */
		var box = document.createElement('p');
		box.id = ta.id + '-editor-error';
		box.className = 'field-error';
		box.setAttribute('role', 'alert');
		box.hidden = true;

		if (ta.required) {
			ta.setAttribute('data-editor-required', '');
			ta.required = false;
		}
		ta.value = plainToHtml(ta.value);
		watchForm(ta.form);

		/* keyboard help for screen-reader users, read with the editing area */
		var keys = document.createElement('span');
		keys.id = ta.id + '-editor-keys';
		keys.className = 'visually-hidden';
		keys.textContent = 'Alt+F10: tới thanh công cụ (mũi tên trái, phải để chọn nút; Esc để ' +
			'quay lại). Tab: ra khỏi vùng soạn thảo; trong bảng Tab chuyển sang ô kế tiếp, ra khỏi ' +
			'bảng bằng mũi tên xuống.';

		var describedBy = (ta.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
		describedBy.push(keys.id, box.id);

		var config = {
			target: ta,
			base_url: BASE,
			suffix: '.min',
			language: 'vi',
			promotion: false,
			branding: false,
			menubar: false,
			plugins: 'lists link image table autolink code',
			toolbar: 'undo redo | blocks | bold italic underline | bullist numlist | ' +
				'link image table | blockquote | removeformat | code',
			toolbar_mode: 'wrap',
			block_formats: 'Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4',
			height: 520,
			/* no status bar: its element path (role=button with aria-level) and resize handle
			 * (aria-label on a role-less div) both fail axe's ARIA rules */
			statusbar: false,
			content_css: '/static/css/editor-content.css',
			body_class: 'article-body',
			/* written unescaped into the iframe's HTML by TinyMCE, hence escapeHtml (and
			 * removed again at init, see below) */
			iframe_aria_text: escapeHtml(label || 'Vùng soạn thảo'),
			iframe_attrs: label ? { 'aria-label': label, 'aria-describedby': describedBy.join(' ') }
				: { 'aria-describedby': describedBy.join(' ') },
			browser_spellcheck: true,
			contextmenu: 'link image table',

			/* what the server keeps, and nothing that needs style="" */
			valid_elements: ALLOWED,
			formats: {
				underline: { inline: 'u', exact: true },
				strikethrough: { inline: 's', exact: true }
			},
			entity_encoding: 'raw',
			convert_urls: true,
			relative_urls: false,
			remove_script_host: true,
			allow_script_urls: false,
			/* no drag handles: TinyMCE draws them with inline styles, which the admin's CSP forbids;
			   width and height stay editable in the image dialog */
			object_resizing: false,

			/* paste (core in TinyMCE 6) */
			paste_data_images: false,
			paste_webkit_styles: 'none',
			paste_remove_styles_if_webkit: true,
			paste_merge_formats: true,
			block_unsupported_drop: true,
			paste_preprocess: function (editor, args) {
				args.content = cleanPastedHtml(args.content);
			},

			/* links */
			link_title: true,
			link_target_list: false,
			link_assume_external_targets: 'https',
			link_context_toolbar: true,

			/* images */
			image_description: true,
			image_caption: true,
			image_title: false,
			image_dimensions: true,
			image_advtab: false,
			a11y_advanced_options: false,
			image_uploadtab: !!uploadUrl,
			images_file_types: 'jpeg,jpg,png,gif,webp',
			automatic_uploads: true,

			/* tables: plain structure, no widths, borders or colgroups (all would be style="") */
			table_default_attributes: {},
			table_default_styles: {},
			table_sizing_mode: 'responsive',
			table_use_colgroups: false,
			table_resize_bars: false,
			table_appearance_options: false,
			table_advtab: false,
			table_cell_advtab: false,
			table_row_advtab: false,
			table_header_type: 'sectionCells',
			/* no dashed "visual aid" borders: editor-content.css draws the real ones */
			visual: false,
			table_toolbar: 'tablecaption tablerowheader tablecolheader | tableinsertrowbefore ' +
				'tableinsertrowafter tabledeleterow | tableinsertcolbefore tableinsertcolafter ' +
				'tabledeletecol | tabledelete',

			setup: function (editor) {
				/* TinyMCE adds a few rules for iOS/Firefox as an inline <style> in the editing
				 * iframe, which style-src 'self' refuses; the same rules are in
				 * editor-content.css, so drop them before the content CSS loads. */
				editor.on('PostRender', function () {
					editor.contentStyles.length = 0;
				});
				editor.on('PreInit', function () {
					/* <figure class="image"> only inside the editor */
					editor.parser.addNodeFilter('figure', function (nodes) {
						nodes.forEach(function (node) {
							if (node.getAll('img').length && node.getAll('figcaption').length)
								node.attr('class', 'image');
						});
					});
					editor.serializer.addNodeFilter('figure', function (nodes) {
						nodes.forEach(function (node) { node.attr('class', null); });
					});
					/* empty paragraphs (Enter pressed twice, as in the plain textarea) are not
					 * saved: spacing comes from the stylesheet */
					editor.serializer.addNodeFilter('p', function (nodes) {
						nodes.forEach(function (node) {
							if (node.parent && isEmptyNode(node))
								node.remove();
						});
					});
				});
				editor.on('init', function () {
					var container = editor.getContainer();
					container.parentNode.insertBefore(box, container.nextSibling);
					container.parentNode.insertBefore(keys, box);
					/* TinyMCE labels the editable <body> too; ARIA allows no name on a
					 * document's body (axe: aria-prohibited-attr). The iframe carries it. */
					editor.getBody().removeAttribute('aria-label');
					/* the editing document is a separate document: give it the page's language
					 * (screen-reader voice, spell checking) */
					var langHolder = ta.closest('[lang]');
					if (langHolder)
						editor.getDoc().documentElement.lang = langHolder.getAttribute('lang');
					var iframe = editor.iframeElement;
					if (iframe) {
						iframe.title = label || iframe.title;
						if (ta.getAttribute('aria-invalid') === 'true')
							iframe.setAttribute('aria-invalid', 'true');
					}
					if (ta.id) {
						var lab = document.querySelector('label[for="' + cssEscape(ta.id) + '"]');
						if (lab)
							lab.addEventListener('click', function (e) {
								e.preventDefault();
								editor.focus();
							});
					}
					/* a hint written for the plain textarea ("paragraphs are separated by a blank
					 * line") can carry the rich-editor wording in data-rich-hint */
					describedBy.forEach(function (id) {
						var hint = document.getElementById(id);
						if (hint && hint.hasAttribute('data-rich-hint'))
							hint.textContent = hint.getAttribute('data-rich-hint');
					});
					var formatField = ta.getAttribute('data-format-field');
					if (formatField && ta.form && !ta.form.querySelector('input[name="' + cssEscape(formatField) + '"]')) {
						var hidden = document.createElement('input');
						hidden.type = 'hidden';
						hidden.name = formatField;
						hidden.value = 'html';
						ta.form.appendChild(hidden);
					}
				});
				/* once an error is shown, drop it as soon as the problem is fixed */
				editor.on('input change SetContent ExecCommand', function () {
					var b = alertFor(ta);
					if (b && !b.hidden && !problemWith(ta, editor))
						clearError(ta, editor);
				});
				/* a new table caption holds the English word "Caption": make it Vietnamese and
				 * select it, so typing replaces it */
				editor.on('ExecCommand', function (e) {
					if (e.command !== 'mceTableToggleCaption')
						return;
					var cap = editor.dom.getParent(editor.selection.getNode(), 'caption');
					if (cap && cap.textContent === 'Caption') {
						cap.textContent = 'Tiêu đề bảng';
						editor.selection.select(cap, true);
					}
				});
				/* the image dialog cannot refuse an empty description by itself: say so at once */
				editor.on('ExecCommand', function (e) {
					if (e.command !== 'mceUpdateImage')
						return;
					var img = editor.selection.getNode();
					if (img && img.nodeName !== 'IMG')
						img = img.querySelector('img');
					/* a new image caption holds the English word "Caption": as for tables */
					var fig = img && editor.dom.getParent(img, 'figure');
					var cap = fig && fig.querySelector('figcaption');
					if (cap && cap.textContent === 'Caption') {
						cap.textContent = 'Chú thích ảnh';
						editor.selection.select(cap, true);
					}
					if (img && !(img.getAttribute('alt') || '').trim()) {
						editor.notificationManager.open({
							type: 'warning',
							text: 'Ảnh chưa có mô tả. Bài viết sẽ không lưu được cho đến khi mọi ảnh ' +
								'đều có “Mô tả ảnh”: chọn ảnh và bấm nút “Chèn/sửa ảnh”.',
							timeout: 8000
						});
					}
				});
			}
		};
		if (uploadUrl)
			config.images_upload_handler = makeUploadHandler(ta);
		return tinymce.init(config);
	}

	function start() {
		var areas = document.querySelectorAll('textarea[data-editor="rich"]');
		Array.prototype.forEach.call(areas, function (ta, i) {
			setUp(ta, i + 1);
		});
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
})();
