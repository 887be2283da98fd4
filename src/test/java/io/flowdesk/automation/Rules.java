package io.flowdesk.automation;

import static io.flowdesk.testing.Api.as;

import io.flowdesk.testing.Tickets;
import io.flowdesk.tickets.TicketEventStream;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Small builders and helpers for the automation tests. */
final class Rules {

    private Rules() {
    }

    static Map<String, Object> rule(String key, Map<String, Object> trigger, List<Map<String, Object>> all,
            List<Map<String, Object>> any, List<Map<String, Object>> actions) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("key", key);
        r.put("nameZh", "规则 " + key);
        r.put("nameEn", "Rule " + key);
        r.put("trigger", trigger);
        r.put("conditions", Map.of("all", all, "any", any));
        r.put("actions", actions);
        r.put("enabled", true);
        return r;
    }

    static Map<String, Object> trigger(String type, String... pairs) {
        Map<String, Object> t = new HashMap<>(map(pairs));
        t.put("type", type);
        return t;
    }

    static Map<String, Object> when(String field, String op, String value) {
        Map<String, Object> c = new HashMap<>();
        c.put("field", field);
        c.put("op", op);
        if (value != null) {
            c.put("value", value);
        }
        return c;
    }

    static Map<String, Object> act(String type, String... pairs) {
        Map<String, Object> a = new HashMap<>(map(pairs));
        a.put("type", type);
        return a;
    }

    static Map<String, Object> map(String... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static void create(Map<String, Object> rule) {
        as("admin").body(rule).post("/api/automation/rules").then().statusCode(201);
    }

    static void disable(String key) {
        as("admin").post("/api/automation/rules/" + key + "/disable").then().statusCode(200);
    }

    static Map<String, Object> incident(String title, String priority) {
        Map<String, Object> body = Tickets.body("it-incident", priority, Map.of("summary", "打印机无法打印",
                "category", "hardware", "location", "3F-301"));
        body.put("title", title);
        return body;
    }

    static Map<String, Object> refund(String title, double amount) {
        Map<String, Object> body = Tickets.body("ecommerce-refund", "P3", Map.of("orderNo", "JD-1",
                "refundAmount", amount, "reason", "damaged", "description", "外包装破损", "contactPhone",
                "13812345678"));
        body.put("title", title);
        return body;
    }

    static List<Map<String, Object>> timeline(String number, String language) {
        return as("admin").header("Accept-Language", language).get("/api/tickets/" + number + "/timeline").then()
                .statusCode(200).extract().path("");
    }

    static List<String> kinds(String number) {
        List<String> kinds = new ArrayList<>();
        timeline(number, "en").forEach(e -> kinds.add((String) e.get("kind")));
        return kinds;
    }

    static List<String> summaries(String number, String kind, String language) {
        return timeline(number, language).stream().filter(e -> kind.equals(e.get("kind")))
                .map(e -> (String) e.get("summary")).toList();
    }

    /** Lets the automation consumer catch up with the whole stream (it waits in front of young holes). */
    static void drain(TicketEventStream stream) throws Throwable {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            await(() -> stream.drain("automation"));
            long max = await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                    .createNativeQuery("select coalesce(max(id), 0) from ticket_event", Long.class).getSingleResult())));
            if (await(() -> stream.position("automation")) >= max) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the automation consumer did not catch up");
            }
            Thread.sleep(100);
        }
    }

    static long ticketId(String number) throws Throwable {
        return await(() -> Panache.withSession(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("select id from ticket where number = ?1", Long.class).setParameter(1, number)
                .getSingleResult())));
    }

    static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
