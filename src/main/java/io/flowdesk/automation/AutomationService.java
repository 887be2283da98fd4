package io.flowdesk.automation;

import io.flowdesk.automation.internal.Actions;
import io.flowdesk.automation.internal.AutomationEngine;
import io.flowdesk.automation.internal.Evaluator;
import io.flowdesk.automation.internal.RuleRows;
import io.flowdesk.automation.internal.RuleValidation;
import io.flowdesk.automation.internal.Snapshots;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.TicketService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Automation rules for admins (CRUD, order, on/off), the per-ticket trace and the dry run. */
@ApplicationScoped
public class AutomationService {

    @Inject
    Snapshots snapshots;

    @Inject
    io.flowdesk.automation.internal.FormFields formFields;

    @Inject
    TicketService tickets;

    @Inject
    io.flowdesk.tickets.TicketCommands commands;

    @Inject
    io.flowdesk.audit.AuditLog audit;

    public Uni<List<Rule>> list(CurrentUser user) {
        admin(user);
        return Panache.withSession(() -> RuleRows.all(false));
    }

    public Uni<Rule> get(CurrentUser user, String key) {
        admin(user);
        return Panache.withSession(() -> RuleRows.get(key)).map(r -> found(r, key));
    }

    public Uni<Rule> create(CurrentUser user, Rule rule) {
        admin(user);
        RuleValidation.check(rule, true);
        return typed(rule).chain(() -> Panache.withTransaction(() -> RuleRows.get(rule.key()).chain(existing -> {
            if (existing != null) {
                throw new Conflict(Text.of("automation.error.exists", rule.key()));
            }
            Uni<Integer> position = rule.position() != null ? Uni.createFrom().item(rule.position())
                    : RuleRows.nextPosition();
            return position.chain(p -> save(user, with(rule, rule.key(), p, rule.on())));
        })));
    }

    /** The checks only the published forms can answer (RuleValidation.checkTypes), before anything is written. */
    private Uni<Void> typed(Rule rule) {
        return formFields.published().invoke(fields -> RuleValidation.checkTypes(rule, fields)).replaceWithVoid();
    }

    public Uni<Rule> update(CurrentUser user, String key, Rule rule) {
        admin(user);
        RuleValidation.check(rule, false);
        return typed(rule).chain(() -> Panache.withTransaction(() -> RuleRows.get(key).chain(existing -> save(user,
                with(rule, key, rule.position() != null ? rule.position() : found(existing, key).position(),
                        rule.enabled() != null ? rule.on() : existing.on())))));
    }

    public Uni<Rule> enable(CurrentUser user, String key, boolean on) {
        admin(user);
        return Panache.withTransaction(() -> RuleRows.get(key).chain(r -> save(user, with(found(r, key), key,
                r.position(), on))));
    }

    /** New order: the keys as listed get positions 10, 20, …; keys left out keep theirs after them. */
    public Uni<List<Rule>> reorder(CurrentUser user, List<String> keys) {
        admin(user);
        return Panache.withTransaction(() -> RuleRows.all(false).chain(all -> {
            List<Rule> ordered = new ArrayList<>();
            for (String k : keys == null ? List.<String>of() : keys) {
                ordered.add(all.stream().filter(r -> r.key().equals(k)).findFirst()
                        .orElseThrow(() -> new NotFound(Text.of("automation.error.notFound", k))));
            }
            all.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < ordered.size(); i++) {
                Rule r = ordered.get(i);
                int position = (i + 1) * 10;
                chain = chain.chain(() -> RuleRows.upsert(with(r, r.key(), position, r.on()), user.username()));
            }
            return chain.chain(() -> audit.record(user.username(), "automation.reorder", "automation_rule", "*",
                    java.util.Map.of("keys", String.join(",", keys == null ? List.of() : keys))))
                    .chain(() -> RuleRows.all(false));
        }));
    }

    public Uni<Void> delete(CurrentUser user, String key) {
        admin(user);
        return Panache.withTransaction(() -> RuleRows.delete(key).chain(n -> {
            if (n == 0) {
                throw new NotFound(Text.of("automation.error.notFound", key));
            }
            return audit.record(user.username(), "automation.delete", "automation_rule", key, java.util.Map.of());
        }));
    }

    public record TraceEntry(long eventId, String eventKind, String rule, Text ruleName, String outcome,
            String failed, Instant at) {
    }

    /** Every rule evaluated on the ticket: matched or not and which condition failed (admins, supervisors). */
    public Uni<List<TraceEntry>> trace(CurrentUser user, String number) {
        if (!user.has(Role.ADMIN) && !user.has(Role.SUPERVISOR)) {
            throw new Forbidden(Text.of("automation.error.forbidden"));
        }
        return tickets.id(user, number).chain(id -> Panache.withSession(() -> RuleRows.all(false).chain(rules ->
                RuleRows.traces(id).map(rows -> rows.stream().map(t -> new TraceEntry(t.eventId(), t.eventKind(),
                        t.rule(), rules.stream().filter(r -> r.key().equals(t.rule())).findFirst()
                                .map(Actions::name).orElse(Text.literal(t.rule())), t.outcome(), t.failed(),
                        t.at())).toList()))));
    }

    /** The ticket's tags, for staff who may see the ticket (customers never see tags). */
    public Uni<List<String>> tags(CurrentUser user, String number) {
        if (user.isCustomer()) {
            throw new NotFound(Text.of("automation.error.ticket", number));
        }
        return tickets.id(user, number).chain(id -> Panache.withSession(() -> commands.tags(id)));
    }

    /** {@code failedCondition}: the condition that did not hold (null when matched), for views that word it. */
    public record DryRunRow(String number, String title, boolean matched, String failed, List<Text> wouldDo,
            Rule.Condition failedCondition) {
    }

    /** Which of the last N tickets the rule's conditions match and what its actions would do; nothing changes. */
    public Uni<List<DryRunRow>> dryRun(CurrentUser user, Rule rule, int n) {
        admin(user);
        RuleValidation.check(rule, false);
        int bounded = Math.max(1, Math.min(n, 500));
        return typed(rule).chain(() -> Panache.withSession(() -> RuleRows.latestTickets(bounded).chain(ids -> {
            List<DryRunRow> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (long id : ids) {
                chain = chain.chain(() -> snapshots.of(id).invoke(t -> {
                    Rule.Condition failed = Evaluator.failed(rule.conditions(), t);
                    out.add(new DryRunRow(t.number(), t.title(), failed == null, failed == null ? null
                            : AutomationEngine.describe(failed), failed != null ? List.of()
                                    : rule.actions().stream().map(a -> Actions.describe(a, t)).toList(), failed));
                }).replaceWithVoid());
            }
            return chain.replaceWith(out);
        })));
    }

    private Uni<Rule> save(CurrentUser user, Rule rule) {
        return RuleRows.upsert(rule, user.username()).chain(() -> audit.record(user.username(), "automation.save",
                "automation_rule", rule.key(), java.util.Map.of("enabled", String.valueOf(rule.on()))))
                .chain(() -> RuleRows.get(rule.key()));
    }

    private static Rule with(Rule r, String key, Integer position, boolean on) {
        return new Rule(key, r.nameZh(), r.nameEn(), r.trigger(), r.conditions(), r.actions(), position, on);
    }

    private static Rule found(Rule r, String key) {
        if (r == null) {
            throw new NotFound(Text.of("automation.error.notFound", key));
        }
        return r;
    }

    private static void admin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new Forbidden(Text.of("automation.error.forbidden"));
        }
    }
}
