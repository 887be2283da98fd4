package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.ui.Countdown;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.templates.TicketStatus;
import io.flowdesk.tickets.InboxQuery;
import io.flowdesk.tickets.InboxRow;
import io.flowdesk.tickets.InboxService;
import io.flowdesk.tickets.Priority;
import io.flowdesk.tickets.TaskWorkService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inbox: my tasks, my departments' queue, all open tickets (agents and up). Filters, sort, search by
 * number or title, saved views and counts per view; paged from the database.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class InboxView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CurrentUser user;
    private final InboxService inbox;
    private final TaskWorkService tasks;
    private final boolean zh;
    private final Map<String, Tab> tabs = new HashMap<>();
    private final Tabs tabBar = new Tabs();
    private final Grid<InboxRow> grid = new Grid<>();
    private final Select<String> type = new Select<>();
    private final Select<String> priority = new Select<>();
    private final Select<String> status = new Select<>();
    private final TextField customer = new TextField();
    private final TextField search = new TextField();
    private final Select<String> sort = new Select<>();
    private final Select<String> sla = new Select<>();
    private final ComboBox<InboxService.SavedView> saved = new ComboBox<>();
    private String view;

    @Inject
    public InboxView(InboxService inbox, TaskWorkService tasks, TemplateService templates,
            Instance<InboxExtension> extensions) {
        this.user = UiSession.user().orElseThrow();
        this.inbox = inbox;
        this.tasks = tasks;
        this.zh = UiSession.localeTag().equals("zh-CN");
        addClassName("fd-inbox");
        setSizeFull();

        List<String> views = InboxService.views(user);
        view = views.isEmpty() ? InboxQuery.MINE : views.get(0);
        for (String v : views) {
            Tab tab = new Tab(getTranslation("inbox.view." + v));
            tab.setId("tab-" + v);
            tabs.put(v, tab);
            tabBar.add(tab);
        }
        tabBar.addSelectedChangeListener(e -> {
            tabs.forEach((k, t) -> {
                if (t == e.getSelectedTab()) {
                    view = k;
                }
            });
            refresh();
        });

        List<PublishedTemplate> templateList = Ui.await(templates::listLatest);
        Map<String, String> templateNames = new HashMap<>();
        templateList.forEach(t -> templateNames.put(t.key(), t.name(UiSession.localeTag())));
        List<String> typeKeys = new ArrayList<>();
        typeKeys.add("");
        templateList.forEach(t -> typeKeys.add(t.key()));
        type.setLabel(getTranslation("inbox.filter.type"));
        type.setItems(typeKeys);
        type.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("inbox.any") : templateNames.getOrDefault(k, k));
        type.setValue("");
        type.setId("filter-type");

        List<String> priorities = new ArrayList<>(List.of(""));
        priorities.addAll(Priority.ALL);
        priority.setLabel(getTranslation("inbox.filter.priority"));
        priority.setItems(priorities);
        priority.setItemLabelGenerator(p -> p.isEmpty() ? getTranslation("inbox.any") : p);
        priority.setValue("");
        priority.setId("filter-priority");

        List<String> statuses = new ArrayList<>(List.of(""));
        statuses.addAll(List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                TicketStatus.WAITING_CUSTOMER, TicketStatus.WAITING_THIRD_PARTY, TicketStatus.RESOLVED));
        status.setLabel(getTranslation("inbox.filter.status"));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("inbox.any") : getTranslation("status." + s));
        status.setValue("");
        status.setId("filter-status");

        customer.setLabel(getTranslation("inbox.filter.customer"));
        customer.setClearButtonVisible(true);
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setId("filter-customer");
        search.setLabel(getTranslation("inbox.search"));
        search.setPlaceholder("FD-2026-000123");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("search");

        sort.setLabel(getTranslation("inbox.sort"));
        sort.setItems("PRIORITY", "DUE", "NEWEST", "OLDEST", "UPDATED");
        sort.setItemLabelGenerator(s -> getTranslation("inbox.sort." + s));
        sort.setValue("PRIORITY");
        sort.setId("sort");

        sla.setLabel(getTranslation("inbox.filter.sla"));
        sla.setItems("", InboxQuery.AT_RISK, InboxQuery.BREACHED);
        sla.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("inbox.any") : getTranslation("sla.state." + v));
        sla.setValue("");
        sla.setId("filter-sla");

        for (var field : List.of(type, priority, status, sla, sort)) {
            field.addValueChangeListener(e -> refresh());
        }
        customer.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        saved.setLabel(getTranslation("inbox.savedViews"));
        saved.setItemLabelGenerator(InboxService.SavedView::name);
        saved.setId("saved-views");
        saved.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                apply(e.getValue().query());
            }
        });
        Button save = new Button(getTranslation("inbox.saveView"), VaadinIcon.BOOKMARK.create(), e -> saveView());
        save.setId("save-view");
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
            if (saved.getValue() != null) {
                Ui.attempt(() -> Ui.await(() -> inbox.deleteView(user, saved.getValue().id())));
                loadSavedViews();
            }
        });
        delete.setAriaLabel(getTranslation("inbox.deleteView"));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        loadSavedViews();

        FlexLayout filters = new FlexLayout(search, type, priority, status, sla, customer, sort, saved, save,
                delete);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("fd-filters");

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(row -> {
            com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(
                    "tickets/" + row.number(), row.number());
            link.setId("open-" + row.number());
            return link;
        }).setHeader(getTranslation("home.col.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> {
            Span title = new Span(row.title());
            if (!row.test()) {
                return title;
            }
            // "Try it" tickets are marked so a supervisor does not work them as real ones
            Span marker = new Span(getTranslation("tickets.inbox.test"));
            marker.getElement().getThemeList().add("badge contrast small");
            marker.setId("test-" + row.number());
            HorizontalLayout both = new HorizontalLayout(marker, title);
            both.setSpacing(true);
            both.setAlignItems(FlexComponent.Alignment.BASELINE);
            return both;
        }).setHeader(getTranslation("home.col.title")).setFlexGrow(3).setResizable(true);
        grid.addColumn(row -> zh ? row.stepZh() : row.stepEn()).setHeader(getTranslation("home.col.step"))
                .setFlexGrow(2).setResizable(true);
        grid.addComponentColumn(row -> badge(row.priority())).setHeader(getTranslation("home.col.priority"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> getTranslation("status." + row.status())).setHeader(getTranslation("home.col.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::due).setHeader(getTranslation("inbox.col.due")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(InboxRow::customerName).setHeader(getTranslation("inbox.col.customer")).setAutoWidth(true);
        grid.addColumn(row -> row.assignee() == null ? "" : row.assignee())
                .setHeader(getTranslation("inbox.col.assignee")).setAutoWidth(true);
        grid.addColumn(row -> row.createdAt() == null ? "" : TIME.format(row.createdAt().atZoneSameInstant(
                ZoneId.systemDefault()))).setHeader(getTranslation("home.col.created")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("home.tasks.empty"));
        grid.setSizeFull();
        grid.addItemDoubleClickListener(e -> getUI().ifPresent(ui -> ui.navigate("tickets/" + e.getItem().number())));

        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("nav.inbox")));
        title.setWidthFull();
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.getStyle().set("flex-wrap", "wrap");
        extensions.forEach(x -> x.components(user, UiSession.locale(), this::query).forEach(title::add));
        add(title, tabBar, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private HorizontalLayout actions(InboxRow row) {
        HorizontalLayout actions = new HorizontalLayout();
        if (row.taskId() != null && InboxQuery.QUEUE.equals(view)) {
            Button claim = new Button(getTranslation("inbox.claim"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> tasks.claim(user, row.taskId())))) {
                    Ui.success(getTranslation("inbox.claimed", row.number()));
                    refresh();
                }
            });
            claim.setId("claim-" + row.number());
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(claim);
        }
        if (row.taskId() != null && InboxQuery.MINE.equals(view)) {
            Button release = new Button(getTranslation("inbox.release"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> tasks.unclaim(user, row.taskId())))) {
                    refresh();
                }
            });
            release.setId("release-" + row.number());
            release.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(release);
        }
        return actions;
    }

    /** The ticket's earliest SLA deadline, counting down, coloured by its state. */
    private com.vaadin.flow.component.Component due(InboxRow row) {
        if (row.slaDueAt() == null) {
            return new Span();
        }
        Countdown countdown = new Countdown(row.slaDueAt().toInstant(), row.slaState(), null, UiSession.locale())
                .label(getTranslation("sla.state." + (row.slaState() == null ? "ON_TRACK" : row.slaState())));
        countdown.setId("due-" + row.number());
        countdown.addClassName("fd-due");
        countdown.addClassName("fd-sla-" + (row.slaState() == null ? "ON_TRACK" : row.slaState()));
        return countdown;
    }

    static Span badge(String priority) {
        Span badge = new Span(priority);
        badge.addClassName("fd-priority");
        badge.addClassName("fd-priority-" + priority);
        return badge;
    }

    private InboxQuery query() {
        return new InboxQuery(view, blank(type.getValue()), blank(priority.getValue()), blank(status.getValue()),
                blank(customer.getValue()), blank(search.getValue()), sort.getValue(), blank(sla.getValue()));
    }

    private void apply(InboxQuery q) {
        type.setValue(q.type() == null ? "" : q.type());
        priority.setValue(q.priority() == null ? "" : q.priority());
        status.setValue(q.status() == null ? "" : q.status());
        customer.setValue(q.customer() == null ? "" : q.customer());
        search.setValue(q.text() == null ? "" : q.text());
        sort.setValue(q.sort() == null ? "PRIORITY" : q.sort());
        sla.setValue(q.sla() == null ? "" : q.sla());
        if (q.view() != null && tabs.containsKey(q.view())) {
            tabBar.setSelectedTab(tabs.get(q.view()));
            view = q.view();
        }
        refresh();
    }

    private void refresh() {
        InboxQuery query = query();
        Map<String, Long> counts = Ui.await(() -> inbox.counts(user, query));
        counts.forEach((v, n) -> {
            Tab tab = tabs.get(v);
            if (tab != null) {
                tab.setLabel(getTranslation("inbox.view." + v) + " (" + (n > InboxService.COUNT_CAP
                        ? InboxService.COUNT_CAP + "+" : n) + ")");
            }
        });
        grid.setItems(q -> Ui.await(() -> inbox.page(user, query, q.getOffset(), q.getLimit())).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, Ui.await(() -> inbox.count(user, query))));
    }

    private void saveView() {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("inbox.saveView"));
        TextField name = new TextField(getTranslation("inbox.viewName"));
        name.setId("view-name");
        dialog.add(name);
        Button ok = new Button(getTranslation("common.save"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> inbox.saveView(user, name.getValue(), query())))) {
                dialog.close();
                loadSavedViews();
            }
        });
        ok.setId("view-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void loadSavedViews() {
        saved.setItems(Ui.await(() -> inbox.savedViews(user)));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
