package io.flowdesk.macros.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Department;
import io.flowdesk.identity.IdentityService;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.macros.Macro;
import io.flowdesk.macros.MacroService;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import java.util.List;

/**
 * My macros: every macro I may use, personal ones first; create, edit and delete my own, and (supervisors) those
 * shared with my department, (admins) every shared one.
 */
@Route(value = "me/macros", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class MacrosView extends VerticalLayout implements BeforeEnterObserver {

    static final String PLACEHOLDERS = "{{ticket.number}} {{ticket.title}} {{ticket.priority}} {{ticket.status}} "
            + "{{customer.name}} {{agent.name}} {{data.x}}";

    private final MacroService macros;
    private final IdentityService identity;
    private CurrentUser user;

    public MacrosView(MacroService macros, IdentityService identity) {
        this.macros = macros;
        this.identity = identity;
        addClassName("fd-macros");
        setMaxWidth("56em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        if (user.isCustomer()) {
            event.forwardTo("");
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(new H2(Ui.text(Text.of("macros.view.title"))));
        Paragraph help = new Paragraph(Ui.text(Text.of("macros.view.help")));
        Span tokens = new Span(Ui.text(Text.of("macros.view.placeholders")) + ": " + PLACEHOLDERS);
        tokens.addClassName("fd-hint");
        List<Department> departments = Ui.await(identity::departments);
        List<CurrentUser> workers = Ui.await(identity::workers);
        Button create = new Button(Ui.text(Text.of("macros.view.new")), e -> new MacroDialog(macros, user, null,
                departments, workers, this::render).open());
        create.setId("macro-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(help, tokens, create);
        Div list = new Div();
        list.setId("macro-list");
        list.addClassName("fd-macro-list");
        List<Macro> all = Ui.await(() -> macros.usable(user, null, Ui.locale()));
        if (all.isEmpty()) {
            list.add(new Paragraph(Ui.text(Text.of("macros.view.none"))));
        }
        String tag = Ui.locale().getLanguage().equals("zh") ? "zh-CN" : "en";
        for (Macro m : all) {
            Div card = new Div();
            card.addClassName("fd-macro-card");
            card.getElement().setAttribute("data-key", m.key());
            Span name = new Span(m.name(Ui.locale()));
            name.addClassName("fd-macro-title");
            String where = Ui.text(Text.of("macros.scope." + m.scope())) + (m.department() == null ? ""
                    : " · " + departments.stream().filter(d -> d.key().equals(m.department())).findFirst()
                            .map(d -> d.name(tag)).orElse(m.department()));
            Span scope = new Span(where);
            scope.getElement().getThemeList().add("badge contrast");
            HorizontalLayout head = new HorizontalLayout(name, scope);
            head.setAlignItems(Alignment.BASELINE);
            head.getStyle().set("flex-wrap", "wrap");
            card.add(head);
            String reply = tag.equals("zh-CN") ? first(m.replyZh(), m.replyEn()) : first(m.replyEn(), m.replyZh());
            if (reply != null) {
                Paragraph text = new Paragraph(reply.length() > 160 ? reply.substring(0, 160) + "…" : reply);
                text.addClassName("fd-macro-reply");
                card.add(text);
            }
            if (!m.actions().isEmpty()) {
                Span actions = new Span(Ui.text(Text.of("macros.view.actions")) + ": " + String.join(", ", m.actions()
                        .stream().map(a -> describe(a, departments, tag)).toList()));
                actions.addClassName("fd-hint");
                card.add(actions);
            }
            if (m.editable()) {
                Button edit = new Button(Ui.text(Text.of("macros.view.edit")), e -> new MacroDialog(macros, user, m,
                        departments, workers, this::render).open());
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                edit.addClassName("fd-macro-edit");
                Button delete = new Button(Ui.text(Text.of("macros.view.delete")), e -> {
                    if (Ui.attempt(() -> Ui.await(() -> macros.delete(user, m.key())))) {
                        Ui.success(Ui.text(Text.of("macros.view.deleted")));
                        render();
                    }
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL,
                        ButtonVariant.LUMO_ERROR);
                delete.addClassName("fd-macro-delete");
                card.add(new HorizontalLayout(edit, delete));
            }
            list.add(card);
        }
        add(list);
    }

    private static String describe(Macro.Action a, List<Department> departments, String tag) {
        return switch (a.type()) {
            case "status" -> Ui.text(Text.of("macros.action.status")) + " " + Ui.text(Text.of("status." + a.value()));
            case "priority" -> Ui.text(Text.of("macros.action.priority")) + " " + ("raise".equals(a.value())
                    ? Ui.text(Text.of("macros.priority.raise")) : a.value());
            case "addTag", "removeTag" -> Ui.text(Text.of("macros.action." + a.type())) + " " + a.value();
            case "transfer" -> a.user() != null ? Ui.text(Text.of("macros.action.transferUser")) + " " + a.user()
                    : Ui.text(Text.of("macros.action.transfer")) + " " + departments.stream().filter(d -> d.key()
                            .equals(a.department())).findFirst().map(d -> d.name(tag)).orElse(a.department());
            default -> a.type();
        };
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
