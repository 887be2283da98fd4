package io.flowdesk.routing.internal;

import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The skills catalogue (always) and, in the demo, agents that start online with skills; idempotent (runs after the
 * demo users exist: Bootstrap observes start-up at priority 10).
 */
@ApplicationScoped
public class RoutingDemo {

    /** key, 中文, English */
    static final List<String[]> SKILLS = List.of(
            new String[] {"refund", "退款处理", "Refunds"},
            new String[] {"logistics", "物流", "Logistics"},
            new String[] {"network", "网络", "Network"},
            new String[] {"printer", "打印机", "Printers"},
            new String[] {"english", "英语", "English"},
            new String[] {"vip", "VIP 客户", "VIP customers"});

    static final Map<String, Map<String, Integer>> DEMO_AGENTS = Map.of(
            "supervisor", Map.of("refund", 4, "vip", 5),
            "agent1", Map.of("refund", 3, "logistics", 2),
            "agent2", Map.of("refund", 2, "english", 4, "network", 2),
            "engineer1", Map.of("network", 4, "printer", 2),
            "oncall1", Map.of("network", 3, "printer", 4),
            "warehouse1", Map.of("logistics", 4),
            "finance1", Map.of("refund", 4));

    @Inject
    RoutingStore store;

    @ConfigProperty(name = "flowdesk.demo", defaultValue = "false")
    boolean demo;

    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::seed));
    }

    Uni<Void> seed() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String[] skill : SKILLS) {
            chain = chain.chain(() -> store.ensureSkill(skill[0], skill[1], skill[2]));
        }
        if (!demo) {
            return chain;
        }
        for (var agent : new java.util.TreeMap<>(DEMO_AGENTS).entrySet()) {
            chain = chain.chain(() -> store.seedAgent(agent.getKey(), agent.getValue(), FlowClock.instant()));
        }
        return chain;
    }
}
