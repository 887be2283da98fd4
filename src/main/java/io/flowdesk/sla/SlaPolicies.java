package io.flowdesk.sla;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.PolicyRows;
import io.flowdesk.sla.internal.PolicyValidation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The ordered SLA policies: read by everyone on staff, replaced as a whole by admins (audited, then recomputed). */
@ApplicationScoped
public class SlaPolicies {

    static final int RECOMPUTE_BATCH = 500;

    @Inject
    AuditLog audit;

    @Inject
    Calendars calendars;

    @Inject
    SlaService service;

    public Uni<List<SlaPolicy>> list() {
        return Panache.withSession(PolicyRows::all);
    }

    /**
     * Replaces the policy list; positions follow the list's order. Every open ticket is recomputed afterwards, and
     * tickets whose deadlines moved say so on their timeline. Answers the saved list.
     */
    public Uni<List<SlaPolicy>> replace(CurrentUser user, List<SlaPolicy> policies) {
        if (!user.has(Role.ADMIN)) {
            return Uni.createFrom().failure(new Forbidden(Text.of("sla.error.adminOnly")));
        }
        List<SlaPolicy> ordered = new ArrayList<>();
        List<SlaPolicy> given = policies == null ? List.of() : policies;
        for (int i = 0; i < given.size(); i++) {
            SlaPolicy p = given.get(i);
            ordered.add(p == null ? null : new SlaPolicy(p.key(), p.nameZh(), p.nameEn(), i + 1, p.enabled(),
                    p.conditions(), p.calendar(), p.targets()));
        }
        if (ordered.contains(null)) {
            return Uni.createFrom().failure(InvalidInput.of("/", Text.of("sla.error.required",
                    Text.of("sla.field.policy")), "required"));
        }
        return calendars.list().chain(known -> {
            Set<String> keys = known.stream().map(BusinessCalendar::key).collect(Collectors.toSet());
            List<FieldError> errors = PolicyValidation.check(ordered, keys);
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(new InvalidInput(Text.of("sla.error.invalid"), errors));
            }
            return Panache.withTransaction(() -> PolicyRows.replaceAll(ordered)
                    .chain(() -> audit.record(user.username(), "sla.policies", "sla_policy", "*", Map.of("keys",
                            ordered.stream().map(SlaPolicy::key).toList().toString()))))
                    .chain(() -> service.recomputeAll(Text.of("sla.cause.policyEdited", user.username()),
                            RECOMPUTE_BATCH))
                    .chain(() -> list());
        });
    }
}
