"""A dovecot IMAP server of the tests' own on loopback (Debian's dovecot-imapd: a temporary config
in a temporary folder, a free port, plaintext sign-in allowed on loopback only, one user whose
Maildir the tests fill) and messages in the shapes mail programs send, for the e-mail intake's
tests (tests/http/test_mail_intake.py, tests/browser/scenarios.mjs). Run as a program it starts
the server with the sample messages, prints its port, and serves until SIGTERM:

    python3 tests/http/imapfixture.py      → "PORT USER PASSWORD" on the first line
"""
import base64
import os
import pwd
import quopri
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from conglib import free_port, png

USER, PASS = "banbientap", "Mat-khau-hop-thu-2026"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s):
    """S as windows-1258 writes Vietnamese: the letters precomposed, the tone marks combining."""
    import unicodedata
    out = ""
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        out += unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)) + "".join(c for c in d if c in TONES)
    return out.encode("cp1258")


def b_word(s):
    return "=?UTF-8?B?%s?=" % base64.b64encode(s.encode()).decode()


def q_word(s):
    return "=?utf-8?Q?%s?=" % quopri.encodestring(s.encode(), header=True).decode()


def b64_lines(b):
    e = base64.b64encode(b).decode()
    return "\r\n".join(e[i:i + 76] for i in range(0, len(e), 76))


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def outlook():
    return crlf(
        "From: %s <anh.nt@soyte.example.vn>\n"
        "To: \"Ban bien tap\" <banbientap@longho.example.vn>\n"
        "Subject: %s\n"
        "Date: Mon, 7 Dec 2026 08:15:00 +0700\n"
        "Message-ID: <DM6PR01MB1234@outlook.example>\n"
        "Thread-Topic: %s\nThread-Index: AdnPq2v7Zk1X\nX-MS-Has-Attach:\nX-MS-TNEF-Correlator:\n"
        "X-Mailer: Microsoft Outlook 16.0\nContent-Language: vi-VN\nMIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"_000_DM6PR_\"\n\n"
        "--_000_DM6PR_\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        "%s\n--_000_DM6PR_\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n%s\n"
        "--_000_DM6PR_--\n" % (
            b_word("Nguyễn Thị Ánh"), q_word("Báo cáo tháng 11 về tiêm chủng"), q_word("Báo cáo"),
            quopri.encodestring("Công văn số 12/UBND về việc triển khai tiêm chủng mở rộng.\n".encode()).decode(),
            b64_lines("<p class=MsoNormal>Kính gửi Ban biên tập: <b>báo cáo tháng 11</b> về tiêm chủng."
                      "<img src=\"https://theo-doi.example/px.gif\"></p><script>alert(1)</script>".encode())))


def gmail(msgid="CAF=abc123@mail.gmail.example"):
    return crlf(
        "MIME-Version: 1.0\nDate: Sun, 6 Dec 2026 22:01:02 +0700\nMessage-ID: <%s>\n"
        "Subject: %s\nFrom: %s <binh.lv@gmail.example>\nReply-To: vanphong@xa-an-binh.example.vn\n"
        "To: banbientap@longho.example.vn\nContent-Type: multipart/mixed; boundary=\"000001\"\n\n"
        "--000001\nContent-Type: multipart/alternative; boundary=\"000002\"\n\n"
        "--000002\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n"
        "Lịch tiếp công dân tháng 12 của UBND xã An Bình, kèm tệp.\n\n"
        "--000002\nContent-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n%s\n"
        "--000002--\n"
        "--000001\nContent-Type: application/pdf; name*=UTF-8''L%%E1%%BB%%8Bch%%20ti%%E1%%BA%%BFp%%20d%%C3%%A2n.pdf\n"
        "Content-Disposition: attachment; filename*=UTF-8''L%%E1%%BB%%8Bch%%20ti%%E1%%BA%%BFp%%20d%%C3%%A2n.pdf\n"
        "Content-Transfer-Encoding: base64\n\n%s\n"
        "--000001\nContent-Type: image/png; name=\"%s\"\nContent-Disposition: inline; filename=\"%s\"\n"
        "Content-ID: <ii_abc>\nContent-Transfer-Encoding: base64\n\n%s\n"
        "--000001\nContent-Type: application/x-msdownload; name=\"setup.exe\"\nContent-Disposition: attachment\n"
        "Content-Transfer-Encoding: base64\n\n%s\n"
        "--000001--\n" % (
            msgid, b_word("Thông báo lịch tiếp công dân"), q_word("Lê Văn Bình"),
            quopri.encodestring("<div dir=\"ltr\">Lịch tiếp công dân <i>tháng 12</i> của UBND xã An Bình.</div>".encode()).decode(),
            b64_lines(PDF), b_word("ảnh hội nghị.png"), b_word("ảnh hội nghị.png"), b64_lines(png(40, 30)),
            b64_lines(b"MZ\x90\x00" + b"\x00" * 60)))


def legacy():
    head = ("From: Van thu <vanthu@ubnd-longho.example.vn>\r\nSubject: =?windows-1258?Q?Ho=F2p_ba=ECo?=\r\n"
            "Date: Fri, 4 Dec 2026 09:00:00 +0700\r\nMessage-ID: <oe-1@ubnd-longho.example.vn>\r\n"
            "X-Mailer: Microsoft Outlook Express 6.00.2900.5512\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=\"windows-1258\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode()
    return head + cp1258("Kính gửi Ban biên tập: đề nghị đăng tin họp báo quý IV.") + b"\r\n"


def huge():
    """A message of 30 MB: a scanned file far over the default limit of 25 MB."""
    blob = os.urandom(23 * 1024 * 1024)
    return crlf("From: scan@example.vn\nSubject: %s\nMessage-ID: <huge-1@example.vn>\nMIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nHo so quet\n"
                "--zz\nContent-Type: application/pdf; name=scan.pdf\nContent-Transfer-Encoding: base64\n\n"
                % b_word("Hồ sơ quét 30 MB")) + b64_lines(b"%PDF-1.4\n" + blob).encode() + b"\r\n--zz--\r\n"


MALFORMED = [
    crlf("From: a@example.vn\nSubject: Thieu boundary\nMessage-ID: <m1@example.vn>\nContent-Type: multipart/mixed\n\n"
         "--abc\nContent-Type: text/plain\n\nnoi dung khong co ranh gioi\n--abc--\n"),
    crlf("From: b@example.vn\nSubject: Base64 hong\nMessage-ID: <m2@example.vn>\n"
         "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Transfer-Encoding: base64\n\n@@@!!!***====YWJj====\n--b\nContent-Type: image/png; name=a.png\n"
         "Content-Transfer-Encoding: base64\n\niVBORw0KGgo%%%%\n--b"),
]


def openssl(*args):
    subprocess.run(["openssl"] + list(args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make_ca(folder, name):
    """A CA of the tests' own in FOLDER (NAME.key, NAME.pem), as a self-hosted mail server's
    private CA is: (key path, certificate path)."""
    key, pem = os.path.join(folder, name + ".key"), os.path.join(folder, name + ".pem")
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", pem, "-days", "30", "-subj", "/O=Cong tests/CN=%s" % name,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    return key, pem


def make_server_cert(folder, ca_key, ca_pem):
    """The server's key and certificate for 127.0.0.1 (and localhost), signed by the CA."""
    key, csr, pem = (os.path.join(folder, "server" + e) for e in (".key", ".csr", ".pem"))
    ext = os.path.join(folder, "server.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", csr,
            "-subj", "/O=Cong tests/CN=127.0.0.1")
    openssl("x509", "-req", "-in", csr, "-CA", ca_pem, "-CAkey", ca_key, "-CAcreateserial", "-out", pem, "-days", "30",
            "-extfile", ext)
    return key, pem


class Dovecot:
    """A dovecot IMAP server of its own: temporary folder, loopback, a free port, one user.
    With TLS: a CA made by openssl in its folder (ca_pem, the PEM text) signs the server's
    certificate; STARTTLS on PORT, TLS from the first byte on IMAPS_PORT; other_ca_pem is a
    second CA that signed nothing (a wrong CA)."""

    def __init__(self, tls=False):
        self.dir = tempfile.mkdtemp(prefix="cong-imap-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.imaps_port = free_port() if tls else 0
        ssl = "ssl = no"
        if tls:
            certs = os.path.join(self.dir, "tls")
            os.makedirs(certs)
            ca_key, ca = make_ca(certs, "Cong Test Mail CA")
            make_ca(certs, "Cong Other CA")
            key, pem = make_server_cert(certs, ca_key, ca)
            with open(ca) as f:
                self.ca_pem = f.read()
            with open(os.path.join(certs, "Cong Other CA.pem")) as f:
                self.other_ca_pem = f.read()
            ssl = "ssl = yes\nssl_cert = <%s\nssl_key = <%s" % (pem, key)
        try:
            pw = pwd.getpwnam("dovecot")
            self.uid, self.gid = pw.pw_uid, pw.pw_gid
        except KeyError:
            self.uid, self.gid = os.getuid(), os.getgid()
        d = self.dir
        with open(os.path.join(d, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s:::::\n" % (USER, PASS))
        self.maildir = os.path.join(d, "mail", USER)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.maildir, sub))
        # the mail processes run as the dovecot user: the Maildir is theirs
        for path in (os.path.join(d, "mail"), self.maildir) + tuple(os.path.join(self.maildir, s) for s in ("cur", "new", "tmp")):
            os.chown(path, self.uid, self.gid)
        self.conf = os.path.join(d, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write("""base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
# plaintext sign-in on loopback only: the server listens nowhere else
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
last_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/home/%u
}}
mail_location = maildir:{d}/mail/%u
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
""".format(d=d, uid=self.uid, gid=self.gid, port=self.port, imaps_port=self.imaps_port, ssl=ssl))
        self.n = 0
        self.proc = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", self.conf], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("dovecot did not start: %s" % self.log())

    def deliver(self, data, received=None):
        """A message into the Maildir's new/, its file time the server's arrival time."""
        self.n += 1
        name = "%d.M%dP%d.cong,S=%d" % (int(time.time()), self.n, os.getpid(), len(data))
        tmp = os.path.join(self.maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
        if received:
            os.utime(tmp, (received, received))
        os.chown(tmp, self.uid, self.gid)
        os.rename(tmp, os.path.join(self.maildir, "new", name))

    def files(self):
        """(folder, name) of every message on the server."""
        return [(sub, n) for sub in ("new", "cur") for n in sorted(os.listdir(os.path.join(self.maildir, sub)))]

    def log(self):
        try:
            with open(os.path.join(self.dir, "dovecot.log")) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)




def samples(im, received):
    """The sample messages delivered to IM (the Outlook one received at RECEIVED, the others a
    minute apart): 6 different messages in 7 files (one sent twice)."""
    im.deliver(outlook(), received)
    im.deliver(gmail(), received + 60)
    im.deliver(gmail(), received + 120)  # the same message again (a second copy): taken once
    im.deliver(legacy(), received + 180)
    im.deliver(huge(), received + 240)
    for i, m in enumerate(MALFORMED):
        im.deliver(m, received + 300 + i)


if __name__ == "__main__":
    im = Dovecot()
    samples(im, int(time.time()) - 3600)
    print("%d %s %s" % (im.port, USER, PASS), flush=True)
    signal.signal(signal.SIGTERM, lambda *a: (im.stop(), sys.exit(0)))
    signal.signal(signal.SIGINT, lambda *a: (im.stop(), sys.exit(0)))
    while True:
        time.sleep(3600)
