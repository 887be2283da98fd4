package io.flowdesk.sla.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Demo data: customer1 is a VIP (set on each demo start while they have no organisation and the standard tier). */
@ApplicationScoped
public class DemoTiers {

    @ConfigProperty(name = "flowdesk.demo", defaultValue = "false")
    boolean demo;

    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        if (!demo) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("update app_user set tier = 'vip' where username = 'customer1' and "
                        + "tier = 'standard' and organisation_key is null").executeUpdate())));
    }
}
