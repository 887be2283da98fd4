package io.flowdesk.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** REST Assured helpers: requests as a demo user (password {@code demo}). */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Creates a ticket and returns its number (asserts 201). */
    public static String createTicket(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/tickets").then().statusCode(201).extract().path("number");
    }

    public static Response ticket(String user, String number) {
        return as(user).get("/api/tickets/" + number);
    }

    /** The open task of a ticket whose step uses the given form (form keys are fixed by the shipped templates). */
    public static String openTask(String number, String formKey) {
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                .extract().path("openTasks");
        return tasks.stream().filter(t -> formKey.equals(t.get("formKey"))).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no open task with form " + formKey + " on "
                        + number + "; open: " + tasks.stream().map(t -> t.get("formKey")).toList()));
    }

    /** Form keys of the open tasks of a ticket, sorted. */
    public static List<String> openForms(String number) {
        List<Map<String, Object>> tasks = as("admin").get("/api/tickets/" + number).then().statusCode(200)
                .extract().path("openTasks");
        return tasks.stream().map(t -> (String) t.get("formKey")).sorted().toList();
    }

    public static Response complete(String user, String taskId, Map<String, Object> data) {
        return as(user).body(Map.of("data", data)).post("/api/tasks/" + taskId + "/complete");
    }
}
