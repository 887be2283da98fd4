package io.flowdesk.tokens;

import static io.flowdesk.testing.Browser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.testing.AppProcess;
import io.flowdesk.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent creates an API token on the tokens page, sees the secret once, uses it, sees the last use, and revokes
 * it; an admin creates a service account and gives it an intake token. Headless Chromium, zh-CN and en, desktop and
 * phone; screenshots in target/screenshots.
 */
class TokensBrowserIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAgentCreatesUsesAndRevokesATokenAndAnAdminMakesAServiceAccount() throws Exception {
        try (AppProcess app = new AppProcess("flowdesk_it_tokens", 18360)) {
            app.start(true);
            for (String language : List.of("zh-CN", "en")) {
                for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
                    String tag = (language.equals("zh-CN") ? "zh" : "en") + "-" + (size[0] > 800 ? "desktop"
                            : "phone");
                    personalToken(app, language, size, tag);
                    if (size[0] > 800) {
                        serviceAccount(app, language, tag);
                    }
                }
            }
        }
    }

    private static void personalToken(AppProcess app, String language, int[] size, String tag) throws Exception {
        boolean zh = language.equals("zh-CN");
        WebDriver driver = Browser.start(size[0], size[1], language);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "agent1");
            driver.get(app.baseUrl() + "/me/tokens");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-name")));
            Browser.settle(driver);
            // nothing chosen: the form says what is missing, by its label
            Browser.click(driver, "token-create");
            wait.until(d -> d.findElements(By.cssSelector("#token-name[invalid]")).size() == 1);
            assertEquals(zh ? "名称：请说明令牌的用途（1 到 100 个字符）。" : "Name: say what the token is for (1 to 100 characters).",
                    driver.findElement(By.id("token-name")).getAttribute("errorMessage"));
            // an agent is offered only the scopes of an agent
            String offered = driver.findElement(By.id("token-scopes")).getText();
            assertTrue(offered.contains("tickets:read") && offered.contains("tickets:write"), offered);
            assertFalse(offered.contains("admin") || offered.contains("intake") || offered.contains("reports:read"),
                    offered);
            Browser.type(driver, "token-name", "CI " + tag);
            checkScope(driver, "token-scopes", "tickets:read");
            Browser.click(driver, "token-create");
            wait.until(d -> d.findElement(By.id("token-secret")).isDisplayed());
            String secret = driver.findElement(By.id("token-secret")).getText().strip();
            assertTrue(secret.startsWith("fdt_"), secret);
            assertTrue(driver.findElement(By.id("token-secret-box")).getText().contains(zh ? "只在此时显示一次"
                    : "only time it is shown"));
            Browser.click(driver, "token-copy");
            screenshot(driver, "tokens-created-" + tag);

            assertEquals(200, get(app, "/api/tickets", secret).statusCode());
            assertEquals(403, get(app, "/api/macros", secret).statusCode());

            Browser.click(driver, "token-done");
            driver.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-list")));
            Browser.settle(driver);
            String id = secret.substring(4, 16);
            String card = "#token-list .fd-token-card[data-id='" + id + "']";
            wait.until(d -> !d.findElements(By.cssSelector(card)).isEmpty());
            assertFalse(driver.getPageSource().contains(secret.substring(17)), "the secret is shown again");
            String used = driver.findElement(By.cssSelector(card + " .fd-token-used")).getText();
            assertTrue(used.contains("127.0.0.1") && used.startsWith(zh ? "最近使用" : "Last used"), used);
            ((JavascriptExecutor) driver).executeScript("document.getElementById('token-list').scrollIntoView();");
            screenshot(driver, "tokens-list-" + tag);

            WebDriverWait revokeWait = new WebDriverWait(driver, Duration.ofSeconds(30));
            ((JavascriptExecutor) driver).executeScript("document.querySelector(arguments[0]).click();",
                    card + " .fd-token-revoke");
            Browser.settle(driver);
            revokeWait.until(d -> "revoked".equals(d.findElement(By.cssSelector(card)).getAttribute("data-status")));
            assertEquals(zh ? "已吊销" : "Revoked", driver.findElement(By.cssSelector(card + " .fd-token-status"))
                    .getText());
            HttpResponse<String> after = get(app, "/api/tickets", secret);
            assertEquals(401, after.statusCode());
            assertTrue(after.body().contains("revoked") || after.body().contains("吊销"), after.body());
        } catch (RuntimeException | AssertionError e) {
            screenshot(driver, "tokens-failure-" + tag);
            System.out.println("tokens page at failure:\n" + driver.findElement(By.tagName("body")).getText());
            throw e;
        } finally {
            driver.quit();
        }
    }

    private static void serviceAccount(AppProcess app, String language, String tag) throws Exception {
        boolean zh = language.equals("zh-CN");
        WebDriver driver = Browser.start(1366, 900, language);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(app.baseUrl() + "/login");
            Browser.login(driver, "admin");
            driver.get(app.baseUrl() + "/admin/service-accounts");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sa-username")));
            Browser.settle(driver);
            String account = "svc-relay-" + tag;
            Browser.type(driver, "sa-username", account);
            Browser.type(driver, "sa-display-name", zh ? "邮件中继" : "Mail relay");
            Browser.click(driver, "sa-create");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sa-token-name")));
            Browser.type(driver, "sa-token-name", "postfix");
            checkScope(driver, "sa-token-scopes", "intake");
            Browser.click(driver, "sa-token-create");
            wait.until(d -> d.findElement(By.id("sa-token-secret")).isDisplayed());
            String secret = driver.findElement(By.id("sa-token-secret")).getText().strip();
            assertEquals(403, get(app, "/api/tickets", secret).statusCode());
            assertTrue(driver.findElement(By.id("sa-list")).getText().contains(account));
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
            screenshot(driver, "service-accounts-" + tag);
            ((JavascriptExecutor) driver).executeScript(
                    "document.getElementById('sa-token-secret-box').scrollIntoView({block: 'start'});");
            screenshot(driver, "service-account-token-" + tag);
            // the service account cannot sign in
            assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tickets"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (account + ":").getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        } catch (RuntimeException | AssertionError e) {
            screenshot(driver, "service-accounts-failure-" + tag);
            System.out.println("service accounts page at failure:\n" + driver.findElement(By.tagName("body")).getText());
            throw e;
        } finally {
            driver.quit();
        }
    }

    private static void checkScope(WebDriver driver, String groupId, String scope) {
        String id = groupId + "-" + scope.replace(':', '-');
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#' + arguments[0] + ' input').click();", id);
        Browser.settle(driver);
    }

    private static HttpResponse<String> get(AppProcess app, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Authorization",
                "Bearer " + token).header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
