package io.flowdesk.tickets;

import static io.flowdesk.testing.Api.createTicket;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flowdesk.testing.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttachmentApiTest {

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo");
    }

    static String ticket() {
        return createTicket("customer1", Tickets.body("it-incident", "P3", Map.of("summary", "蓝屏", "category",
                "software")));
    }

    @Test
    void fileNamedWithPathTraversalIsStoredSafelyWithItsChecksum() throws Exception {
        String number = ticket();
        byte[] content = "blue screen log 蓝屏日志".getBytes(StandardCharsets.UTF_8);
        int id = as("customer1").multiPart("file", "../../x.txt", content, "text/plain")
                .post("/api/tickets/" + number + "/attachments").then().statusCode(201)
                .body("fileName", equalTo("x.txt"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))))
                .extract().path("id");
        assertFalse(Files.exists(Path.of("target/x.txt")) || Files.exists(Path.of("x.txt")), "nothing escaped");
        byte[] downloaded = as("agent1").get("/api/tickets/" + number + "/attachments/" + id).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(content, downloaded);
        as("customer2").get("/api/tickets/" + number + "/attachments/" + id).then().statusCode(404);
        as("customer2").get("/api/tickets/" + number + "/attachments").then().statusCode(404);
        // the timeline says so in the reader's language, and names its catalogue key
        as("agent1").header("Accept-Language", "zh-CN").get("/api/tickets/" + number + "/timeline").then()
                .body("find { it.kind == 'ATTACHMENT' }.summary", equalTo("上传了附件 x.txt"))
                .body("find { it.kind == 'ATTACHMENT' }.summaryKey", equalTo("timeline.text.attached"));
        as("agent1").header("Accept-Language", "en").get("/api/tickets/" + number + "/timeline").then()
                .body("find { it.kind == 'ATTACHMENT' }.summary", equalTo("Attached x.txt"));
    }

    @Test
    void overTheSizeLimitIsAClearError() {
        String number = ticket();
        byte[] big = new byte[1024 * 1024 + 10];
        as("customer1").multiPart("file", "big.pdf", big, "application/pdf")
                .post("/api/tickets/" + number + "/attachments").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/file"))
                .body("errors[0].rule", equalTo("max-size"));
        as("customer1").multiPart("file", "run.exe", new byte[] {1, 2}, "application/octet-stream")
                .post("/api/tickets/" + number + "/attachments").then().statusCode(422)
                .body("errors[0].rule", equalTo("file-type"));
        as("customer1").header("Accept-Language", "zh-CN").multiPart("file", "empty.txt", new byte[0], "text/plain")
                .post("/api/tickets/" + number + "/attachments").then().statusCode(422)
                .body("errors[0].message", equalTo("文件是空的。"));
        as("customer1").header("Accept-Language", "en").multiPart("file", "run.exe", new byte[] {1, 2},
                "application/octet-stream").post("/api/tickets/" + number + "/attachments").then().statusCode(422)
                .body("detail", equalTo("This file type is not accepted."))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("Files of type .exe are not accepted;"));
    }

    @Test
    void internalAttachmentsNeverReachTheCustomer() {
        String number = ticket();
        int id = as("agent1").multiPart("file", "内部排查.txt", "secret".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("internal", "true").post("/api/tickets/" + number + "/attachments").then().statusCode(201)
                .body("internal", equalTo(true)).extract().path("id");
        as("customer1").get("/api/tickets/" + number + "/attachments").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as("customer1").get("/api/tickets/" + number + "/attachments/" + id).then().statusCode(404);
        assertEquals(200, as("agent2").get("/api/tickets/" + number + "/attachments/" + id).statusCode());
    }
}
