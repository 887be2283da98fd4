package io.flowdesk.tokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.tokens.CreatedToken;
import io.flowdesk.tokens.ServiceAccount;
import io.flowdesk.tokens.TokenScope;
import io.flowdesk.tokens.TokenService;
import java.util.List;

/**
 * Service accounts (admins): create one (user name, display name, roles), give it tokens and revoke them; and every
 * token of every user, which an admin may revoke (ADR 0050).
 */
@Route(value = "admin/service-accounts", layout = MainLayout.class)
@PageTitle("FlowDesk")
@StyleSheet("fd-tokens.css")
public class ServiceAccountsView extends VerticalLayout implements BeforeEnterObserver {

    private final TokenService tokens;
    private CurrentUser admin;
    private final Div accounts = new Div();
    private final Div selected = new Div();
    private TokenPanel all;

    public ServiceAccountsView(TokenService tokens) {
        this.tokens = tokens;
        addClassName("fd-tokens");
        setMaxWidth("60em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        admin = UiSession.user().orElseThrow();
        if (!admin.has(Role.ADMIN)) {
            event.forwardTo("");
            return;
        }
        removeAll();
        add(new H2(Ui.text(Text.of("tokens.admin.title"))));
        Paragraph help = new Paragraph(Ui.text(Text.of("tokens.admin.help")));
        help.addClassName("fd-hint");
        add(help, createForm());
        accounts.setId("sa-list");
        accounts.addClassName("fd-token-list");
        selected.setId("sa-selected");
        add(accounts, selected);
        add(new H3(Ui.text(Text.of("tokens.admin.all"))));
        all = new AllTokens(tokens, admin);
        add(all);
        renderAccounts();
    }

    private Div createForm() {
        TextField username = new TextField(Ui.text(Text.of("tokens.admin.username")));
        username.setId("sa-username");
        TextField displayName = new TextField(Ui.text(Text.of("tokens.admin.displayName")));
        displayName.setId("sa-display-name");
        ChoiceBoxes<String> roles = new ChoiceBoxes<>("sa-roles", Ui.text(Text.of("tokens.admin.roles")),
                TokenService.SERVICE_ROLES, r -> r, r -> Ui.text(Text.of("tokens.role." + r)));
        Button create = new Button(Ui.text(Text.of("tokens.admin.create")), e -> {
            username.setInvalid(false);
            try {
                ServiceAccount made = Ui.await(() -> tokens.createServiceAccount(admin, new ServiceAccount.Create(
                        username.getValue(), displayName.getValue(), List.copyOf(roles.value()))));
                Ui.success(Ui.text(Text.of("tokens.admin.created", made.username())));
                username.clear();
                displayName.clear();
                roles.clear();
                renderAccounts();
                select(made.username());
            } catch (InvalidInput invalid) {
                for (FieldError error : invalid.errors()) {
                    if (error.pointer().equals("/username")) {
                        username.setErrorMessage(error.message(Ui.locale()));
                        username.setInvalid(true);
                    }
                }
                Ui.error(Ui.message(invalid));
            } catch (FlowDeskException other) {
                Ui.error(Ui.message(other));
            }
        });
        create.setId("sa-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(username, displayName, roles, create);
        form.addClassName("fd-token-form");
        return form;
    }

    private void renderAccounts() {
        accounts.removeAll();
        List<ServiceAccount> list = Ui.await(() -> tokens.serviceAccounts(admin));
        if (list.isEmpty()) {
            accounts.add(new Paragraph(Ui.text(Text.of("tokens.admin.none"))));
        }
        for (ServiceAccount account : list) {
            Div card = new Div();
            card.addClassName("fd-token-card");
            card.getElement().setAttribute("data-username", account.username());
            Span name = new Span(account.displayName());
            name.addClassName("fd-token-name");
            Span user = new Span(account.username());
            user.addClassName("fd-token-prefix");
            Span live = new Span(Ui.text(Text.of("tokens.admin.liveTokens", account.activeTokens())));
            live.getElement().getThemeList().add("badge contrast");
            HorizontalLayout head = new HorizontalLayout(name, user, live);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.getStyle().set("flex-wrap", "wrap");
            Span roles = new Span(account.roles().isEmpty() ? "—" : String.join(" · ", account.roles().stream()
                    .map(r -> Ui.text(Text.of("tokens.role." + r))).toList()));
            roles.addClassName("fd-hint");
            Button open = new Button(Ui.text(Text.of("tokens.admin.tokensOf", account.username())),
                    e -> select(account.username()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            open.addClassName("fd-sa-open");
            card.add(head, new Div(roles), open);
            accounts.add(card);
        }
    }

    private void select(String username) {
        selected.removeAll();
        H3 title = new H3(Ui.text(Text.of("tokens.admin.newToken", username)));
        List<TokenScope> scopes = Ui.await(() -> tokens.serviceAccounts(admin)).stream()
                .filter(a -> a.username().equals(username)).findFirst().map(tokens::grantable).orElse(List.of());
        TokenPanel panel = new TokenPanel("sa-token-", scopes,
                () -> Ui.await(() -> tokens.serviceAccountTokens(admin, username)),
                request -> {
                    CreatedToken created = Ui.await(() -> tokens.createForServiceAccount(admin, username, request));
                    all.refresh();
                    return created;
                }, id -> {
                    Ui.await(() -> tokens.revokeAny(admin, id));
                    all.refresh();
                }, false);
        selected.add(title, panel);
        if (all != null) {
            all.refresh();
        }
    }

    /** Every token, with its owner; an admin may revoke any. No create form here. */
    static final class AllTokens extends TokenPanel {
        AllTokens(TokenService tokens, CurrentUser admin) {
            super("all-token-", List.of(), () -> Ui.await(() -> tokens.all(admin)), request -> {
                throw new IllegalStateException("no create here");
            }, id -> Ui.await(() -> tokens.revokeAny(admin, id)), true);
            getChildren().filter(c -> c.hasClassName("fd-token-form") || c instanceof H3).toList()
                    .forEach(c -> c.setVisible(false));
        }
    }
}
