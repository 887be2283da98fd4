package io.flowdesk.sla.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.flowdesk.shared.FlowClock;
import io.flowdesk.shared.Json;
import io.flowdesk.sla.SlaPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/** The {@code sla_policy} rows; conditions and targets are JSON documents of the {@link SlaPolicy} records. */
public final class PolicyRows {

    private static final TypeReference<Map<String, SlaPolicy.TargetSpec>> TARGETS = new TypeReference<>() {
    };

    private PolicyRows() {
    }

    /** All policies in their order. */
    public static Uni<List<SlaPolicy>> all() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select key, name_zh, name_en, position, enabled, "
                + "conditions_json, calendar_key, targets_json from sla_policy order by position, key", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new SlaPolicy((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), Boolean.TRUE.equals(r[4]), read((String) r[5],
                                SlaPolicy.Conditions.class), (String) r[6], readTargets((String) r[7]))).toList());
    }

    /** Replaces every policy (an ordered list is one document for its editor). */
    public static Uni<Void> replaceAll(List<SlaPolicy> policies) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("delete from sla_policy").executeUpdate();
            for (SlaPolicy p : policies) {
                chain = chain.chain(() -> s.createNativeQuery("insert into sla_policy (key, name_zh, name_en, "
                        + "position, enabled, conditions_json, calendar_key, targets_json, updated_at) values (?1, ?2, "
                        + "?3, ?4, ?5, ?6, ?7, ?8, ?9)").setParameter(1, p.key()).setParameter(2, p.nameZh())
                        .setParameter(3, p.nameEn()).setParameter(4, p.position()).setParameter(5, p.enabled())
                        .setParameter(6, Json.write(p.conditions())).setParameter(7, p.calendar())
                        .setParameter(8, Json.write(p.targets())).setParameter(9, FlowClock.offsetNow())
                        .executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json == null ? "{}" : json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("sla_policy json", e);
        }
    }

    private static Map<String, SlaPolicy.TargetSpec> readTargets(String json) {
        try {
            return Json.MAPPER.readValue(json == null ? "{}" : json, TARGETS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("sla_policy targets", e);
        }
    }
}
