package io.flowdesk.notify.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.shared.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The group robots' documented message formats. WeCom (企业微信): {@code {"msgtype":"markdown","markdown":{"content"}}}
 * to the webhook URL (its key is the secret). DingTalk (钉钉): {@code {"msgtype":"markdown","markdown":{"title","text"}}}
 * with {@code timestamp} (ms) and {@code sign} = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))
 * as query parameters. Feishu (飞书): {@code {"timestamp","sign","msg_type":"text","content":{"text"}}} where
 * {@code timestamp} is in seconds and {@code sign} = base64(HmacSHA256(key = timestamp + "\n" + secret, empty data)).
 */
public final class RobotFormats {

    public static final String WECOM = "wecom";
    public static final String DINGTALK = "dingtalk";
    public static final String FEISHU = "feishu";
    public static final List<String> VENDORS = List.of(WECOM, DINGTALK, FEISHU);

    /** WeCom's markdown content is at most 4096 bytes. */
    static final int MAX_BYTES = 4000;

    public record Request(String url, String body) {
    }

    private RobotFormats() {
    }

    public static Request request(String vendor, String url, String secret, Instant now, String title,
            List<String> lines) {
        return switch (vendor) {
            case WECOM -> wecom(url, title, lines);
            case DINGTALK -> dingtalk(url, secret, now, title, lines);
            case FEISHU -> feishu(url, secret, now, title, lines);
            default -> throw new IllegalArgumentException("robot vendor " + vendor);
        };
    }

    static Request wecom(String url, String title, List<String> lines) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", fit("**" + title + "**\n" + String.join("\n", lines)));
        return new Request(url, Json.write(body));
    }

    static Request dingtalk(String url, String secret, Instant now, String title, List<String> lines) {
        String signed = url;
        if (secret != null && !secret.isBlank()) {
            long timestamp = now.toEpochMilli();
            String sign = URLEncoder.encode(Http.hmacBase64(secret, timestamp + "\n" + secret), StandardCharsets.UTF_8);
            signed = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + sign;
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", title).put("text", fit("#### " + title + "\n\n"
                + String.join("\n\n", lines)));
        return new Request(signed, Json.write(body));
    }

    static Request feishu(String url, String secret, Instant now, String title, List<String> lines) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (secret != null && !secret.isBlank()) {
            long timestamp = now.getEpochSecond();
            byte[] key = (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8);
            body.put("timestamp", Long.toString(timestamp)).put("sign",
                    java.util.Base64.getEncoder().encodeToString(Http.hmac(key, new byte[0])));
        }
        body.put("msg_type", "text");
        body.putObject("content").put("text", fit(title + "\n" + String.join("\n", lines)));
        return new Request(url, Json.write(body));
    }

    /** Cuts at a line end below the vendors' size limit, saying how many lines were left out. */
    static String fit(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return text;
        }
        String[] all = text.split("\n");
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : all) {
            if ((out + line).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES - 60) {
                break;
            }
            out.append(line).append('\n');
            kept++;
        }
        return out + "… +" + (all.length - kept) + " (FlowDesk)";
    }

    /** WeCom and DingTalk answer 200 with {@code errcode}; Feishu with {@code code}. Non-zero is a failure. */
    static String error(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            var node = Json.parse(answer);
            int code = node.has("errcode") ? node.path("errcode").asInt() : node.path("code").asInt(0);
            return code == 0 ? null : "robot answered " + DeliveryStore.cut(answer, 300);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
