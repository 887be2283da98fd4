package io.flowdesk.notify.internal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Opens a robot's or endpoint's URL and secret at the moment of sending (blocking; the sender's thread). */
@ApplicationScoped
public class Targets {

    public record Target(String key, String vendor, String url, String secret, String locale, boolean enabled) {
    }

    @Inject
    Secrets secrets;

    public Target robot(String key) {
        return load("select key, vendor, url_sealed, secret_sealed, locale, enabled from notify_robot where key = ?1", key);
    }

    public Target endpoint(String key) {
        return load("select key, 'webhook', url_sealed, secret_sealed, 'en', enabled from notify_endpoint where key = ?1",
                key);
    }

    private Target load(String sql, String key) {
        List<Object[]> rows;
        try {
            rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(sql, Object[].class).setParameter(1, key).getResultList())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Target((String) r[0], (String) r[1], secrets.open((String) r[2]), secrets.open((String) r[3]),
                (String) r[4], Boolean.TRUE.equals(r[5]));
    }
}
