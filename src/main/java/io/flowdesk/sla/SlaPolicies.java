package io.flowdesk.sla;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.PolicyRecompute;
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

/**
 * The ordered SLA policies: read by everyone on staff, replaced as a whole by admins (audited; the open tickets are
 * recomputed afterwards in the background, ADR 0022).
 */
@ApplicationScoped
public class SlaPolicies {

    @Inject
    AuditLog audit;

    @Inject
    Calendars calendars;

    @Inject
    PolicyRecompute recompute;

    public Uni<List<SlaPolicy>> list() {
        return Panache.withSession(PolicyRows::all);
    }

    /** Whether open tickets are still being recomputed after the last policy edit. */
    public Uni<Boolean> recomputing() {
        return Panache.withSession(PolicyRecompute::pending);
    }

    /**
     * Replaces the policy list; positions follow the list's order. Answers the saved list once it is committed; every
     * open ticket is then recomputed in the background, in batches, and tickets whose deadlines moved say so on their
     * timeline ({@link #recomputing()} tells whether that is still under way).
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
                            ordered.stream().map(SlaPolicy::key).toList().toString())))
                    .chain(() -> recompute.schedule(user.username())))
                    .chain(() -> list());
        });
    }
}
