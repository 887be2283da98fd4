package io.flowdesk.notify.internal;

import io.flowdesk.shared.FlowClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In the demo, a DingTalk robot for the supervisors' department ({@code cs-supervisor}) that hears SLA warnings,
 * breaches and escalations, pointing at this node's own demo sink ({@code /api/public/demo/robot-sink}, see
 * {@code DemoRobotSink}): a breach shows up there as the signed DingTalk message a supervisor's phone would get, and
 * nothing leaves the machine. Created once (an admin may change or delete it); skipped without a secrets key.
 */
@ApplicationScoped
public class NotifyDemo {

    private static final Logger LOG = Logger.getLogger(NotifyDemo.class);
    public static final String ROBOT = "supervisors-dingtalk";

    @ConfigProperty(name = "flowdesk.demo", defaultValue = "false")
    boolean demo;

    @ConfigProperty(name = "flowdesk.notify.demo-robot", defaultValue = "true")
    boolean demoRobot;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Inject
    NotifySettings settings;

    @Inject
    Secrets secrets;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!demo || !demoRobot || settings.secretsKey().isEmpty()) {
            return;
        }
        try {
            String url = secrets.seal("http://127.0.0.1:" + port + "/api/public/demo/robot-sink");
            String secret = secrets.seal("SECdemo-only-not-a-real-dingtalk-secret");
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("insert into notify_robot (key, department_key, vendor, locale, "
                            + "url_sealed, secret_sealed, events, enabled, created_at) select ?1, 'cs-supervisor', "
                            + "'dingtalk', 'zh-CN', ?2, ?3, 'slaWarning,slaBreached,escalated', true, ?4 where exists "
                            + "(select 1 from department where key = 'cs-supervisor') on conflict (key) do nothing")
                            .setParameter(1, ROBOT).setParameter(2, url).setParameter(3, secret)
                            .setParameter(4, FlowClock.offsetNow()).executeUpdate())));
        } catch (Throwable e) {
            LOG.warnf("demo robot not created: %s", e.getMessage());
        }
    }
}
