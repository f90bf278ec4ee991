/* challenge.js — solves a public form's proof of work (src/model/challenge.h) so that the reader
 * need not answer the question: finds a nonce such that SHA-256(token ":" nonce) begins with the
 * form's number of zero bits, puts it in the form and hides the question. Without this script,
 * or without WebCrypto (a page not served over HTTPS), the question stays and is the check. */
(function () {
  'use strict';
  if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var enc = new TextEncoder();

  function zeroBits(h, bits) {
    var i = 0;
    for (; bits >= 8; bits -= 8, i++) if (h[i] !== 0) return false;
    return bits === 0 || (h[i] >> (8 - bits)) === 0;
  }

  function solve(token, bits) {
    var n = 0;
    function step() {
      /* a batch of digests at a time, so that the page stays responsive */
      var batch = [];
      for (var k = 0; k < 64; k++, n++) batch.push(window.crypto.subtle.digest('SHA-256', enc.encode(token + ':' + n)));
      var first = n - 64;
      return Promise.all(batch).then(function (hs) {
        for (var j = 0; j < hs.length; j++) if (zeroBits(new Uint8Array(hs[j]), bits)) return String(first + j);
        return step();
      });
    }
    return step();
  }

  var forms = document.querySelectorAll('form[data-challenge-bits]');
  Array.prototype.forEach.call(forms, function (form) {
    var token = form.querySelector('input[name="challenge"]');
    var pow = form.querySelector('input[name="pow"]');
    var question = form.querySelector('.challenge-question');
    var status = form.querySelector('.challenge-status');
    var bits = parseInt(form.getAttribute('data-challenge-bits'), 10);
    if (!token || !pow || !(bits > 0)) return;
    solve(token.value, bits).then(function (nonce) {
      pow.value = nonce;
      if (question && !question.classList.contains('has-error')) question.hidden = true;
      if (status) status.textContent = 'Trình duyệt đã được xác minh, không cần trả lời câu hỏi kiểm tra.';
    }, function () { /* the question stays */ });
  });
})();
