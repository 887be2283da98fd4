package io.flowdesk.channels.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds the quoted history of a reply away from its new text: everything from the first history marker on
 * ("On … wrote:", "在 … 写道：", "-----原始邮件-----", "-----Original Message-----", an Outlook "________" rule, a
 * "发件人：/From:" header block) and a closing block of "&gt; " lines.
 */
public final class QuotedHistory {

    /** The new text and what was folded away (empty when nothing was). */
    public record Split(String text, String quoted) {
    }

    private static final Pattern WROTE = Pattern.compile(
            "^(On\\s.{1,300}\\swrote:|在.{1,300}写道[:：]|.{1,200}于\\s?\\d{4}.{0,100}写道[:：]|Am\\s.{1,300}schrieb.{0,100}:|Le\\s.{1,300}a écrit\\s?:)\\s*$");
    private static final Pattern RULE = Pattern.compile(
            "^\\s*-{3,}\\s*(原始邮件|原始郵件|Original Message|Original|回复的原邮件|转发的邮件|Forwarded message)\\s*-{3,}.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern FROM_LINE = Pattern.compile("^\\s*\\*?(发件人|寄件者|From)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*?(发送时间|日期|时间|收件人|抄送|主题|Sent|Date|To|Cc|Subject)\\s*\\*?\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);

    private QuotedHistory() {
    }

    public static Split split(String body) {
        if (body == null || body.isBlank()) {
            return new Split("", "");
        }
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int cut = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (isMarker(lines, i)) {
                cut = i;
                break;
            }
        }
        int quoteStart = cut;
        // a closing block of "> " lines (blank lines allowed between) is history too
        for (int i = cut - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith(">")) {
                quoteStart = i;
            } else if (!line.isEmpty()) {
                break;
            }
        }
        String text = String.join("\n", lines.subList(0, quoteStart)).strip();
        String quoted = String.join("\n", lines.subList(quoteStart, lines.size())).strip();
        if (text.isEmpty()) {
            return new Split(body.strip(), "");
        }
        return new Split(text, quoted);
    }

    private static boolean isMarker(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (RULE.matcher(line).matches() || UNDERSCORES.matcher(line).matches() && nextIsFrom(lines, i)) {
            return true;
        }
        if (WROTE.matcher(line).matches()) {
            return true;
        }
        // "On Mon, 1 Dec 2026 at 10:00, Li Lei <li@example.com>" / "wrote:" wrapped onto two lines
        if (line.startsWith("On ") && i + 1 < lines.size() && WROTE.matcher(line + " "
                + lines.get(i + 1).strip()).matches()) {
            return true;
        }
        if (FROM_LINE.matcher(line).matches()) {
            int headers = 0;
            for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
                if (HEADER_LINE.matcher(lines.get(j)).matches()) {
                    headers++;
                }
            }
            return headers >= 1;
        }
        return false;
    }

    private static boolean nextIsFrom(List<String> lines, int i) {
        for (int j = i + 1; j < Math.min(lines.size(), i + 3); j++) {
            if (FROM_LINE.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }
}
