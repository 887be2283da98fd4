package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.ui.LanguageSwitch;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.tickets.TaskView;
import io.flowdesk.tickets.TaskWorkService;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.TicketSummary;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Home: the signed-in user's tasks (own and their departments' queue) and tickets. */
@Route("")
@PageTitle("FlowDesk")
public class HomeView extends VerticalLayout {

    private static final Logger LOG = Logger.getLogger(HomeView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    public HomeView(TicketService tickets, TaskWorkService tasks) {
        CurrentUser user = UiSession.user().orElseThrow();
        boolean zh = UiSession.localeTag().equals("zh-CN");
        addClassName("home-view");
        setWidthFull();

        Button logout = new Button(getTranslation("home.logout"), e -> {
            UiSession.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        });
        logout.setId("logout");
        Span who = new Span(getTranslation("home.signedInAs", user.displayName(), String.join(", ", user.roles())));
        who.setId("signed-in-as");
        HorizontalLayout header = new HorizontalLayout(new H2("FlowDesk"), who, new LanguageSwitch(), logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(who);
        header.addClassName("app-header");

        List<Row> taskRows = new ArrayList<>();
        try {
            VertxContextSupport.subscribeAndAwait(() -> tasks.list(user, "mine"))
                    .forEach(t -> taskRows.add(new Row(getTranslation("home.tasks.mine"), t)));
            VertxContextSupport.subscribeAndAwait(() -> tasks.list(user, "group"))
                    .forEach(t -> taskRows.add(new Row(getTranslation("home.tasks.queue"), t)));
        } catch (Throwable e) {
            LOG.error("cannot load tasks", e);
        }
        Grid<Row> taskGrid = new Grid<>();
        taskGrid.setId("tasks");
        taskGrid.addColumn(r -> r.task.ticketNumber()).setHeader(getTranslation("home.col.number")).setAutoWidth(true);
        taskGrid.addColumn(r -> zh ? r.task.name() : r.task.nameEn()).setHeader(getTranslation("home.col.step"));
        taskGrid.addColumn(r -> r.task.ticketTitle()).setHeader(getTranslation("home.col.title")).setFlexGrow(2);
        taskGrid.addColumn(r -> r.task.ticketPriority()).setHeader(getTranslation("home.col.priority")).setAutoWidth(true);
        taskGrid.addColumn(r -> r.scope).setHeader(getTranslation("home.col.scope")).setAutoWidth(true);
        taskGrid.addColumn(r -> format(r.task.createdAt())).setHeader(getTranslation("home.col.created")).setAutoWidth(true);
        taskGrid.setItems(taskRows);
        taskGrid.setAllRowsVisible(true);
        taskGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        taskGrid.setEmptyStateText(getTranslation("home.tasks.empty"));

        Grid<TicketSummary> ticketGrid = new Grid<>();
        ticketGrid.setId("tickets");
        ticketGrid.addColumn(TicketSummary::number).setHeader(getTranslation("home.col.number")).setAutoWidth(true);
        ticketGrid.addColumn(TicketSummary::title).setHeader(getTranslation("home.col.title")).setFlexGrow(2);
        ticketGrid.addColumn(t -> getTranslation("status." + t.status())).setHeader(getTranslation("home.col.status"))
                .setAutoWidth(true);
        ticketGrid.addColumn(TicketSummary::priority).setHeader(getTranslation("home.col.priority")).setAutoWidth(true);
        ticketGrid.addColumn(t -> t.currentStep() == null ? "" : pick(t.currentStep(), zh))
                .setHeader(getTranslation("home.col.step"));
        ticketGrid.addColumn(t -> format(t.updatedAt())).setHeader(getTranslation("home.col.updated")).setAutoWidth(true);
        try {
            ticketGrid.setItems(VertxContextSupport.subscribeAndAwait(() -> tickets.list(user, null, null, null, 0, 50))
                    .items());
        } catch (Throwable e) {
            LOG.debug("no ticket list for this role", e);
            ticketGrid.setItems(List.of());
        }
        ticketGrid.setAllRowsVisible(true);
        ticketGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        ticketGrid.setEmptyStateText(getTranslation("home.tickets.empty"));

        add(header, new H3(getTranslation("home.tasks")), taskGrid, new H3(getTranslation("home.tickets")), ticketGrid);
    }

    /** "客服受理 / Agent review" → the half in the UI language. */
    private static String pick(String bilingual, boolean zh) {
        StringBuilder out = new StringBuilder();
        for (String part : bilingual.split(", ")) {
            String[] halves = part.split(" / ", 2);
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(halves.length == 2 ? (zh ? halves[0] : halves[1]) : part);
        }
        return out.toString();
    }

    private static String format(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }

    private record Row(String scope, TaskView task) {
    }
}
