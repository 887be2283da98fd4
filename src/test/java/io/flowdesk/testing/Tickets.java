package io.flowdesk.testing;

import java.util.HashMap;
import java.util.Map;

/** Small builders for ticket-create bodies. */
public final class Tickets {

    private Tickets() {
    }

    public static Map<String, Object> body(String type, String priority, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", "Test " + type + " " + System.nanoTime());
        body.put("priority", priority);
        body.put("customer", Map.of("name", "测试客户", "email", "c@example.com", "phone", "13812345678"));
        body.put("data", data);
        return body;
    }
}
