package io.flowdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.CreateTicketRequest;
import io.flowdesk.tickets.Customer;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Open tickets for the demo ({@code flowdesk.demo-tickets=true}, set by {@code bin/flowdesk run}): created once,
 * when the database holds no ticket yet, at instants in the past so that the demo shows deadlines on track, at
 * risk and breached, and an escalation that has fired. With the adjustable clock the tickets are written while the
 * clock stands at their creation time; without it they are created now.
 */
@ApplicationScoped
public class DemoTickets {

    private static final Logger LOG = Logger.getLogger(DemoTickets.class);

    @Inject
    TicketService tickets;

    @Inject
    CollaborationService collaboration;

    @Inject
    IdentityService identity;

    @Inject
    FlowClock clock;

    private record Demo(String user, Duration ago, String type, String title, String priority, String channel,
            Map<String, Object> data, String staffReply) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("customer1", Duration.ofHours(27), "ecommerce-refund", "耳机外包装破损，申请退款", "P2", "portal",
                    Map.of("orderNo", "JD-20261201-07", "refundAmount", 299, "reason", "damaged",
                            "description", "收到时外包装破损，耳机左声道无声", "contactPhone", "13800001111"), null),
            new Demo("customer2", Duration.ofMinutes(50), "it-incident", "VPN cannot connect since this morning", "P1",
                    "portal", Map.of("summary", "VPN 连接失败 / VPN fails", "category", "network", "location", "HQ 5F"),
                    null),
            new Demo("agent1", Duration.ofHours(3), "bug-escalation", "导出报表时报错", "P3", "phone",
                    Map.of("product", "web-app", "version", "3.2.1", "stepsToReproduce", "1. 登录 2. 报表 3. 导出",
                            "customerImpact", "high"), "已复现，正在交给研发处理。"),
            new Demo("customer1", Duration.ofMinutes(5), "it-incident", "打印机无法打印", "P3", "portal",
                    Map.of("summary", "打印机无法打印", "category", "hardware", "location", "3F-301"), null),
            new Demo("customer2", Duration.ofHours(30), "ecommerce-refund", "Wrong size delivered", "P4", "email",
                    Map.of("orderNo", "JD-20261130-02", "refundAmount", 89, "reason", "other",
                            "description", "Ordered M, got XL", "contactPhone", "13900002222"),
                    "We have arranged a return pickup for tomorrow."));

    /** Creates the demo tickets when there is none yet; answers how many it created. */
    public Uni<Integer> ensure() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from ticket", Long.class).getSingleResult()))
                .chain(count -> count > 0 ? Uni.createFrom().item(0) : create());
    }

    private Uni<Integer> create() {
        Instant now = clock.now();
        return identity.existing(DEMOS.stream().map(Demo::user).distinct().toList())
                .map(users -> users.stream().collect(Collectors.toMap(CurrentUser::username, Function.identity())))
                .chain(users -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Demo demo : DEMOS.stream().sorted((a, b) -> b.ago().compareTo(a.ago())).toList()) {
                        CurrentUser user = users.get(demo.user());
                        if (user == null) {
                            continue;
                        }
                        chain = chain.chain(done -> at(now.minus(demo.ago())).chain(() -> one(user, demo, users))
                                .map(ignored -> done + 1));
                    }
                    return chain.call(() -> at(now));
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "demo tickets not created");
                    return at(now).onFailure().recoverWithNull().replaceWith(0);
                });
    }

    private Uni<Void> one(CurrentUser user, Demo demo, Map<String, CurrentUser> users) {
        JsonNode data = Json.MAPPER.valueToTree(demo.data());
        Customer customer = user.isCustomer() ? null
                : new Customer("王五 Demo", "demo.customer@example.com", "13700003333");
        return tickets.create(user, new CreateTicketRequest(demo.type(), demo.title(), demo.priority(), customer, data,
                demo.channel()), "demo-" + demo.title().hashCode())
                .chain(created -> demo.staffReply() == null || users.get("agent1") == null ? Uni.createFrom().voidItem()
                        : collaboration.post(users.get("agent1"), created.ticket().number(), demo.staffReply(), false)
                                .replaceWithVoid());
    }

    /** Stands the adjustable clock at an instant; a no-op on the system clock (the tickets are then created now). */
    private Uni<Void> at(Instant instant) {
        return clock.adjustable() ? clock.set(instant).replaceWithVoid() : Uni.createFrom().voidItem();
    }
}
