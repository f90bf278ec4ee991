"""forms_helper.py — filling the citizens' public forms (src/model/challenge.h): the challenge
answered either as a reader without JavaScript does (the sum written in words) or as
static/js/challenge.js does (the proof of work, here with hashlib)."""
import hashlib
import html
import os
import re

from conglib import ROOT


def challenge_of(page_text):
    """(token, question, bits) of the form on a page."""
    tok = re.search(r'name="challenge" value="([^"]+)"', page_text).group(1)
    q = html.unescape(re.search(r'<label for="challenge_answer">([^<]+)</label>', page_text).group(1))
    bits = int(re.search(r'data-challenge-bits="(\d+)"', page_text).group(1))
    return tok, q, bits


def answer_of(question):
    """The number the question asks for, in any language of locale/: "Bảy cộng năm bằng bao
    nhiêu? …" → 12, "Five plus six makes how many? …" → 11."""
    from conglib import locale_texts
    for lang in sorted(os.listdir(os.path.join(ROOT, "locale"))):
        t = locale_texts(lang)
        digits = {t["challenge_digit_%d" % d].lower(): d for d in range(10)}
        parts = question.split(" %s " % t["challenge_plus"], 1)
        if len(parts) == 2 and parts[0].lower() in digits:
            return digits[parts[0].lower()] + digits[parts[1].split(" ", 1)[0]]
    raise KeyError(question)


def solve_pow(token, bits):
    """The nonce static/js/challenge.js would find."""
    n = 0
    while True:
        h = hashlib.sha256(("%s:%d" % (token, n)).encode()).digest()
        v = int.from_bytes(h, "big")
        if v >> (256 - bits) == 0:
            return str(n)
        n += 1


def challenge_fields(page_text, js=False, answer=None):
    """The challenge's fields for a POST of the form on PAGE_TEXT: the nonce when JS, else the
    question's answer (ANSWER overrides it: a wrong one)."""
    tok, q, bits = challenge_of(page_text)
    f = [("challenge", tok), ("website", "")]
    if js:
        f += [("pow", solve_pow(tok, bits)), ("challenge_answer", "")]
    else:
        f += [("pow", ""), ("challenge_answer", str(answer_of(q) if answer is None else answer))]
    return f
