package io.flowdesk.sla;

import io.flowdesk.audit.AuditLog;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.shared.Forbidden;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.sla.internal.Tiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Customer tiers (standard, vip) and organisations: a customer's effective tier is their organisation's when that is
 * higher. Admins and supervisors change them (audited); the customer's open tickets are recomputed.
 */
@ApplicationScoped
public class CustomerTiers {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public record Organisation(String key, String name, String tier) {
    }

    public record CustomerTier(String username, String tier, String organisation, String effectiveTier) {
    }

    @Inject
    AuditLog audit;

    @Inject
    SlaService sla;

    public static List<String> tiers() {
        return Tiers.ALL;
    }

    public Uni<CustomerTier> set(CurrentUser user, String username, String tier, String organisation) {
        requireManager(user);
        if (tier != null && !Tiers.ALL.contains(tier)) {
            return Uni.createFrom().failure(InvalidInput.of("/tier", Text.of("sla.error.oneOf",
                    Text.of("sla.field.tier")), "enum"));
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "update app_user set tier = coalesce(cast(?1 as varchar), tier), organisation_key = case when "
                        + "cast(?2 as varchar) = '' then null when cast(?2 as varchar) is null then organisation_key "
                        + "else cast(?2 as varchar) end where username = ?3 and roles like "
                        + "'%customer%'")
                .setParameter(1, tier).setParameter(2, organisation).setParameter(3, username).executeUpdate())
                .onFailure().transform(e -> InvalidInput.of("/organisation", Text.of("sla.error.organisation"),
                        "exists"))
                .chain(count -> count == 0 ? Uni.createFrom().failure(new NotFound(Text.of("sla.error.customer",
                        username))) : audit.record(user.username(), "sla.tier", "app_user", username,
                                Map.of("tier", String.valueOf(tier), "organisation", String.valueOf(organisation)))))
                .chain(() -> get(username)).call(t -> recomputeOpenTickets(username));
    }

    public Uni<CustomerTier> get(String username) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select u.username, "
                + "u.tier, u.organisation_key, o.tier from app_user u left join organisation o on o.key = "
                + "u.organisation_key where u.username = ?1", Object[].class).setParameter(1, username)
                .getResultList()))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFound(Text.of("sla.error.customer", username));
                    }
                    Object[] r = rows.get(0);
                    return new CustomerTier((String) r[0], (String) r[1], (String) r[2],
                            Tiers.higher((String) r[1], (String) r[3]));
                });
    }

    public Uni<List<Organisation>> organisations() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "select key, name, tier from organisation order by key", Object[].class).getResultList()))
                .map(rows -> rows.stream().map(r -> new Organisation((String) r[0], (String) r[1], (String) r[2]))
                        .toList());
    }

    public Uni<Organisation> putOrganisation(CurrentUser user, Organisation org) {
        requireManager(user);
        if (org == null || org.key() == null || !KEY.matcher(org.key()).matches()) {
            return Uni.createFrom().failure(InvalidInput.of("/key", Text.of("sla.error.key",
                    Text.of("sla.field.key")), "pattern"));
        }
        if (org.name() == null || org.name().isBlank() || org.name().length() > 200) {
            return Uni.createFrom().failure(InvalidInput.of("/name", Text.of("sla.error.required",
                    Text.of("sla.field.organisationName")), "required"));
        }
        String tier = org.tier() == null ? Tiers.STANDARD : org.tier();
        if (!Tiers.ALL.contains(tier)) {
            return Uni.createFrom().failure(InvalidInput.of("/tier", Text.of("sla.error.oneOf",
                    Text.of("sla.field.tier")), "enum"));
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into organisation (key, name, tier) values (?1, ?2, ?3) on conflict (key) do update set "
                        + "name = excluded.name, tier = excluded.tier")
                .setParameter(1, org.key()).setParameter(2, org.name().strip()).setParameter(3, tier).executeUpdate())
                .chain(() -> audit.record(user.username(), "sla.organisation", "organisation", org.key(),
                        Map.of("tier", tier))))
                .replaceWith(new Organisation(org.key(), org.name().strip(), tier));
    }

    public Uni<Void> deleteOrganisation(CurrentUser user, String key) {
        requireManager(user);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "delete from organisation where key = ?1").setParameter(1, key).executeUpdate())
                .chain(count -> count == 0 ? Uni.createFrom().failure(new NotFound(Text.of("sla.error.organisationNotFound",
                        key))) : audit.record(user.username(), "sla.organisation.delete", "organisation", key, null)));
    }

    private Uni<Void> recomputeOpenTickets(String username) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("select t.id from ticket t "
                + "join app_user u on u.id = t.customer_user_id where u.username = ?1 and t.engine_state <> 'ENDED'",
                Long.class).setParameter(1, username).getResultList()))
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (long id : ids) {
                        chain = chain.chain(() -> sla.recompute(id, Text.of("sla.cause.tier")));
                    }
                    return chain;
                });
    }

    private static void requireManager(CurrentUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.SUPERVISOR)) {
            throw new Forbidden(Text.of("sla.error.tiersForbidden"));
        }
    }
}
