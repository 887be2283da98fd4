package io.flowdesk.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.notify.Notifications;
import io.flowdesk.shared.Text;
import io.flowdesk.tickets.internal.TicketEntity;
import io.flowdesk.tickets.internal.TicketTaskEntity;
import io.flowdesk.tickets.internal.WatcherEntity;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the fdNotify service task's outbox event: resolves "customer", "assignee", "watchers" or
 * "department:&lt;key&gt;" to users and stores an in-app notification for each, in the relay's transaction.
 */
@ApplicationScoped
public class NotifyStep {

    @Inject
    Notifications notifications;

    Uni<Integer> apply(TicketEntity ticket, Collection<TicketTaskEntity> tasks, JsonNode payload) {
        String to = payload.path("to").asText("");
        String message = payload.path("message").asText("");
        return recipients(ticket, tasks, to).chain(users -> Multi.createFrom().iterable(users).onItem()
                .transformToUniAndConcatenate(user -> notifications.notifyUser(user, ticket.id, ticket.number, "FLOW",
                        Text.of("notify.flow", ticket.number, message)))
                .collect().asList().map(List::size));
    }

    private static Uni<Set<String>> recipients(TicketEntity ticket, Collection<TicketTaskEntity> tasks, String to) {
        if (to.startsWith(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT)) {
            String department = to.substring(ServiceTaskCatalogue.DEPARTMENT_RECIPIENT.length());
            return usernames("select u.username from app_user u join user_department d on d.user_id = u.id"
                    + " where d.department_key = ?1 and u.enabled", department);
        }
        return switch (to) {
            case "customer" -> ticket.customerUserId == null ? Uni.createFrom().item(Set.of())
                    : usernames("select username from app_user where id = ?1 and enabled", ticket.customerUserId);
            case "assignee" -> {
                Set<String> users = new LinkedHashSet<>();
                tasks.stream().filter(t -> TicketTaskEntity.OPEN.equals(t.state) && t.assignee != null)
                        .forEach(t -> users.add(t.assignee));
                yield Uni.createFrom().item(users);
            }
            case "watchers" -> WatcherEntity.<WatcherEntity>list("ticketId", ticket.id)
                    .map(list -> {
                        Set<String> users = new LinkedHashSet<>();
                        list.forEach(w -> users.add(w.username));
                        return users;
                    });
            default -> Uni.createFrom().item(Set.of());
        };
    }

    private static Uni<Set<String>> usernames(String sql, Object parameter) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class)
                .setParameter(1, parameter).getResultList()).map(LinkedHashSet::new);
    }
}
