package io.flowdesk.shared;

import static io.flowdesk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FlowClockTest {

    @Inject
    FlowClock clock;

    @Test
    void anAdminMovesTheSharedClockAndOthersMayNot() {
        Instant before = clock.now();
        as("admin").body(Map.of("advanceMinutes", 90)).post("/api/clock").then().statusCode(200);
        Instant after = clock.now();
        assertTrue(Duration.between(before, after).toMinutes() >= 90, before + " → " + after);
        assertTrue(FlowClock.instant().isAfter(before.plus(Duration.ofMinutes(89))), "static view agrees");
        as("agent1").body(Map.of("advanceMinutes", 5)).post("/api/clock").then().statusCode(403);
        as("admin").header("Accept-Language", "zh-CN").body(Map.of("set", "tomorrow")).post("/api/clock").then()
                .statusCode(422).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/set"))
                .body("errors[0].message", containsString("不是时间点"));
        as("admin").body(Map.of("set", Instant.now().toString())).post("/api/clock").then().statusCode(200);
        assertTrue(Duration.between(Instant.now(), clock.now()).abs().toSeconds() < 5);
    }
}
