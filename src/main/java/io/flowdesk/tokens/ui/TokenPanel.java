package io.flowdesk.tokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tokens.CreateTokenRequest;
import io.flowdesk.tokens.CreatedToken;
import io.flowdesk.tokens.TokenScope;
import io.flowdesk.tokens.TokenView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Create a token (name, scopes, expiry), see its secret once with a copy button, list tokens with their last use,
 * revoke. "Data in, events out": the view hands in how to list, create and revoke (mine, or a service account's).
 */
public class TokenPanel extends VerticalLayout {

    static final List<Integer> EXPIRY_DAYS = List.of(7, 30, 90, 365, 0);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<List<TokenView>> list;
    private final Function<CreateTokenRequest, CreatedToken> create;
    private final Consumer<String> revoke;
    private final boolean showOwner;
    private final TextField name = new TextField();
    private final ChoiceBoxes<TokenScope> scopes;
    private final Select<Integer> expires = new Select<>();
    private final Div secretBox = new Div();
    private final Div tokens = new Div();

    public TokenPanel(String idPrefix, List<TokenScope> grantable, Supplier<List<TokenView>> list,
            Function<CreateTokenRequest, CreatedToken> create, Consumer<String> revoke, boolean showOwner) {
        this.list = list;
        this.create = create;
        this.revoke = revoke;
        this.showOwner = showOwner;
        setPadding(false);
        addClassName("fd-token-panel");

        name.setId(idPrefix + "name");
        name.setLabel(Ui.text(Text.of("tokens.form.name")));
        name.setPlaceholder(Ui.text(Text.of("tokens.form.namePlaceholder")));
        name.setMaxLength(100);
        name.setWidthFull();
        name.setMaxWidth("28em");
        scopes = new ChoiceBoxes<>(idPrefix + "scopes", Ui.text(Text.of("tokens.form.scopes")), grantable,
                TokenScope::id, s -> s.id() + " — " + Ui.text(Text.of(s.labelKey())));
        expires.setId(idPrefix + "expires");
        expires.setLabel(Ui.text(Text.of("tokens.form.expires")));
        expires.setItems(EXPIRY_DAYS);
        expires.setItemLabelGenerator(d -> d == 0 ? Ui.text(Text.of("tokens.form.expires.never"))
                : Ui.text(Text.of("tokens.form.expires.days", d)));
        expires.setValue(30);
        Button createButton = new Button(Ui.text(Text.of("tokens.form.create")), e -> create());
        createButton.setId(idPrefix + "create");
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        secretBox.setId(idPrefix + "secret-box");
        secretBox.addClassName("fd-token-secret");
        secretBox.setVisible(false);
        tokens.setId(idPrefix + "list");
        tokens.addClassName("fd-token-list");
        Div form = new Div(name, scopes, expires, createButton);
        form.addClassName("fd-token-form");
        H3 listTitle = new H3(Ui.text(Text.of("tokens.list.title")));
        add(form, secretBox, listTitle, tokens);
        refresh();
    }

    private void create() {
        name.setInvalid(false);
        scopes.error(null);
        Integer days = expires.getValue();
        CreateTokenRequest request = new CreateTokenRequest(name.getValue(), scopes.value().stream()
                .map(TokenScope::id).sorted().toList(), null, days == null || days == 0 ? null : days, null);
        try {
            CreatedToken created = create.apply(request);
            showSecret(created.token());
            name.clear();
            scopes.clear();
            refresh();
        } catch (InvalidInput invalid) {
            for (FieldError error : invalid.errors()) {
                String message = error.message(Ui.locale());
                if (error.pointer().equals("/name")) {
                    name.setErrorMessage(message);
                    name.setInvalid(true);
                } else if (error.pointer().equals("/scopes")) {
                    scopes.error(message);
                }
            }
            Ui.error(Ui.message(invalid));
        } catch (FlowDeskException other) {
            Ui.error(Ui.message(other));
        }
    }

    /** The secret, this once: not kept anywhere after "I have copied it". */
    private void showSecret(String token) {
        secretBox.removeAll();
        Span title = new Span(Ui.text(Text.of("tokens.created.title")));
        title.addClassName("fd-token-secret-title");
        Paragraph help = new Paragraph(Ui.text(Text.of("tokens.created.help")));
        help.addClassName("fd-hint");
        Span code = new Span(token);
        code.setId(secretBox.getId().orElse("").replace("secret-box", "secret"));
        code.addClassName("fd-token-code");
        Button copy = new Button(Ui.text(Text.of("tokens.created.copy")), e -> {
            copyFrom(code);
            Ui.success(Ui.text(Text.of("tokens.created.copied")));
        });
        copy.setId(secretBox.getId().orElse("").replace("secret-box", "copy"));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button done = new Button(Ui.text(Text.of("tokens.created.done")), e -> {
            secretBox.removeAll();
            secretBox.setVisible(false);
        });
        done.setId(secretBox.getId().orElse("").replace("secret-box", "done"));
        done.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout row = new HorizontalLayout(code, copy);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("flex-wrap", "wrap");
        secretBox.add(title, help, row, done);
        secretBox.setVisible(true);
    }

    /** Copies the text in the browser (the clipboard API, with a selection fallback where it is not allowed). */
    private static void copyFrom(Span code) {
        code.getElement().executeJs("const t = this.textContent;"
                + "if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(t); return; }"
                + "const r = document.createRange(); r.selectNodeContents(this);"
                + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); document.execCommand('copy');");
    }

    public void refresh() {
        tokens.removeAll();
        List<TokenView> all = list.get();
        if (all.isEmpty()) {
            tokens.add(new Paragraph(Ui.text(Text.of("tokens.list.none"))));
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (TokenView t : all) {
            Div card = new Div();
            card.addClassName("fd-token-card");
            card.getElement().setAttribute("data-id", t.id());
            card.getElement().setAttribute("data-status", t.status());
            Span title = new Span(t.name());
            title.addClassName("fd-token-name");
            Span prefix = new Span(t.prefix() + "_…");
            prefix.addClassName("fd-token-prefix");
            Span status = new Span(Ui.text(Text.of("tokens.status." + t.status())));
            status.getElement().getThemeList().add(switch (t.status()) {
                case "active" -> "badge success";
                case "expired" -> "badge contrast";
                default -> "badge error";
            });
            status.addClassName("fd-token-status");
            HorizontalLayout head = new HorizontalLayout(title, prefix, status);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.getStyle().set("flex-wrap", "wrap");
            card.add(head);
            Span scopeLine = new Span(String.join(" · ", t.scopes()));
            scopeLine.addClassName("fd-token-scopes");
            card.add(scopeLine);
            String created = Ui.text(Text.of("tokens.list.created", WHEN.format(t.createdAt().atZoneSameInstant(zone)),
                    t.createdBy()));
            String expiry = t.expiresAt() == null ? Ui.text(Text.of("tokens.list.never"))
                    : Ui.text(Text.of("tokens.list.expires", WHEN.format(t.expiresAt().atZoneSameInstant(zone))));
            String used = t.lastUsedAt() == null ? Ui.text(Text.of("tokens.list.neverUsed"))
                    : Ui.text(Text.of("tokens.list.lastUsed", WHEN.format(t.lastUsedAt().atZoneSameInstant(zone)),
                            t.lastUsedAddress() == null ? "?" : t.lastUsedAddress()));
            Div meta = new Div();
            meta.addClassName("fd-hint");
            if (showOwner) {
                meta.add(new Div(new Span(Ui.text(Text.of("tokens.list.owner", t.owner())))));
            }
            meta.add(new Div(new Span(created + " · " + expiry)));
            Span usedSpan = new Span(used);
            usedSpan.addClassName("fd-token-used");
            meta.add(new Div(usedSpan));
            card.add(meta);
            if (t.status().equals("active")) {
                Button revokeButton = new Button(Ui.text(Text.of("tokens.list.revoke")), e -> {
                    if (Ui.attempt(() -> revoke.accept(t.id()))) {
                        Ui.success(Ui.text(Text.of("tokens.list.revoked")));
                        refresh();
                    }
                });
                revokeButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL,
                        ButtonVariant.LUMO_TERTIARY);
                revokeButton.addClassName("fd-token-revoke");
                card.add(revokeButton);
            }
            tokens.add(card);
        }
    }
}
