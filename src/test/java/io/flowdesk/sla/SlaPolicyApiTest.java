package io.flowdesk.sla;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaPolicyApiTest {

    @Test
    void adminsReplaceThePoliciesOthersMayNotAndErrorsNameTheFieldInTheReadersLanguage() {
        List<Map<String, Object>> policies = as("admin").get("/api/sla/policies").then().statusCode(200).extract()
                .path("");
        assertEquals(List.of("vip-p1", "p1-p2", "standard"), policies.stream().map(p -> p.get("key")).toList());
        as("customer1").get("/api/sla/policies").then().statusCode(403);
        as("agent1").body(policies).put("/api/sla/policies").then().statusCode(403);

        List<Map<String, Object>> broken = new ArrayList<>();
        for (Map<String, Object> p : policies) {
            broken.add(new HashMap<>(p));
        }
        broken.get(1).put("key", "vip-p1");
        broken.get(2).put("calendar", "mars");
        as("admin").header("Accept-Language", "zh-CN").body(broken).put("/api/sla/policies").then().statusCode(422)
                .body("errors.pointer", hasItem("/1/key")).body("errors.pointer", hasItem("/2/calendar"))
                .body("errors.find { it.pointer == '/1/key' }.message", equalTo("标识已被另一个策略使用"));
        as("admin").header("Accept-Language", "en").body(broken).put("/api/sla/policies").then().statusCode(422)
                .body("errors.find { it.pointer == '/2/calendar' }.message", containsString("Calendar: no such"));

        // the order is the list's: standard first now, switched off
        List<Map<String, Object>> reordered = new ArrayList<>();
        Map<String, Object> standard = new HashMap<>(policies.get(2));
        standard.put("enabled", false);
        reordered.add(standard);
        reordered.add(policies.get(0));
        reordered.add(policies.get(1));
        as("admin").body(reordered).put("/api/sla/policies").then().statusCode(200)
                .body("key", equalTo(List.of("standard", "vip-p1", "p1-p2")))
                .body("position", equalTo(List.of(1, 2, 3))).body("[0].enabled", equalTo(false));
        // restore what the other tests expect
        as("admin").body(policies).put("/api/sla/policies").then().statusCode(200)
                .body("key", equalTo(List.of("vip-p1", "p1-p2", "standard")));
    }

    @Test
    void anOrganisationsTierLiftsItsCustomers() {
        as("agent1").body(Map.of("tier", "vip")).put("/api/customers/customer2/tier").then().statusCode(403);
        as("admin").body(Map.of("tier", "gold")).put("/api/customers/customer2/tier").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/tier"));
        as("admin").body(Map.of("name", "Beta 公司", "tier", "vip")).put("/api/organisations/beta").then()
                .statusCode(200).body("tier", equalTo("vip"));
        as("admin").body(Map.of("organisation", "beta")).put("/api/customers/customer2/tier").then().statusCode(200)
                .body("tier", equalTo("standard")).body("effectiveTier", equalTo("vip"));
        as("admin").body(Map.of("organisation", "")).put("/api/customers/customer2/tier").then().statusCode(200)
                .body("effectiveTier", equalTo("standard"));
        as("admin").delete("/api/organisations/beta").then().statusCode(204);
        as("admin").get("/api/customers/customer1/tier").then().statusCode(200).body("tier", equalTo("vip"));
    }
}
