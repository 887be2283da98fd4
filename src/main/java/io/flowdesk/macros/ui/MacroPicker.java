package io.flowdesk.macros.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.flowdesk.macros.Macro;
import io.flowdesk.macros.MacroPreview;
import io.flowdesk.macros.MacroService;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.tickets.ui.TicketComposerExtension;
import java.util.List;
import java.util.Locale;

/**
 * The macro picker next to the reply box: a button opens a search field that filters the usable macros as one
 * types (name and text); choosing one shows its reply with the placeholders filled for this ticket and what else it
 * does; Apply applies it in one go and the ticket view re-renders with the new timeline entries.
 */
class MacroPicker extends Div {

    private static final int SHOWN = 8;

    private final MacroService macros;
    private final TicketComposerExtension.Composer composer;
    private final Locale locale;
    private final TextField search = new TextField();
    private final Div results = new Div();
    private final Div preview = new Div();
    private final Div panel = new Div();

    MacroPicker(MacroService macros, TicketComposerExtension.Composer composer) {
        this.macros = macros;
        this.composer = composer;
        this.locale = composer.locale();
        setId("macro-picker");
        addClassName("fd-macro-picker");
        Button toggle = new Button(Ui.text(Text.of("macros.picker.button")), VaadinIcon.MAGIC.create(), e -> {
            boolean open = panel.getElement().hasAttribute("hidden");
            panel.getElement().setAttribute("hidden", !open);
            if (open) {
                refresh();
                search.focus();
            }
        });
        toggle.setId("macro-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        search.setId("macro-search");
        search.setPlaceholder(Ui.text(Text.of("macros.picker.search")));
        search.setAriaLabel(Ui.text(Text.of("macros.picker.search")));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(150);
        search.setWidthFull();
        search.addValueChangeListener(e -> refresh());
        results.setId("macro-results");
        results.addClassName("fd-macro-results");
        results.getElement().setAttribute("role", "listbox");
        preview.setId("macro-preview");
        preview.addClassName("fd-macro-preview");
        preview.getElement().setAttribute("hidden", true);
        Anchor manage = new Anchor("me/macros", Ui.text(Text.of("macros.picker.manage")));
        manage.addClassName("fd-hint");
        panel.add(search, results, preview, manage);
        panel.addClassName("fd-macro-panel");
        panel.getElement().setAttribute("hidden", true);
        add(toggle, panel);
    }

    private void refresh() {
        results.removeAll();
        List<Macro> found = Ui.await(() -> macros.usable(composer.user(), search.getValue(), locale));
        if (found.isEmpty()) {
            results.add(new Span(Ui.text(Text.of("macros.picker.none"))));
        }
        for (Macro m : found.stream().limit(SHOWN).toList()) {
            Button option = new Button(m.name(locale), e -> show(m));
            option.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            option.addClassName("fd-macro-option");
            option.getElement().setAttribute("role", "option");
            option.getElement().setAttribute("data-key", m.key());
            Span kind = new Span(Ui.text(Text.of(m.cannedReply() ? "macros.picker.canned" : m.internal()
                    ? "macros.picker.internal" : "macros.picker.public")) + " · " + Ui.text(Text.of("macros.scope."
                            + m.scope())));
            kind.addClassName("fd-hint");
            Div row = new Div(option, kind);
            row.addClassName("fd-macro-row");
            results.add(row);
        }
        preview.getElement().setAttribute("hidden", true);
    }

    private void show(Macro m) {
        preview.removeAll();
        MacroPreview p;
        try {
            p = Ui.await(() -> macros.preview(composer.user(), composer.number(), m.key(), locale));
        } catch (io.flowdesk.shared.FlowDeskException e) {
            Ui.error(Ui.message(e));
            return;
        }
        Span title = new Span(m.name(locale) + (p.reply() == null ? "" : " · " + Ui.text(Text.of(p.internal()
                ? "macros.picker.internal" : "macros.picker.public")) + " (" + p.language() + ")"));
        title.addClassName("fd-macro-title");
        preview.add(title);
        if (p.reply() != null) {
            Paragraph reply = new Paragraph(p.reply());
            reply.setId("macro-preview-text");
            reply.addClassName("fd-macro-reply");
            preview.add(reply);
        }
        List<Text> more = p.effects().stream().filter(t -> !t.key().equals("macros.done.reply")
                && !t.key().equals("macros.done.note")).toList();
        if (!more.isEmpty()) {
            Span effects = new Span(Ui.text(Text.of("macros.picker.effects", String.join(", ", more.stream()
                    .map(Ui::text).toList()))));
            effects.addClassName("fd-hint");
            preview.add(effects);
        }
        Button apply = new Button(Ui.text(Text.of("macros.picker.apply")), e -> {
            if (Ui.attempt(() -> Ui.await(() -> macros.apply(composer.user(), composer.number(), m.key(), locale)))) {
                Ui.success(Ui.text(Text.of("macros.picker.applied", m.name(locale))));
                composer.refresh().run();
            }
        });
        apply.setId("macro-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(apply);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        preview.add(buttons);
        preview.getElement().removeAttribute("hidden");
    }

    static Component of(MacroService macros, TicketComposerExtension.Composer composer) {
        return new MacroPicker(macros, composer);
    }
}
