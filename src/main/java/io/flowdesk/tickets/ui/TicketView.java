package io.flowdesk.tickets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.forms.FormDefinition;
import io.flowdesk.forms.FormService;
import io.flowdesk.forms.ui.FormRenderer;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.templates.PublishedTemplate;
import io.flowdesk.templates.TemplateService;
import io.flowdesk.tickets.AttachmentService;
import io.flowdesk.tickets.CollaborationService;
import io.flowdesk.tickets.TaskView;
import io.flowdesk.tickets.TaskWorkService;
import io.flowdesk.tickets.TicketDetails;
import io.flowdesk.tickets.TicketService;
import io.flowdesk.tickets.TicketSummary;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/**
 * One ticket: header, customer panel, the current step's form (rendered from its pinned schema, validated by the
 * server), earlier steps read-only, collaboration (notes, replies, attachments, transfer, priority, watchers) and
 * the timeline.
 */
@Route(value = "tickets/:number", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class TicketView extends VerticalLayout implements BeforeEnterObserver {

    private boolean tester;
    private final TicketService tickets;
    private final TaskWorkService tasks;
    private final CollaborationService collaboration;
    private final AttachmentService attachments;
    private final TemplateService templates;
    private final FormService forms;
    private final IdentityService identity;
    private final CurrentUser user;
    private final String locale;
    private final Instance<TicketHeaderExtension> extensions;
    private final Instance<TicketComposerExtension> composerExtensions;
    private String number;

    @Inject
    public TicketView(TicketService tickets, TaskWorkService tasks, CollaborationService collaboration,
            AttachmentService attachments, TemplateService templates, FormService forms, IdentityService identity,
            Instance<TicketHeaderExtension> extensions, Instance<TicketComposerExtension> composerExtensions) {
        this.extensions = extensions;
        this.composerExtensions = composerExtensions;
        this.tickets = tickets;
        this.tasks = tasks;
        this.collaboration = collaboration;
        this.attachments = attachments;
        this.templates = templates;
        this.forms = forms;
        this.identity = identity;
        this.user = UiSession.user().orElseThrow();
        this.locale = UiSession.localeTag();
        addClassName("fd-ticket");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get("number").orElse("");
        render();
    }

    private void render() {
        removeAll();
        TicketDetails ticket;
        try {
            ticket = Ui.await(() -> tickets.get(user, number));
        } catch (NotFound e) {
            add(new H2(getTranslation("ticket.notFound", number)));
            return;
        }
        PublishedTemplate template = Ui.await(() -> templates.version(ticket.type(), ticket.templateVersion()));
        // "Try it": designers walk a test ticket through every step themselves
        tester = ticket.templateVersion() < 0 && (user.has(Role.DESIGNER) || user.has(Role.ADMIN));
        List<TicketService.StepView> steps = Ui.await(() -> tickets.steps(user, number));

        VerticalLayout main = new VerticalLayout();
        main.setPadding(false);
        main.addClassName("fd-ticket-main");
        VerticalLayout side = new VerticalLayout();
        side.setPadding(false);
        side.addClassName("fd-ticket-side");

        main.add(header(ticket, template));
        for (TicketService.StepView step : steps) {
            if ("OPEN".equals(step.task().state())) {
                main.add(openStep(step.task()));
            }
        }
        main.add(history(ticket, template, steps));
        main.add(collaborate());
        main.add(new H3(getTranslation("ticket.timeline")), new TimelinePanel(Ui.await(() -> tickets.timeline(user,
                number))));

        side.add(customerPanel(ticket));
        side.add(new H3(getTranslation("ticket.attachments")), new AttachmentsPanel(attachments, user, number));
        if (!user.isCustomer()) {
            side.add(watchersPanel());
        }
        FlexLayout columns = new FlexLayout(main, side);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.addClassName("fd-columns");
        columns.setWidthFull();
        add(columns);
    }

    private Component header(TicketDetails ticket, PublishedTemplate template) {
        H2 title = new H2(ticket.number() + " · " + ticket.title());
        title.setId("ticket-number");
        Span status = new Span(getTranslation("status." + ticket.status()));
        status.setId("ticket-status");
        status.addClassName("fd-status");
        status.addClassName("fd-status-" + ticket.status());
        boolean test = ticket.templateVersion() < 0;
        Span type = new Span(template.name(locale) + (test ? "" : " v" + ticket.templateVersion()));
        type.addClassName("fd-muted");
        String step = ticket.openTasks().stream().map(t -> (locale.equals("en") ? t.nameEn() : t.name())
                + (t.assignee() == null ? "" : " (" + t.assignee() + ")")).reduce((a, b) -> a + ", " + b).orElse("—");
        Span current = new Span(getTranslation("ticket.currentStep") + ": " + step);
        current.setId("ticket-step");
        HorizontalLayout badges = new HorizontalLayout(status, InboxView.badge(ticket.priority()), type, current);
        badges.setAlignItems(Alignment.BASELINE);
        badges.addClassName("fd-badges");
        if (test) {
            Span marker = new Span(getTranslation("ticket.test"));
            marker.setId("ticket-test");
            marker.getElement().getThemeList().add("badge contrast");
            badges.addComponentAsFirst(marker);
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (user.seesAllTickets()) {
            Button priority = new Button(getTranslation("ticket.changePriority"), e -> Ui.attempt(() -> new PriorityDialog(user, number, ticket.priority(), collaboration, this::render).open()));
            priority.setId("change-priority");
            actions.add(priority);
        }
        VerticalLayout header = new VerticalLayout(title, badges);
        Component extra = extensions(ticket);
        if (extra != null) {
            header.add(extra);
        }
        header.add(actions);
        header.setPadding(false);
        header.addClassName("fd-ticket-header");
        return header;
    }

    /** What other features put into the header (SLA chips …), through {@link TicketHeaderExtension}. */
    private Component extensions(TicketDetails ticket) {
        if (extensions.isUnsatisfied()) {
            return null;
        }
        long id = Ui.await(() -> tickets.id(user, number));
        TicketHeaderExtension.Header header = new TicketHeaderExtension.Header(id, ticket.number(), ticket.status(),
                user, UiSession.locale());
        HorizontalLayout row = new HorizontalLayout();
        row.setId("ticket-header-extensions");
        row.addClassName("fd-header-extensions");
        extensions.stream().sorted(Comparator.comparingInt(TicketHeaderExtension::order))
                .forEach(e -> e.components(header).forEach(row::add));
        return row.getComponentCount() == 0 ? null : row;
    }

    private Component openStep(TaskView task) {
        VerticalLayout box = new VerticalLayout();
        box.addClassName("fd-step");
        box.setId("step-" + task.formKey());
        String name = locale.equals("en") ? task.nameEn() : task.name();
        H3 heading = new H3(getTranslation("ticket.step") + ": " + name);
        String department = Ui.await(identity::departments).stream().filter(d -> d.key().equals(task.department()))
                .findFirst().map(d -> d.name(locale)).orElse(task.department());
        Span where = new Span(getTranslation("ticket.department") + ": " + department
                + (task.assignee() == null ? " · " + getTranslation("ticket.unassigned")
                        : " · " + getTranslation("ticket.assignedTo", task.assignee())));
        where.addClassName("fd-muted");
        box.add(heading, where);
        boolean mayWork = user.username().equals(task.assignee())
                || task.assignee() == null && (user.inDepartment(task.department()) || user.has("admin") || tester);
        HorizontalLayout buttons = new HorizontalLayout();
        if (task.assignee() == null && mayWork) {
            Button claim = new Button(getTranslation("inbox.claim"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> tasks.claim(user, task.id())))) {
                    render();
                }
            });
            claim.setId("claim-task");
            buttons.add(claim);
        }
        if (user.username().equals(task.assignee())) {
            Button release = new Button(getTranslation("inbox.release"), e -> {
                if (Ui.attempt(() -> Ui.await(() -> tasks.unclaim(user, task.id())))) {
                    render();
                }
            });
            release.setId("release-task");
            release.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(release);
        }
        if (mayWork || user.seesAllTickets()) {
            Button transfer = new Button(getTranslation("ticket.transfer"), e -> Ui.attempt(() -> new TransferDialog(user, locale, task, identity, collaboration, this::render).open()));
            transfer.setId("transfer-task");
            transfer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            buttons.add(transfer);
        }
        box.add(buttons);
        if (mayWork && task.formKey() != null && task.formVersion() != null) {
            FormDefinition form = Ui.await(() -> forms.get(task.formKey(), task.formVersion()));
            FormRenderer renderer = new FormRenderer(form.schema(), locale, false);
            Div errors = new Div();
            errors.addClassName("fd-form-errors");
            errors.setId("form-errors");
            Button complete = new Button(getTranslation("ticket.complete"), e -> {
                try {
                    Ui.await(() -> tasks.complete(user, task.id(), renderer.getValue()));
                    Ui.success(getTranslation("ticket.completed", name));
                    render();
                } catch (InvalidInput invalid) {
                    var unplaced = renderer.showErrors(invalid.errors());
                    errors.setText(getTranslation("ticket.fixErrors", invalid.errors().size())
                            + (unplaced.isEmpty() ? "" : " " + unplaced.get(0).message(getLocale())));
                } catch (FlowDeskException other) {
                    Ui.error(Ui.message(other));
                    render();
                }
            });
            complete.setId("complete-task");
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(renderer, errors, complete);
        }
        return box;
    }

    private Component history(TicketDetails ticket, PublishedTemplate template, List<TicketService.StepView> steps) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("ticket.history")));
        FormDefinition start = Ui.await(() -> forms.get(template.startForm().key(), template.startForm().version()));
        FormRenderer startForm = new FormRenderer(start.schema(), locale, true);
        startForm.setValue(ticket.data());
        Details startDetails = new Details(getTranslation("ticket.startForm") + ": " + startForm.title(), startForm);
        startDetails.setOpened(true);
        startDetails.setId("start-data");
        box.add(startDetails);
        for (TicketService.StepView step : steps) {
            if (!"COMPLETED".equals(step.task().state()) || step.task().formKey() == null) {
                continue;
            }
            TaskView task = step.task();
            FormDefinition form = Ui.await(() -> forms.get(task.formKey(), task.formVersion()));
            FormRenderer renderer = new FormRenderer(form.schema(), locale, true);
            renderer.setValue(step.data());
            String name = locale.equals("en") ? task.nameEn() : task.name();
            Details details = new Details(name + " · " + task.completedBy() + " · "
                    + InboxView.TIME.format(task.completedAt().atZoneSameInstant(java.time.ZoneId.systemDefault())),
                    renderer);
            details.setId("done-" + task.taskDefKey());
            box.add(details);
        }
        return box;
    }

    private Component collaborate() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("fd-collaborate");
        TextArea text = new TextArea(getTranslation("ticket.comment"));
        text.setPlaceholder(getTranslation("ticket.comment.placeholder"));
        text.setWidthFull();
        text.setId("comment-text");
        Checkbox internal = new Checkbox(getTranslation("ticket.internalNote"), true);
        internal.setId("comment-internal");
        // a partner replies to the customer only where the template allows it; otherwise every note is internal
        boolean mayReply = Ui.await(() -> collaboration.mayReplyToCustomer(user, number));
        internal.setVisible(!user.isCustomer() && mayReply);
        Button post = new Button(getTranslation("ticket.post"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> collaboration.post(user, number, text.getValue(),
                    internal.getValue())))) {
                render();
            }
        });
        post.setId("comment-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        internal.addValueChangeListener(e -> post.setText(getTranslation(e.getValue() ? "ticket.post"
                : "ticket.reply")));
        Paragraph hint = new Paragraph(getTranslation(mayReply ? "ticket.comment.hint"
                : "tickets.partner.noteHint"));
        hint.addClassName("fd-muted");
        TicketComposerExtension.Composer composer = new TicketComposerExtension.Composer(number, user,
                UiSession.locale(), this::render);
        composerExtensions.stream().forEach(extension -> extension.components(composer).forEach(box::add));
        box.add(text, mentionPicker(text), new HorizontalLayout(internal, post), hint);
        return box;
    }

    private static final java.util.regex.Pattern MENTION_PREFIX = java.util.regex.Pattern
            .compile("(?<![\\w@])@([A-Za-z0-9_.-]{0,64})$");

    /**
     * The {@code @} picker under the note composer: when the text before the caret ends with {@code @prefix}, a short
     * list of matching colleagues (name, user name, departments in the UI language); choosing one inserts
     * {@code @username}, the form CollaborationService's mention parser reads. Escape closes it. Partners and
     * customers get no picker: they are not offered the staff directory.
     */
    private Component mentionPicker(TextArea text) {
        Div list = new Div();
        list.setId("mention-picker");
        list.addClassName("fd-mention-picker");
        list.getElement().setAttribute("role", "listbox");
        list.getElement().setAttribute("aria-label", getTranslation("mentions.picker.label"));
        list.getElement().setAttribute("hidden", true);
        if (user.isCustomer() || user.isPartner()) {
            return list;
        }
        boolean en = getLocale().getLanguage().equals("en");
        var departments = new java.util.HashMap<String, String>();
        Ui.await(() -> identity.departments()).forEach(d -> departments.put(d.key(), en ? d.nameEn() : d.nameZh()));
        List<CurrentUser> people = Ui.await(() -> identity.workers()).stream().filter(u -> !u.isPartner()).toList();
        text.getElement().addEventListener("input", e -> {
            String value = e.getEventData().path("element.inputElement.value").asString("");
            int caret = e.getEventData().path("element.inputElement.selectionStart").asInt(0);
            String before = value.substring(0, Math.max(0, Math.min(caret, value.length())));
            var matcher = MENTION_PREFIX.matcher(before);
            list.removeAll();
            if (!matcher.find()) {
                list.getElement().setAttribute("hidden", true);
                return;
            }
            String prefix = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
            List<CurrentUser> hits = people.stream().filter(u -> u.username().toLowerCase(java.util.Locale.ROOT)
                    .startsWith(prefix) || u.displayName().toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                    .limit(8).toList();
            if (hits.isEmpty()) {
                list.add(new Span(getTranslation("mentions.picker.none")));
            }
            int start = matcher.start();
            for (CurrentUser u : hits) {
                String depts = u.departments().stream().map(k -> departments.getOrDefault(k, k)).sorted()
                        .collect(java.util.stream.Collectors.joining(", "));
                Button option = new Button(getTranslation("mentions.picker.user", u.displayName(), u.username())
                        + (depts.isEmpty() ? "" : " · " + depts));
                option.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                option.addClassName("fd-mention-option");
                option.getElement().setAttribute("role", "option");
                option.getElement().setAttribute("data-username", u.username());
                option.addClickListener(click -> {
                    String inserted = "@" + u.username() + " ";
                    String after = value.substring(before.length());
                    text.setValue(value.substring(0, start) + inserted + after);
                    list.getElement().setAttribute("hidden", true);
                    list.removeAll();
                    int pos = start + inserted.length();
                    text.getElement().executeJs("const i=this.inputElement; i.focus(); i.setSelectionRange($0,$0);",
                            pos);
                });
                list.add(option);
            }
            list.getElement().removeAttribute("hidden");
        }).addEventData("element.inputElement.value").addEventData("element.inputElement.selectionStart");
        text.addKeyDownListener(com.vaadin.flow.component.Key.ESCAPE, e -> {
            list.getElement().setAttribute("hidden", true);
            list.removeAll();
        });
        return list;
    }

    private Component customerPanel(TicketDetails ticket) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("fd-customer");
        box.setId("customer-panel");
        box.add(new H3(getTranslation("ticket.customer")));
        box.add(new Span(ticket.customer().name() == null ? "—" : ticket.customer().name()));
        if (ticket.customer().email() != null) {
            box.add(new Span("✉ " + ticket.customer().email()));
        }
        if (ticket.customer().phone() != null) {
            Span phone = new Span("☎ " + ticket.customer().phone());
            phone.setId("customer-phone");
            box.add(phone);
        }
        box.add(new Span(getTranslation("ticket.channel") + ": " + ticket.channel()));
        List<TicketSummary> others = Ui.await(() -> tickets.otherTickets(user, number));
        if (!others.isEmpty()) {
            box.add(new Span(getTranslation("ticket.otherTickets")));
            for (TicketSummary other : others) {
                box.add(new Anchor("tickets/" + other.number(), other.number() + " · " + other.title() + " · "
                        + getTranslation("status." + other.status())));
            }
        }
        return box;
    }

    private Component watchersPanel() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("watchers");
        box.add(new H3(getTranslation("ticket.watchers")));
        List<String> watchers = Ui.await(() -> collaboration.watchers(user, number));
        box.add(new Span(watchers.isEmpty() ? "—" : String.join(", ", watchers)));
        boolean watching = watchers.contains(user.username());
        Button toggle = new Button(getTranslation(watching ? "ticket.unwatch" : "ticket.watch"), e -> {
            if (Ui.attempt(() -> Ui.await(() -> watching ? collaboration.unwatch(user, number, null)
                    : collaboration.watch(user, number, null)))) {
                render();
            }
        });
        toggle.setId("watch-toggle");
        box.add(toggle);
        if (user.seesAllTickets()) {
            TextField other = new TextField();
            other.setPlaceholder(getTranslation("ticket.addWatcher"));
            Button add = new Button("+", e -> {
                if (Ui.attempt(() -> Ui.await(() -> collaboration.watch(user, number, other.getValue())))) {
                    render();
                }
            });
            box.add(new HorizontalLayout(other, add));
        }
        return box;
    }
}
