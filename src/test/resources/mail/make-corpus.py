#!/usr/bin/env python3
"""Writes the mail corpus: realistic raw messages in the charsets and breakages a Chinese mailbox meets.
Run from this folder: python3 make-corpus.py. expected.tsv lists file, subject, text that must be in the new
text, text that must not be (folded history), and 'unparsed' for messages that cannot be read."""
import base64, quopri

rows = []

def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def qp(data):
    return quopri.encodestring(data).decode().replace("\r\n", "\n").replace("\n", "\r\n")

def word(text, charset, enc="B"):
    data = text.encode(charset)
    if enc == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode())
    return "=?%s?Q?%s?=" % (charset, "".join("=%02X" % b if b > 127 or chr(b) in "=?_ " else chr(b) for b in data))

def write(name, headers, body, subject, must, mustnot="", kind="ticket"):
    raw = "\r\n".join(headers).encode("ascii", "surrogateescape") + b"\r\n\r\n" + body
    with open(name, "wb") as f:
        f.write(raw)
    rows.append("\t".join([name, kind, subject, must, mustnot]))

def common(n, frm, subject_header, ctype, cte=None, extra=()):
    h = ["From: " + frm, "To: support@flowdesk.local", "Subject: " + subject_header,
         "Date: Tue, 1 Dec 2026 09:%02d:00 +0800" % n, "Message-ID: <corpus-%d@mail.example.cn>" % n,
         "MIME-Version: 1.0", "Content-Type: " + ctype]
    if cte:
        h.append("Content-Transfer-Encoding: " + cte)
    return h + list(extra)

# 1 GB2312 label whose bytes are really GBK (繁體 characters outside GB2312), base64
s, t = "打印机无法连接", "您好，办公室的打印机無法連接，錯誤代碼 0x11b。\r\n谢谢！"
write("gb2312-really-gbk.eml", common(1, "%s <wang@example.cn>" % word("王芳", "gbk"), word(s, "gbk").replace("?gbk?", "?gb2312?"),
      'text/plain; charset="gb2312"', "base64"), b64(t.encode("gbk")).encode(), s, "無法連接")
# 2 GBK quoted-printable, subject Q-encoded
s, t = "发票抬头需要修改", "请把发票抬头改成：杭州某某科技有限公司。\r\n"
write("gbk-qp.eml", common(2, "li@example.cn", word(s, "gbk", "Q"), "text/plain; charset=GBK", "quoted-printable"),
      qp(t.encode("gbk")).encode(), s, "杭州某某科技有限公司")
# 3 Big5
s, t = "帳號被鎖定", "我的帳號今天早上被鎖定了，請協助解鎖。\r\n"
write("big5.eml", common(3, "chen@example.tw", word(s, "big5"), "text/plain; charset=big5", "base64"),
      b64(t.encode("big5")).encode(), s, "請協助解鎖")
# 4 ISO-2022-JP
s, t = "見積書の件", "お世話になっております。見積書を再送してください。\r\n"
write("iso-2022-jp.eml", common(4, "tanaka@example.jp", word(s, "iso-2022-jp"), "text/plain; charset=ISO-2022-JP",
      "7bit"), t.encode("iso-2022-jp"), s, "見積書を再送してください")
# 5 UTF-8 subject split across lines: one character's bytes split between two encoded words
s = "退款申请：订单 20261201 未到账"
data = s.encode("utf-8")
w1 = "=?UTF-8?B?%s?=" % base64.b64encode(data[:10]).decode()
w2 = "=?UTF-8?B?%s?=" % base64.b64encode(data[10:]).decode()
write("utf8-split-subject.eml", common(5, "zhao@example.com", w1 + "\r\n " + w2, "text/plain; charset=utf-8", "8bit"),
      "退款还没有到账，请帮忙查一下。\r\n".encode("utf-8"), s, "请帮忙查一下")
# 6 no charset label at all, raw GB18030 bytes, and a raw 8-bit GBK subject
s = "快递丢件投诉"
write("missing-charset.eml", common(6, "sun@example.cn", "", "text/plain", "8bit"),
      "快递显示已签收，但我没有收到。\r\n".encode("gb18030"), s, "我没有收到")
# patch the raw 8-bit subject in
with open("missing-charset.eml", "rb") as f:
    raw = f.read()
with open("missing-charset.eml", "wb") as f:
    f.write(raw.replace(b"Subject: \r\n", b"Subject: " + s.encode("gbk") + b"\r\n", 1))
# 7 wrong label: says iso-8859-1... no: says utf-8, bytes are GBK
s, t = "会员积分没有到账", "上周的订单积分一直没有到账。\r\n"
write("wrong-label-utf8-is-gbk.eml", common(7, "zhou@example.cn", word(s, "utf-8"), "text/plain; charset=utf-8",
      "base64"), b64(t.encode("gbk")).encode(), s, "积分一直没有到账")
# 8 HTML only, with a script and a handler to be sanitised
s = "Cannot log in"
html = ("<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<p onclick=\"steal()\">Hello,</p><p>I cannot log in since <b>yesterday</b>.</p>"
        "<div>Regards,<br>Anna</div></body></html>")
write("html-only.eml", common(8, "Anna Smith <anna@example.com>", s, "text/html; charset=utf-8", "quoted-printable"),
      qp(html.encode()).encode(), s, "I cannot log in since yesterday.", "alert(1)")
# 9 alternative: plain preferred over HTML
s = "Order 1234"
body = ("--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain version wins.\r\n"
        "--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version loses.</p>\r\n--ALT--\r\n")
write("alternative.eml", common(9, "bob@example.com", s, 'multipart/alternative; boundary="ALT"'), body.encode(), s,
      "Plain version wins.", "HTML version loses.")
# 10 Chinese quoted history: -----原始邮件----- (Foxmail / QQ)
s = "回复：快递丢件投诉"
t = ("我又查了一下，还是没有。\r\n\r\n------------------ 原始邮件 ------------------\r\n"
     "发件人: \"客服\"<support@flowdesk.local>;\r\n发送时间: 2026年12月1日(星期二) 上午10:00\r\n"
     "主题: 快递丢件投诉\r\n\r\n您好，我们正在核实。\r\n")
write("reply-foxmail.eml", common(10, "sun@example.cn", word(s, "gb18030"), "text/plain; charset=gb18030", "base64"),
      b64(t.encode("gb18030")).encode(), s, "我又查了一下，还是没有。", "我们正在核实")
# 11 Outlook style English history: -----Original Message----- and From:/Sent: block
s = "RE: Invoice question"
t = ("Thanks, that works.\r\n\r\n-----Original Message-----\r\nFrom: Support <support@flowdesk.local>\r\n"
     "Sent: Monday, November 30, 2026 5:00 PM\r\nTo: Bob\r\nSubject: Invoice question\r\n\r\nPlease confirm.\r\n")
write("reply-outlook.eml", common(11, "bob@example.com", s, "text/plain; charset=us-ascii", "7bit"), t.encode(), s,
      "Thanks, that works.", "Please confirm.")
# 12 Gmail style: On ... wrote: wrapped over two lines, then > lines
s = "Re: Cannot log in"
t = ("It works again, thank you!\r\n\r\nOn Tue, Dec 1, 2026 at 10:00 AM FlowDesk Support <support@flowdesk.local>\r\n"
     "wrote:\r\n\r\n> Please try again now.\r\n> \r\n")
write("reply-gmail.eml", common(12, "anna@example.com", s, "text/plain; charset=UTF-8", "7bit"), t.encode(), s,
      "It works again, thank you!", "Please try again")
# 13 Chinese header block 发件人：/发送时间： (Outlook zh) in QP UTF-8
s = "答复：发票抬头需要修改"
t = ("已经收到，谢谢。\r\n\r\n发件人： 客服 <support@flowdesk.local>\r\n发送时间： 2026年12月1日 10:00\r\n"
     "收件人： li@example.cn\r\n主题： 发票抬头需要修改\r\n\r\n已修改。\r\n")
write("reply-outlook-zh.eml", common(13, "li@example.cn", word(s, "utf-8", "Q"), "text/plain; charset=utf-8",
      "quoted-printable"), qp(t.encode()).encode(), s, "已经收到，谢谢。", "已修改")
# 14 attachment (pdf) and inline image, GBK file name in RFC 2231 form
s = "合同扫描件"
pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
fname = "".join("%%%02X" % b for b in "合同.pdf".encode("utf-8"))
body = ("--MIX\r\nContent-Type: multipart/related; boundary=\"REL\"\r\n\r\n"
        "--REL\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>合同见附件，截图如下：</p><img src=\"cid:shot1\">\r\n"
        "--REL\r\nContent-Type: image/png\r\nContent-ID: <shot1>\r\nContent-Disposition: inline\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + b64(png) + "\r\n--REL--\r\n"
        "--MIX\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''" + fname +
        "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(pdf) + "\r\n--MIX--\r\n")
write("attachments.eml", common(14, "wu@example.cn", word(s, "utf-8"), 'multipart/mixed; boundary="MIX"'),
      body.encode(), s, "合同见附件")
# 15 broken: multipart whose boundary never occurs
write("broken-multipart.eml", common(15, "x@example.com", "broken", 'multipart/mixed; boundary="NEVER"'),
      b"this is not what was promised\r\n", "", "", kind="unparsed")
# 16 not mail at all: binary garbage without headers
with open("garbage.eml", "wb") as f:
    f.write(bytes(range(256)) * 4)
rows.append("\t".join(["garbage.eml", "unparsed", "", "", ""]))
# 17 ISO-8859-1 labelled Latin text stays Latin
s = "Réclamation"
write("latin1.eml", common(17, "marie@example.fr", word(s, "iso-8859-1", "Q"), "text/plain; charset=iso-8859-1",
      "quoted-printable"), qp("Bonjour, le colis est arrivé cassé.\r\n".encode("latin-1")).encode(), s,
      "le colis est arrivé cassé.")

with open("expected.tsv", "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")
